import FrontlineGeo

/// Boxes on a canvas bucketed in a grid of `cell` device units: whether a new box meets any
/// placed one reads only the cells it covers (a close-up holds thousands of obstacle boxes:
/// place dots, front-line segments, labels).
struct BoxIndex {
    private var cells: [Int: [Envelope]] = [:]
    private let cell: Double
    private(set) var count = 0

    init(cell: Double = 48) { self.cell = cell }

    private func range(_ b: Envelope) -> (ClosedRange<Int>, ClosedRange<Int>) {
        let x0 = Int((b.minX / cell).rounded(.down)), x1 = Int((b.maxX / cell).rounded(.down))
        let y0 = Int((b.minY / cell).rounded(.down)), y1 = Int((b.maxY / cell).rounded(.down))
        return (x0...max(x0, x1), y0...max(y0, y1))
    }

    private static func key(_ x: Int, _ y: Int) -> Int { x &* 73_856_093 ^ y &* 19_349_663 }

    mutating func insert(_ b: Envelope) {
        guard b.minX.isFinite, b.maxX.isFinite, b.minY.isFinite, b.maxY.isFinite else { return }
        let (xs, ys) = range(b)
        // A box larger than the canvas (furniture never is) would fill many cells: clamp.
        for x in xs.clamped(to: -64...4096) { for y in ys.clamped(to: -64...4096) { cells[Self.key(x, y), default: []].append(b) } }
        count += 1
    }

    func intersectsAny(_ b: Envelope) -> Bool {
        let (xs, ys) = range(b)
        for x in xs.clamped(to: -64...4096) {
            for y in ys.clamped(to: -64...4096) where cells[Self.key(x, y)]?.contains(where: { $0.intersects(b) }) == true { return true }
        }
        return false
    }
}
