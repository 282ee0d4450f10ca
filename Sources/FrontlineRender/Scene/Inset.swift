import FrontlineGeo

extension Furniture {
    /// A locator map for a close-up: the whole country with its held land, and the box the
    /// main map shows. Geometry in lon/lat, thinned to what a 230-unit map can show.
    public struct Inset: Sendable {
        public var projection: String
        public var extent: Envelope
        public var land: [[Position]]
        public var held: [[Position]]
        public var heldColor: RGBA
        /// The lon/lat box of the main map (drawn as a frame on the inset).
        public var focus: Envelope
        /// Height over width of the inset panel.
        public var aspect = 0.72

        public init(projection: String, extent: Envelope, land: [[Position]], held: [[Position]], heldColor: RGBA, focus: Envelope) {
            (self.projection, self.extent, self.land, self.held, self.heldColor, self.focus) = (projection, extent, land, held, heldColor, focus)
        }

        /// Every `k`-th point of a ring, so that none keeps more than `limit` (ends kept).
        public static func thinned(_ ring: [Position], limit: Int = 400) -> [Position] {
            guard ring.count > limit else { return ring }
            let k = (ring.count + limit - 1) / limit
            var out = stride(from: 0, to: ring.count - 1, by: k).map { ring[$0] }
            out.append(ring[ring.count - 1])
            return out
        }
    }
}

/// An inset's shapes in device units, projected once when a scene is prepared.
struct PreparedInset {
    let land: [[Position]]
    let held: [[Position]]
    let focus: [Position]
    let heldColor: RGBA

    init(_ inset: Furniture.Inset, box: Envelope, unit: Double) throws {
        let pad = 6 * unit
        let frame = Envelope(minX: box.minX + pad, minY: box.minY + pad, maxX: box.maxX - pad, maxY: box.maxY - pad)
        let vp = try Viewport(projection: Projection(to: inset.projection), extent: inset.extent,
                              width: box.maxX, height: box.maxY, frame: frame)
        land = try inset.land.map { try vp.device($0) }
        held = try inset.held.map { try vp.device($0) }
        let e = inset.focus
        let corners = [Position(e.minX, e.minY), Position(e.maxX, e.minY), Position(e.maxX, e.maxY), Position(e.minX, e.maxY)]
        // Edges sampled, since a lon/lat box is curved in a conic projection.
        let edge = (0..<4).flatMap { i in (0..<8).map { t in
            let a = corners[i], b = corners[(i + 1) % 4], k = Double(t) / 8
            return Position(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k)
        } }
        focus = try vp.device(edge + [corners[0]])
        heldColor = inset.heldColor
    }
}

extension FurnitureLayout {
    func drawInset(_ inset: PreparedInset, in b: Envelope, canvas: Canvas) {
        // Opaque: a locator is a map of its own, and the main map showing through it (occupied
        // land under a translucent panel) mixed the two (the desk's Zaporizhzhia close-up).
        canvas.fillRect(x: b.minX, y: b.minY, width: b.width, height: b.height, f.panel.withAlpha(1))
        canvas.save()
        canvas.clip(x: b.minX, y: b.minY, width: b.width, height: b.height)
        canvas.beginPath()
        for r in inset.land { canvas.addRing(r) }
        canvas.fillPath(FillStyle(f.underlay.withAlpha(1)), keep: true)
        canvas.strokePath(LineStyle(f.mutedText.withAlpha(0.7), width: 0.6), scale: unit)
        canvas.beginPath()
        for r in inset.held { canvas.addRing(r) }
        canvas.fillPath(FillStyle(inset.heldColor))
        canvas.beginPath()
        canvas.addLine(inset.focus)
        canvas.strokePath(LineStyle(f.text, width: 1.6), scale: unit)
        canvas.restore()
        canvas.beginPath()
        canvas.addRing([Position(b.minX, b.minY), Position(b.maxX, b.minY), Position(b.maxX, b.maxY), Position(b.minX, b.maxY), Position(b.minX, b.minY)])
        canvas.strokePath(LineStyle(f.mutedText.withAlpha(0.5), width: 0.6), scale: unit)
    }
}
