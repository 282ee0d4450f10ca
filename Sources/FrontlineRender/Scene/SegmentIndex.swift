import FrontlineGeo

/// Line segments on a canvas, bucketed in a grid of `cell` device units, each with the half
/// width of its stroke: whether a label's box meets the drawn line is the segment's own
/// crossing of the box (a diagonal segment's bounding box would also rule out the free
/// corners beside it, where a town on the line is best named).
struct SegmentIndex {
    struct Segment { let a: Position; let b: Position; let halfWidth: Double }
    private var cells: [Int: [Int]] = [:]
    private var segments: [Segment] = []
    private let cell: Double

    init(cell: Double = 48) { self.cell = cell }

    var isEmpty: Bool { segments.isEmpty }

    private func range(_ b: Envelope) -> (ClosedRange<Int>, ClosedRange<Int>) {
        let x0 = Int((b.minX / cell).rounded(.down)).clamped(-64, 4096), x1 = Int((b.maxX / cell).rounded(.down)).clamped(-64, 4096)
        let y0 = Int((b.minY / cell).rounded(.down)).clamped(-64, 4096), y1 = Int((b.maxY / cell).rounded(.down)).clamped(-64, 4096)
        return (x0...max(x0, x1), y0...max(y0, y1))
    }

    private static func key(_ x: Int, _ y: Int) -> Int { x &* 73_856_093 ^ y &* 19_349_663 }

    /// Adds every segment of `lines` (device units) drawn `halfWidth` either side.
    mutating func insert(lines: [[Position]], halfWidth: Double) {
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) where a.x.isFinite && a.y.isFinite && b.x.isFinite && b.y.isFinite {
                let s = Segment(a: a, b: b, halfWidth: halfWidth)
                let box = Envelope(minX: min(a.x, b.x) - halfWidth, minY: min(a.y, b.y) - halfWidth,
                                   maxX: max(a.x, b.x) + halfWidth, maxY: max(a.y, b.y) + halfWidth)
                let (xs, ys) = range(box)
                for x in xs { for y in ys { cells[Self.key(x, y), default: []].append(segments.count) } }
                segments.append(s)
            }
        }
    }

    /// True when a segment's stroke meets `box`.
    func crosses(_ box: Envelope) -> Bool {
        let (xs, ys) = range(box)
        for x in xs { for y in ys {
            for i in cells[Self.key(x, y)] ?? [] {
                let s = segments[i]
                if Self.crosses(s.a, s.b, box.expanded(by: s.halfWidth)) { return true }
            }
        } }
        return false
    }

    /// True when the segment a-b meets the box (Liang-Barsky clipping).
    static func crosses(_ a: Position, _ b: Position, _ box: Envelope) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - box.minX), (dx, box.maxX - a.x), (-dy, a.y - box.minY), (dy, box.maxY - a.y)] {
            if p == 0 { if q < 0 { return false }; continue }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return false }
        }
        return true
    }
}

private extension Int {
    func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.min(Swift.max(self, lo), hi) }
}
