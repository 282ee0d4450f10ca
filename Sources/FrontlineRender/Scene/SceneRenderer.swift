import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// Draws a `MapScene` in two steps. `prepare` does everything that does not touch the
/// picture: projection (PROJ), fitting, decimation, label placement around markers and
/// furniture. `paint` then draws the prepared scene on a canvas, and can do so on several
/// canvases at once: a PNG is painted as horizontal bands on all cores and the bands are
/// compressed into one image. SVG and PDF are painted on one canvas.
public enum SceneRenderer {
    /// Draws `scene` on `canvas` (any format) and returns the viewport used.
    @discardableResult
    public static func draw(_ scene: MapScene, on canvas: Canvas) throws -> Viewport {
        let prepared = try prepare(scene, measuring: canvas)
        try paint(prepared, on: canvas)
        return prepared.viewport!
    }

    /// The scene as PNG bytes, painted in bands on all cores.
    /// The scene as bytes of `format`: PNG painted in bands, SVG or PDF on one canvas.
    public static func output(_ scene: MapScene, format: OutputFormat, metadataDate: String) throws -> (data: Data, viewport: Viewport) {
        if format == .png { return try png(scene) }
        let canvas = try Canvas(format: format, width: Int(scene.width), height: Int(scene.height),
                                title: scene.furniture.title, metadataDate: metadataDate)
        let viewport = try draw(scene, on: canvas)
        return (try canvas.finish(), viewport)
    }

    public static func png(_ scene: MapScene) throws -> (data: Data, viewport: Viewport) {
        let width = Int(scene.width), height = Int(scene.height)
        let measuring = try Canvas(format: .png, width: 1, height: 1)
        let prepared = try prepare(scene, measuring: measuring)
        PhaseClock.mark("projected, labels placed")
        // Three bands a core: the work is uneven (the front and Crimea are in the south), and
        // small bands even it out across threads; more bands repeat more path building.
        let bands = height >= 256 ? max(1, min(8, 3 * ProcessInfo.processInfo.activeProcessorCount)) : 1
        let rows = (height + bands - 1) / bands
        let shared = Handoff(prepared)  // only read
        let bandRows = { @Sendable (b: Int) in Double(b * rows)...Double(min(height, (b + 1) * rows)) }
        // Over an opaque background every pixel is opaque: each band is then compressed as RGB
        // by the thread that painted it, overlapping the painting of the others, and its canvas
        // is lent to the next band.
        guard scene.background.a >= 1 else {
            let canvases = try (0..<bands).map { b in try Canvas(format: .png, width: width, height: min(rows, height - b * rows)) }
            let own = canvases.map(Handoff.init)  // each band's canvas is painted by one thread only
            _ = try Parallel.map(bands) { b in
                own[b].value.translate(x: 0, y: -Double(b * rows))
                try paint(shared.value, on: own[b].value, rows: bandRows(b))
            }
            PhaseClock.mark("painted and compressed")
            return (try PNGEncoder.encode(bands: canvases), prepared.viewport!)
        }
        let workspaces = BandWorkspaces(width: width, rows: rows)
        let parts = try Parallel.map(bands) { b -> PNGEncoder.Band in
            let space = try workspaces.take()
            defer { workspaces.give(space) }
            space.canvas.translate(x: 0, y: -Double(b * rows))
            try paint(shared.value, on: space.canvas, rows: bandRows(b))
            return try PNGEncoder.compress(canvas: space.canvas, rows: min(rows, height - b * rows), opaque: true,
                                           last: b == bands - 1, scratch: &space.scanlines)
        }
        PhaseClock.mark("painted and compressed")
        return (PNGEncoder.join(parts, width: width, height: height, opaque: true), prepared.viewport!)
    }

    // MARK: prepare

