import Foundation
import FrontlineControl
import FrontlineGeo

/// XYZ map tiles of control on a date, drawn with the same styles, canvas and label placer as
/// the maps. A tile is a map of one tile's extent in Web Mercator: geometry a little beyond
/// the edges is drawn too (so strokes do not break at tile edges), and a label is drawn only
/// where it fits inside the tile whole (so no label is cut by an edge).
///
///     let tiles = try TileRenderer(dataset: ds, date: DayDate("2026-02-05")!)
///     let png = try tiles.png(tile: TileCoord(z: 8, x: 152, y: 89)!, style: .full)
public final class TileRenderer: Sendable {
    public enum Style: String, CaseIterable, Sendable {
        /// Land, water, borders, regions, control, labels where they fit.
        case full
        /// Transparent but for the control layers and the front line: to lay over a base map.
        case overlay
    }

    public let dataset: Dataset
    public let state: ControlState
    let world: TileWorld

    /// The tile world of a date: measured by Control, projected once; a shared context means
    /// `base/` is not read again for each date (a tile server draws many).
    public init(context: MapContext, date: DayDate, source: String? = nil, theme: Theme.Name = .light, language: Language = .english) throws {
        dataset = context.dataset
        let measured = try dataset.measure(asOf: date, source: source)
        state = measured.state
        var options = MapOptions()
        options.theme = theme
        options.language = language
        let composer = MapComposer(dataset: dataset, base: try context.base(), options: options)
        world = try TileWorld(composer: composer, state: measured.state, geometry: measured.geometry, cache: context.tileShapes)
    }

    /// A tile world with a context of its own (the base layers read now).
    public convenience init(dataset: Dataset, date: DayDate, source: String? = nil, theme: Theme.Name = .light, language: Language = .english) throws {
        try self.init(context: try MapContext(dataset: dataset), date: date, source: source, theme: theme, language: language)
    }

    /// True when an overlay tile would hold anything (empty overlay tiles are not written).
    public func overlayHasData(_ tile: TileCoord) -> Bool {
        world.overlayBox?.intersects(tile.mercatorBounds) ?? false
    }

    /// The tile as PNG; `scale` 2 gives 512-pixel tiles for high-density screens.
    public func png(tile: TileCoord, style: Style, scale: Int = 1) throws -> Data {
        try png(bounds: tile.mercatorBounds, width: 256 * scale, height: 256 * scale, zoom: tile.z, style: style, scale: Double(scale))
    }

    /// Any Web Mercator box at a tile zoom's resolution (a tile is the 256-pixel case; tests
    /// draw two tiles' box at once to check that tiles meet without seams).
    func png(bounds b: Envelope, width: Int, height: Int, zoom: Int, style: Style, scale: Double) throws -> Data {
        let resolution = b.width / Double(width)
        let buffer = 16 * scale * resolution
        let area = b.expanded(by: buffer)
        func device(_ shapes: [TileWorld.Shape]) -> [[Position]] {
            shapes.filter { $0.box.intersects(area) }.map { s in
                SceneRenderer.decimate(s.points.map { Position(($0.x - b.minX) / resolution, (b.maxY - $0.y) / resolution) }, step: 0.5)
            }
        }
        let unit = scale * (zoom < 6 ? 0.8 : 1)
        // Only what reaches the tile; a step with nothing there is left out.
        func nonEmpty(_ shapes: [TileWorld.Shape]) -> [[Position]]? { let d = device(shapes); return d.isEmpty ? nil : d }
        var layers: [PreparedScene.Layer] = world.decimated(style == .overlay, resolution: resolution, zoom: zoom, pixels: width)
            .compactMap { $0.map(area: nonEmpty, line: nonEmpty, points: { _ in nil }) }
        let canvas = try Canvas(format: .png, width: width, height: height)
        var scene = MapScene(width: Double(width), height: Double(height), unit: unit,
                             background: style == .overlay ? RGBA(0, 0, 0, 0) : world.theme.neighbourLand,
                             projection: "EPSG:3857", extent: b, frame: Envelope(minX: 0, minY: 0, maxX: Double(width), maxY: Double(height)))
        scene.furniture.scaleBar = false
        var texts: [PlacedText] = []
        if style == .full {
            let (markers, placed) = try labels(b, resolution: resolution, zoom: zoom, unit: unit, canvas: canvas, width: width, height: height)
            if let markers { layers.append(markers) }
            texts = placed
        }
        // Lines are handed over as the runs that reach the tile: a river or border crossing
        // many tiles would otherwise be stroked whole for each of them.
        try SceneRenderer.paint(PreparedScene(scene: scene, viewport: nil, layers: layers, texts: texts), on: canvas,
                                window: Envelope(minX: 0, minY: 0, maxX: Double(width), maxY: Double(height)))
        return try canvas.finish()
    }

