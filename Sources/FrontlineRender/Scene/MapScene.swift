import FrontlineControl
import FrontlineGeo

/// What a map shows, independent of how it is drawn (the Mapnik split: the model never
/// touches Cairo). Geometry is in lon/lat; sizes are in style units, multiplied by `unit`
/// (device units per style unit: 1 at 96 dpi) when drawn.
public struct MapScene: Sendable {
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
    /// True when the furniture keeps off the layers that hold data (`MapLayer.holdsData`);
    /// a timelapse turns it off, so the panels stay put from frame to frame.
    public var furnitureAvoidsData = true
    public var labels: [MapLabel]
    public var furniture: Furniture
    /// The lon/lat box the base layers cover (nil: everywhere). Where a tall or wide frame
    /// shows more, bands in the panel's colour cover the rows beyond it (`SceneRenderer.baseBands`).
    public var baseExtent: Envelope?

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

/// One drawing step of a scene, in order: which of the map's layers it draws, and how, over
/// lon/lat shapes (polygons are rings, exterior first).
public struct SceneLayer: Sendable {
    public typealias Shapes = Drawing<[[[Position]]], [[Position]], [Position]>
    public let layer: MapLayer
    public let drawing: Shapes

    public init(_ layer: MapLayer, _ drawing: Shapes) {
        self.layer = layer
        self.drawing = drawing
    }

    public static func fill(layer: MapLayer, polygons: [[[Position]]], style: FillStyle, outline: LineStyle?) -> SceneLayer {
        SceneLayer(layer, .fill(rings: polygons, style: style, outline: outline))
    }
    public static func stroke(layer: MapLayer, lines: [[Position]], style: LineStyle) -> SceneLayer {
        SceneLayer(layer, .stroke(lines: lines, style: style))
    }
    /// Circles of `radius` style units, with an outline and an optional fill.
    public static func markers(layer: MapLayer, points: [Position], radius: Double, outline: LineStyle, fill: RGBA?) -> SceneLayer {
        SceneLayer(layer, .markers(centres: points, radius: radius, outline: outline, fill: fill))
    }
    public static func strokeInside(layer: MapLayer, lines: [[Position]], style: LineStyle, clip: [[[Position]]]) -> SceneLayer {
        SceneLayer(layer, .strokeInside(lines: lines, style: style, clip: clip))
    }
    public static func fillInside(layer: MapLayer, polygons: [[[Position]]], style: FillStyle, clip: [[[Position]]]) -> SceneLayer {
        SceneLayer(layer, .fillInside(rings: polygons, style: style, clip: clip))
    }

    /// Positions to project: what decides how layers are shared between threads.
    var pointCount: Int {
        func rings(_ p: [[[Position]]]) -> Int { p.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
        func lines(_ l: [[Position]]) -> Int { l.reduce(0) { $0 + $1.count } }
        switch drawing {
        case .fill(let polygons, _, _): return rings(polygons)
        case .stroke(let l, _): return lines(l)
        case .markers(let points, _, _, _): return points.count
        case .strokeInside(let l, _, let clip): return lines(l) + rings(clip)
        case .fillInside(let polygons, _, let clip): return rings(polygons) + rings(clip)
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
    /// A place a reader must find named (a front town of some size, a city): where the front
    /// line leaves no room beside its dot, its name may stand farther out with a leader line.
    public var mayLead: Bool

    public init(lines: [Line], anchor: Position, placement: Placement, priority: Double, halo: RGBA, mayLead: Bool = false) {
        self.lines = lines
        self.anchor = anchor
        self.placement = placement
        self.priority = priority
        self.halo = halo
        self.mayLead = mayLead
    }
}

/// Title, legend, scale bar and attribution: the parts of a map that are not geography.
public struct Furniture: Sendable {
    public enum Swatch: Sendable {
        case fill(FillStyle)
        /// Fills laid one over another, as on the map (a fill drawn over another layer).
        case fills([FillStyle])
        case line(LineStyle)
        /// The land as the map draws it where no status is: the country's own ("Held by Ukraine").
        case land(FillStyle)
        /// No swatch: a note in the legend's place ("Grey zone: not reported").
        case note

        public var isNote: Bool { if case .note = self { return true } else { return false } }
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