    static func prepare(_ scene: MapScene, measuring canvas: Canvas) throws -> PreparedScene {
        let viewport = try Viewport(projection: Projection(to: scene.projection), extent: scene.extent,
                                    width: scene.width, height: scene.height, frame: scene.frame)
        let projected = try prepareLayers(scene, viewport)
        // Place dots are reserved by their labels; other markers are obstacles; labels never cross
        // the front line, and keep off the rings around small changes where they can.
        var obstacles: [Envelope] = [], avoided: [Envelope] = [], dots: [Position: Envelope] = [:]
        var avoidedLines: [(lines: [[Position]], halfWidth: Double)] = [], skirted: [(lines: [[Position]], halfWidth: Double)] = []
        for (layer, prepared) in zip(scene.layers, projected) {
            switch layer.layer.labelRule {
            case .reserved:
                if case .markers(let points, _, _, _) = layer.drawing { for (p, box) in zip(points, prepared.1) { dots[p] = box } }
            case .avoided:
                // A line's segments; a ring marks a change around a town: its name may sit inside or across it.
                if case .strokeInside(let lines, let style, _)? = prepared.0 {
                    avoidedLines.append((lines, style.width * scene.unit * 1.5))
                } else {
                    avoided += prepared.1
                }
            case .skirted:
                if case .stroke(let lines, let style)? = prepared.0 { skirted.append((lines, style.width * scene.unit)) }
            case .obstacle:
                obstacles += prepared.1
            }
        }
        let mask = try dataMask(scene, projected)
        var furniture = FurnitureLayout(scene.furniture, canvas: canvas, unit: scene.unit, width: scene.width, height: scene.height, mask: mask,
                                        textFloor: scene.textFloor)
        if let i = scene.furniture.inset, let box = furniture.insetBox { furniture.inset = try PreparedInset(i, box: box, unit: scene.unit) }
        // A title that would lie over data gets a band of its own across the top: the map is
        // then drawn below it (the framed extent always is; only context beyond it is cut).
        let titleBand = furniture.titleBox.flatMap { t in (mask?.coverage(t) ?? 0) > 0 ? t.maxY + 6 * scene.unit : nil } ?? 0
        // Rows beyond the base layers (a story frame shows far more sky and sea than they
        // cover) are bands too: the title's at the top, the legend's at the bottom.
        let (beyondTop, beyondBottom) = try baseBands(scene, viewport)
        let header = max(titleBand, beyondTop), footer = beyondBottom
        let band = (header > 0 ? [Envelope(minX: 0, minY: 0, maxX: scene.width, maxY: header)] : [])
            + (footer > 0 ? [Envelope(minX: 0, minY: scene.height - footer, maxX: scene.width, maxY: scene.height)] : [])
        var placer = LabelPlacer(bounds: Envelope(minX: 0, minY: 0, maxX: scene.width, maxY: scene.height),
                                 obstacles: obstacles + furniture.boxes + band, unit: scene.unit)
        placer.avoid(avoided)
        for l in avoidedLines { placer.avoid(lines: l.lines, halfWidth: l.halfWidth) }
        for l in skirted { placer.skirt(lines: l.lines, halfWidth: l.halfWidth) }
        let labels = try scene.labels.map { label -> (label: MapLabel, anchor: Position, dot: Envelope?) in
            var dot: Envelope?
            if case .besidePoint = label.placement { dot = dots[label.anchor] }
            return (label, try viewport.device(label.anchor), dot)
        }
        let (texts, unnamedLabels) = try placer.placeAll(labels, canvas: canvas)
        let unnamed = Set(unnamedLabels.map { scene.labels[$0].anchor })
        return PreparedScene(scene: scene, viewport: viewport, layers: withoutUnnamedPlaces(scene, projected, unnamed), texts: texts,
                             furniture: furniture, header: header, footer: footer)
    }