    /// Place markers and labels for a tile: big places first, region names from z5; only
    /// those that fit whole inside the tile.
    func labels(_ b: Envelope, resolution: Double, zoom: Int, unit: Double, canvas: Canvas, width: Int, height: Int)
        throws -> (PreparedScene.Layer?, [PlacedText]) {
        func px(_ m: Position) -> Position { Position((m.x - b.minX) / resolution, (b.maxY - m.y) / resolution) }
        let inside = Envelope(minX: 0, minY: 0, maxX: Double(width), maxY: Double(height))
        // Ground km per style unit at the tile's centre (Mercator stretches by 1/cos φ).
        let lat = TileCoord.lonLat(b.center).y
        let kmPerUnit = resolution * cos(lat * .pi / 180) * unit / 1000
        let inTile = world.places.filter { b.contains($0.position) }
        let places = PlaceRanking.candidates(inTile.map(\.ranked), kmPerUnit: kmPerUnit)
        let r = 3 * unit
        let centres = places.map { px(TileCoord.mercator($0.place.position)) }
        let dotBoxes = centres.map { Envelope(minX: $0.x - r - 1.4 * unit, minY: $0.y - r - 1.4 * unit, maxX: $0.x + r + 1.4 * unit, maxY: $0.y + r + 1.4 * unit) }
        var placer = LabelPlacer(bounds: inside, obstacles: [], unit: unit)
        // A viewport stand-in: labels are anchored in lon/lat; map them to this tile's pixels.
        let vp = TilePixels(bounds: b, resolution: resolution)
        // Each place label brings its dot (`centres` has one per place, in order); region labels have none.
        var candidates: [(label: MapLabel, anchor: Position, dot: Envelope?)] = places.enumerated().map {
            let label = scaled(world.composer.placeLabel($0.element.place, priority: $0.element.priority), unit)
            return (label, vp.pixel(label.anchor), dotBoxes[$0.offset])
        }
        if zoom >= 5 { candidates += world.regionLabels.filter { b.contains($0.at) }.map { (scaled($0.label, unit), vp.pixel($0.label.anchor), nil) } }
        let (texts, unnamed) = try placer.placeAll(candidates, canvas: canvas)
        // A label cut by the tile edge takes its dot with it.
        let dots = centres.indices.filter { !unnamed.contains($0) }.map { centres[$0] }
        let markers: PreparedScene.Layer? = dots.isEmpty ? nil
            : .markers(centres: dots, radius: r, outline: world.theme.marker, fill: nil)
        return (markers, texts)
    }

    /// Labels were sized for a 96-dpi map; tiles scale them with the tile's unit.
    private func scaled(_ l: MapLabel, _ unit: Double) -> MapLabel {
        var out = l
        out.lines = l.lines.map { MapLabel.Line($0.text, font: $0.font.scaled(unit), color: $0.color) }
        return out
    }
}

/// Lon/lat to a tile's pixels (spherical Web Mercator, as the tile grid is defined).
struct TilePixels {
    let bounds: Envelope
    let resolution: Double
    func pixel(_ lonLat: Position) -> Position {
        let m = TileCoord.mercator(lonLat)
        return Position((m.x - bounds.minX) / resolution, (bounds.maxY - m.y) / resolution)
    }
}
