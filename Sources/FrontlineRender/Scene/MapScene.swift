import FrontlineGeo

/// What a map shows, independent of how it is drawn (the Mapnik split: the model never
/// touches Cairo). Geometry is in lon/lat; sizes are in style units, multiplied by `unit`
/// (device units per style unit: 1 at 96 dpi) when drawn.
public struct MapScene: Sendable {
    /// The markers layer of places: each dot is drawn only if its label finds room.
    public static let placesLayer = "places"
    /// The front line: labels keep off it.
    public static let frontLayer = "front-line"
    /// Rings around changes too small to see: labels keep off them where they can.
    public static let changeRingsLayer = "small-changes"
    public var width: Double
    public var height: Double
    public var unit: Double
    /// The smallest text the furniture uses, device units (0: no floor).
    public var textFloor: Double = 0
    public var background: RGBA
    /// PROJ definition of the map projection.
    public var projection: String
    /// The lon/lat box to fit into `frame`.
    public var extent: Envelope
    /// The device rectangle the extent is fitted into.
    public var frame: Envelope
    public var layers: [SceneLayer]
    /// The layers that hold the data (control, change): furniture avoids covering them.
    public var dataLayers: Set<String> = []
    public var labels: [MapLabel]
    public var furniture: Furniture

    public init(width: Double, height: Double, unit: Double, background: RGBA, projection: String, extent: Envelope,
                frame: Envelope, layers: [SceneLayer] = [], labels: [MapLabel] = [], furniture: Furniture = Furniture()) {
        self.width = width
        self.height = height
        self.unit = unit
        self.background = background
        self.projection = projection
        self.extent = extent
        self.frame = frame
        self.layers = layers
        self.labels = labels
        self.furniture = furniture
    }
}

/// One drawing step, in order.
public enum SceneLayer: Sendable {
    /// Polygons (rings, exterior first) filled in one path; optionally outlined.
    case fill(name: String, polygons: [[[Position]]], style: FillStyle, outline: LineStyle?)
    /// Lines stroked in one path.
    case stroke(name: String, lines: [[Position]], style: LineStyle)
    /// Circles of `radius` style units, with an outline and an optional fill.
    case markers(name: String, points: [Position], radius: Double, outline: LineStyle, fill: RGBA?)
    /// Lines stroked at twice the style's width and clipped to polygons (even-odd): what shows
    /// is a line of the style's width running along the inside of the clip's edge. The front
    /// line is the outlines of free land clipped to held land.
    case strokeInside(name: String, lines: [[Position]], style: LineStyle, clip: [[[Position]]])
    /// Polygons filled only where they lie inside the clip polygons (even-odd): territory
    /// held before 2022 is the baseline drawn inside today's occupied land, with no overlay.
    case fillInside(name: String, polygons: [[[Position]]], style: FillStyle, clip: [[[Position]]])

    /// Positions to project: what decides how layers are shared between threads.
    var pointCount: Int {
        func rings(_ p: [[[Position]]]) -> Int { p.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
        switch self {
        case .fill(_, let polygons, _, _): return rings(polygons)
        case .stroke(_, let lines, _): return lines.reduce(0) { $0 + $1.count }
        case .markers(_, let points, _, _, _): return points.count
        case .strokeInside(_, let lines, _, let clip): return lines.reduce(0) { $0 + $1.count } + rings(clip)
        case .fillInside(_, let polygons, _, let clip): return rings(polygons) + rings(clip)
        }
    }

    public var name: String {
        switch self {
        case .fill(let n, _, _, _), .stroke(let n, _, _), .markers(let n, _, _, _, _), .strokeInside(let n, _, _, _),
             .fillInside(let n, _, _, _): return n
        }
    }
}

/// A label: one or more lines of text anchored at a lon/lat position. Labels are placed in
/// priority order and dropped when every candidate position collides with one already placed.
public struct MapLabel: Sendable {
    public enum Placement: Sendable {
        /// Centred on the anchor (region names), nudged up or down if needed.
        case centered
        /// Beside a point marker of the given radius (style units): right, left, above, below.
        case besidePoint(markerRadius: Double)
    }

    public struct Line: Sendable {
        public var text: String
        public var font: Font
        public var color: RGBA
        public init(_ text: String, font: Font, color: RGBA) {
            self.text = text
            self.font = font
            self.color = color
        }
    }

    public var lines: [Line]
    public var anchor: Position
    public var placement: Placement
    public var priority: Double
    public var halo: RGBA

    public init(lines: [Line], anchor: Position, placement: Placement, priority: Double, halo: RGBA) {
        self.lines = lines
        self.anchor = anchor
        self.placement = placement
        self.priority = priority
        self.halo = halo
    }
}

/// Title, legend, scale bar and attribution: the parts of a map that are not geography.
public struct Furniture: Sendable {
    public enum Swatch: Sendable {
        case fill(FillStyle)
        /// Fills laid one over another, as on the map (a fill drawn over another layer).
        case fills([FillStyle])
        case line(LineStyle)
    }

    public var title = ""
    public var subtitle: [String] = []
    public var legend: [(label: String, swatch: Swatch)] = []
    public var attribution: [String] = []
    /// A small table in the top-right corner: a title and rows of (label, value).
    public var tableTitle = ""
    public var table: [(label: String, value: String, color: RGBA?)] = []
    /// A locator map (close-ups).
    public var inset: Inset?
    public var scaleBar = true
    public var scaleUnit = "km"
    public var text = RGBA(0, 0, 0)
    public var mutedText = RGBA(0.3, 0.3, 0.3)
    public var panel = RGBA(1, 1, 1, 0.9)
    public var underlay = RGBA(1, 1, 1)

    public init() {}
}