    /// The heights of the bands across the top and the bottom where the canvas shows beyond
    /// the base layers' box: the rows where any of 17 points across the canvas lies north of
    /// the box's top or south of its bottom (a parallel is a curve in a conic projection, so
    /// each edge is searched, to half a pixel). (0, 0) when the box covers the canvas.
    static func baseBands(_ scene: MapScene, _ vp: Viewport) throws -> (top: Double, bottom: Double) {
        guard let box = scene.baseExtent else { return (0, 0) }
        let xs = (0...16).map { Double($0) / 16 * scene.width }
        func latitudes(_ y: Double) throws -> (min: Double, max: Double) {
            let lats = try xs.map { try vp.lonLat(Position($0, y)).y }
            return (lats.min()!, lats.max()!)
        }
        // The first row from the top wholly south of the box's top edge, and from the bottom
        // wholly north of its bottom edge (rows are monotonic in latitude along each column).
        func search(_ outside: (Double) throws -> Bool, from a: Double, to b: Double) rethrows -> Double {
            guard try outside(a) else { return a }
            var (out, inside) = (a, b)
            while abs(inside - out) > 0.5 { let m = (out + inside) / 2; if try outside(m) { out = m } else { inside = m } }
            return inside
        }
        let mid = scene.height / 2
        let top = try search({ try latitudes($0).max > box.maxY }, from: 0, to: mid)
        let bottom = try search({ try latitudes($0).min < box.minY }, from: scene.height, to: mid)
        return (top, scene.height - bottom)
    }

    /// Where the data layers' fills lie, or nil when the scene's furniture need not avoid them.
    static func dataMask(_ scene: MapScene, _ projected: [(PreparedScene.Layer?, [Envelope])]) throws -> DataMask? {
        guard scene.furnitureAvoidsData else { return nil }
        var rings: [[Position]] = []
        for (layer, prepared) in zip(scene.layers, projected) where layer.layer.holdsData {
            if case .fill(let r, _, _)? = prepared.0 { rings += r }
        }
        return try DataMask(rings: rings, width: scene.width, height: scene.height)
    }

    /// The prepared layers, the place dots of unnamed places left out: a dot is drawn only
    /// with its name (a reader cannot tell an unnamed dot from a stray mark).
    private static func withoutUnnamedPlaces(_ scene: MapScene, _ projected: [(PreparedScene.Layer?, [Envelope])],
                                             _ unnamed: Set<Position>) -> [PreparedScene.Layer] {
        zip(scene.layers, projected).compactMap { source, prepared in
            guard !unnamed.isEmpty, source.layer == .places, case .markers(let points, _, _, _) = source.drawing,
                  case .markers(let centres, let radius, let outline, let fill)? = prepared.0 else { return prepared.0 }
            let kept = zip(points, centres).filter { !unnamed.contains($0.0) }.map(\.1)
            return kept.isEmpty ? nil : .markers(centres: kept, radius: radius, outline: outline, fill: fill)
        }
    }

