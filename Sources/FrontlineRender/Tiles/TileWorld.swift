import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// The layers of a map on a date, projected once to Web Mercator metres (through PROJ,
/// EPSG:3857), with the box of every ring and line: each tile then selects what crosses it
/// and scales it to pixels, with no projection per tile. Plain values: tiles are drawn on all
/// cores from one world.
struct TileWorld: Sendable {
    struct Shape: Sendable {
        let points: [Position]
        let box: Envelope
    }

    /// Shapes in metres (a tile world has no markers: a tile places its own dots).
    typealias Layer = Drawing<[Shape], [Shape], [Position]>

    struct Place: Sendable {
        let position: Position  // metres
        let ranked: PlaceRanking.Ranked
    }

    let layers: [Layer]
    let overlayLayers: [Layer]
    let regionLabels: [(label: MapLabel, at: Position)]
    let places: [Place]
    let theme: Theme
    /// Makes the place labels a tile needs (fonts and colours of the maps).
    let composer: MapComposer
    /// Where there is anything of the overlay (held land), metres.
    let overlayBox: Envelope?
    /// The layers thinned for each zoom up to `thinnedZooms` (see `decimated`).
    private let thinned = Locked([ThinKey: [Layer]]())
    /// (By zoom and tile size, not by resolution: tiles of one zoom differ in its last bits.)
    private struct ThinKey: Hashable { let overlay: Bool; let zoom: Int; let pixels: Int }
    static let thinnedZooms = 0...7

    init(composer: MapComposer, state: ControlState, geometry: ControlGeometry, cache: TileShapeCache = TileShapeCache()) throws {
        let projection = try Projection(to: "EPSG:3857")
        func project(_ lines: [[Position]]) throws -> [Shape] {
            try lines.compactMap { l in
                var p = l
                try projection.project(&p)
                return Envelope(of: p).map { Shape(points: p, box: $0) }
            }
        }
        // The control layers and the clips made of them are the date's own: projected, not
        // looked up. Every other layer, and what is filled inside a clip (the land held before
        // 2022), is the same on every date: kept in `cache`.
        let overlay = composer.statusLayers(state, geometry) + composer.frontLine(geometry)
        func convert(_ layer: SceneLayer) throws -> Layer? {
            let fixed = !layer.layer.isDated
            func shapes(_ lines: [[Position]]) throws -> [Shape] { fixed ? try cache.shapes(lines) { try project(lines) } : try project(lines) }
            if case .fillInside(let polygons, let style, let clip) = layer.drawing {
                // What is filled is the same on every date; only the clip is the date's.
                let rings = polygons.flatMap { $0 }
                return .fillInside(rings: try cache.shapes(rings) { try project(rings) }, style: style, clip: try project(clip.flatMap { $0 }))
            }
            // The date's layers (control, the front line and its clip) are projected, not looked up.
            return try layer.drawing.map(area: { try shapes($0.flatMap { $0 }) }, line: { try shapes($0) }, points: { _ in nil })
        }
        let all = composer.layers(state, geometry, focus: [])
        let projected = Dictionary(try overlay.compactMap { l in try convert(l).map { (l.layer, $0) } }, uniquingKeysWith: { a, _ in a })
        // The overlay's layers are among the full style's: each projected once.
        layers = try all.compactMap { l in try projected[l.layer] ?? convert(l) }
        overlayLayers = try overlay.compactMap { l in try projected[l.layer] ?? convert(l) }
        let boxes = overlayLayers.flatMap { l -> [Envelope] in
            if case .fill(let shapes, _, _) = l { return shapes.map(\.box) }
            return []
        }
        overlayBox = boxes.dropFirst().reduce(boxes.first) { $0?.union($1) }
        let everywhere = Envelope(minX: -180, minY: -85, maxX: 180, maxY: 85)
        regionLabels = try composer.regionLabels(state, geometry, visible: everywhere, focus: [],
                                              viewport: try composer.viewport(composer.frame([])))
            .map { ($0, TileCoord.mercator($0.anchor)) }
        places = PlaceRanking(front: geometry.front).ranked(composer.base.places).map { Place(position: TileCoord.mercator($0.place.position), ranked: $0) }
        self.composer = composer
        theme = composer.theme
    }

    /// The layers with points closer than half a pixel of `zoom` dropped, once per zoom: a tile
    /// hands Cairo its shapes' points thinned to half a pixel anyway, but thinning the whole
    /// world's rings again for each of a zoom's tiles cost a low-zoom tile 4 ms. (Each tile
    /// still thins what it is given, in its own pixels; shapes keep their full boxes.) Zooms
    /// past `thinnedZooms` are drawn from the full layers.
    func decimated(_ overlay: Bool, resolution: Double, zoom: Int, pixels: Int) -> [Layer] {
        let full = overlay ? overlayLayers : layers
        guard Self.thinnedZooms.contains(zoom) else { return full }
        let key = ThinKey(overlay: overlay, zoom: zoom, pixels: pixels)
        if let done = thinned.value[key] { return done }
        let step = 0.5 * resolution
        func thin(_ shapes: [Shape]) -> [Shape] {
            shapes.map { s in
                // Copied to its own size: `decimate` reserves room for every point it was given.
                let kept = SceneRenderer.decimate(s.points, step: step)
                var exact = [Position]()
                exact.reserveCapacity(kept.count)
                exact.append(contentsOf: kept)
                return Shape(points: exact, box: s.box)
            }
        }
        let made = full.compactMap { $0.map(area: thin, line: thin, points: { $0 }) }
        thinned.update { $0[key] = made }
        return made
    }
}