    /// Every layer in device coordinates, on two threads when there is much to project: the
    /// layers are dealt into two bins of about equal point count, and the helper thread gets
    /// its own viewport (a PROJ object belongs to one thread at a time).
    private static func prepareLayers(_ scene: MapScene, _ viewport: Viewport) throws -> [(PreparedScene.Layer?, [Envelope])] {
        let step = RingProjector.lonLatStep(viewport, width: scene.width, height: scene.height)
        let shared = ProjectedRings()
        let counts = scene.layers.map(\.pointCount)
        guard counts.reduce(0, +) > 20_000, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            let projector = RingProjector(viewport: viewport, step: step, done: shared)
            return try scene.layers.map { try prepare($0, projector, scene.unit) }
        }
        let bins = Parallel.split(counts)
        let helperViewport = try Viewport(projection: Projection(to: scene.projection), extent: scene.extent,
                                          width: scene.width, height: scene.height, frame: scene.frame)
        // A viewport (its PROJ object) per thread.
        let viewports = [Handoff(viewport), Handoff(helperViewport)]
        let results = try Parallel.map(2) { k -> [(Int, (PreparedScene.Layer?, [Envelope]))] in
            let projector = RingProjector(viewport: viewports[k].value, step: step, done: shared)
            return try bins[k].map { i in (i, try prepare(scene.layers[i], projector, scene.unit)) }
        }
        let done = Dictionary(uniqueKeysWithValues: results.joined().map { ($0.0, $0.1) })
        return scene.layers.indices.map { done[$0]! }
    }

    /// One layer in device coordinates, and the boxes of its markers (labels avoid them).
    private static func prepare(_ layer: SceneLayer, _ p: RingProjector, _ unit: Double)
        throws -> (PreparedScene.Layer?, [Envelope]) {
        let prepared = try layer.drawing.map(area: { $0.isEmpty ? nil : try p.rings($0) },
                                             line: { $0.isEmpty ? nil : try $0.map { try p.device($0) } },
                                             points: { $0.isEmpty ? nil : try p.viewport.device($0) },
                                             radius: { $0 * unit }, fillStyle: { $0.scaled(unit) })
        guard case .markers(let centres, let radius, let outline, _)? = prepared else { return (prepared, []) }
        let r = radius + outline.width * unit
        return (prepared, centres.map { Envelope(minX: $0.x - r, minY: $0.y - r, maxX: $0.x + r, maxY: $0.y + r) })
    }

    /// Prepares `scene` again and inspects what was placed (the QA matrix's checks).
    static func inspect(_ scene: MapScene, hints: InspectionHints) throws -> MapInspection {
        let prepared = try prepare(scene, measuring: try Canvas(format: .png, width: 1, height: 1))
        return try SceneInspector(prepared, hints: hints).inspect()
    }

    // MARK: paint

    /// Paints a prepared scene. `rows`, when given, is the band of rows this canvas shows (a
    /// PNG is painted in bands on several threads): rings, lines and texts wholly above or
    /// below it are not handed to Cairo, which would build their paths only to clip them away.
    /// (A ring outside the band cannot contain a point of it, so even-odd fills and clips are
    /// unchanged.)
    /// `window`, when given, is the part of the canvas that shows (a tile): the same holds
    /// for columns as for rows.
    /// (`furniture: false` leaves the panels out: tests look at what they would cover.)
    static func paint(_ p: PreparedScene, on canvas: Canvas, rows: ClosedRange<Double>? = nil, window: Envelope? = nil,
                      furniture drawFurniture: Bool = true) throws {
        let scene = p.scene, unit = scene.unit
        let band = rows.map { ($0.lowerBound - 24 * unit)...($0.upperBound + 24 * unit) }
        // What reaches the canvas: the band's rows, or the window, with a margin where caps and
        // joins cannot show.
        let reach: Envelope? = window.map { $0.expanded(by: 24 * unit) }
            ?? band.map { Envelope(minX: -.infinity, minY: $0.lowerBound, maxX: .infinity, maxY: $0.upperBound) }
        func shown(_ pts: [Position]) -> Bool {
            guard let reach else { return true }
            var lo = Double.infinity, hi = -Double.infinity, left = Double.infinity, right = -Double.infinity
            for q in pts { lo = min(lo, q.y); hi = max(hi, q.y); left = min(left, q.x); right = max(right, q.x) }
            return hi >= reach.minY && lo <= reach.maxY && right >= reach.minX && left <= reach.maxX
        }
        func add(rings: [[Position]]) { for ring in rings where shown(ring) { canvas.addRing(ring) } }
        // A line is handed over as its runs of segments that reach the band: Cairo strokes a
        // whole path before clipping it, so a border crossing the map would be stroked in full
        // for every band. (A run ends at least the margin beyond the band, where its cap cannot
        // show.)
        func add(lines: [[Position]]) {
            for line in lines where shown(line) {
                guard let reach, line.count > 2 else { canvas.addLine(line[...]); continue }
                var start: Int?
                for k in 0..<(line.count - 1) {
                    let a = line[k], b = line[k + 1]
                    if max(a.y, b.y) >= reach.minY && min(a.y, b.y) <= reach.maxY && max(a.x, b.x) >= reach.minX && min(a.x, b.x) <= reach.maxX {
                        if start == nil { start = k }
                    } else if let s = start {
                        canvas.addLine(line[s...k])
                        start = nil
                    }
                }
                if let s = start { canvas.addLine(line[s...]) }
            }
        }
        // The scene's own rectangle, not the whole surface: a report page holds a map among text.
        canvas.fillRect(x: 0, y: 0, width: scene.width, height: scene.height, scene.background)
        canvas.save()
        canvas.clip(x: 0, y: 0, width: scene.width, height: scene.height)
        defer { canvas.restore() }
        for layer in p.layers {
            switch layer {
            case .fill(let rings, let style, let outline):
                canvas.beginPath()
                add(rings: rings)
                canvas.fillPath(style, keep: outline != nil)
                if let outline { canvas.strokePath(outline, scale: unit) }
            case .stroke(let lines, let style):
                canvas.beginPath()
                add(lines: lines)
                canvas.strokePath(style, scale: unit)
            case .fillInside(let rings, let style, let clip):
                canvas.save()
                canvas.beginPath()
                add(rings: clip)
                canvas.clipPath()
                canvas.beginPath()
                add(rings: rings)
                canvas.fillPath(style, keep: false)
                canvas.restore()
            case .strokeInside(let lines, let style, let clip):
                canvas.save()
                canvas.beginPath()
                add(rings: clip)
                canvas.clipPath()
                canvas.beginPath()
                add(lines: lines)
                var doubled = style
                doubled.width *= 2
                canvas.strokePath(doubled, scale: unit)
                canvas.restore()
            case .markers(let centres, let radius, let outline, let fill):
                canvas.beginPath()
                for c in centres { canvas.addCircle(center: c, radius: radius) }
                if let fill { canvas.fillPath(FillStyle(fill), keep: true) }
                canvas.strokePath(outline, scale: unit)
            }
        }
        // Leaders under the names: a thin line in the name's ink from the dot to the name (only
        // those reaching this band, as for the texts).
        for t in p.texts { if let l = t.leader, band.map({ min(l.from.y, l.to.y) <= $0.upperBound && max(l.from.y, l.to.y) >= $0.lowerBound }) ?? true {
            canvas.beginPath()
            canvas.addLine([l.from, l.to][...])
            canvas.strokePath(LineStyle(t.color.withAlpha(0.85), width: 0.9), scale: unit)
        } }
        for t in p.texts where band.map({ $0.contains(t.origin.y) }) ?? true {
            canvas.drawText(t.text, at: t.origin, font: t.font, color: t.color, halo: t.halo, haloWidth: t.haloWidth)
        }
        if p.header > 0 {
            canvas.fillRect(x: 0, y: 0, width: scene.width, height: p.header, scene.background)
            canvas.fillRect(x: 0, y: 0, width: scene.width, height: p.header, scene.furniture.panel)
        }
        if p.footer > 0 {
            canvas.fillRect(x: 0, y: scene.height - p.footer, width: scene.width, height: p.footer, scene.background)
            canvas.fillRect(x: 0, y: scene.height - p.footer, width: scene.width, height: p.footer, scene.furniture.panel)
        }
        if drawFurniture, let viewport = p.viewport, let furniture = p.furniture { try furniture.draw(on: canvas, viewport: viewport) }
    }

    /// Drops points closer than `step` device units to the last kept one: the eye cannot see
    /// them, and paths (and SVG files) get much smaller at country scale. Ends are kept.
    static func decimate(_ pts: [Position], step: Double) -> [Position] {
        guard pts.count > 4 else { return pts }
        var out = [pts[0]]
        out.reserveCapacity(pts.count)
        let s2 = step * step
        for p in pts.dropFirst().dropLast() {
            let q = out[out.count - 1]
            if (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) >= s2 { out.append(p) }
        }
        out.append(pts[pts.count - 1])
        return out
    }
}

/// A scene in device coordinates with its labels placed: ready to paint on any canvas.
struct PreparedScene {
    /// Device rings and lines (polygons are flattened: fills are even-odd).
    typealias Layer = Drawing<[[Position]], [[Position]], [Position]>

    let scene: MapScene
    /// Nil for a tile: no furniture, geometry already in device units.
    let viewport: Viewport?
    let layers: [Layer]
    let texts: [PlacedText]
    /// Nil for a tile.
    var furniture: FurnitureLayout? = nil
    /// The height of the title's band across the top (0: the title floats over the map).
    var header = 0.0
    /// The height of the band across the bottom where the base layers run out (0: none).
    var footer = 0.0
}
