/// The geometry commands of MVT 2.1 §4.3: MoveTo, LineTo and ClosePath with zigzag-encoded
/// deltas from a cursor that runs through the whole feature.
struct MVTCommands {
    private(set) var out: [UInt32] = []
    private var cursor: (Int32, Int32) = (0, 0)

    static func command(_ id: UInt32, _ count: Int) -> UInt32 { (id & 0x7) | (UInt32(count) << 3) }
    static func zigzag(_ v: Int32) -> UInt32 { UInt32(bitPattern: (v << 1) ^ (v >> 31)) }

    private mutating func move(_ p: (Int32, Int32)) {
        out += [MVTCommands.zigzag(p.0 &- cursor.0), MVTCommands.zigzag(p.1 &- cursor.1)]
        cursor = p
    }

    mutating func points(_ ps: [(Int32, Int32)]) {
        out.append(MVTCommands.command(1, ps.count))
        for p in ps { move(p) }
    }

    /// A line with repeated points removed; fewer than two points is left out.
    mutating func line(_ ps: [(Int32, Int32)]) {
        let p = MVTCommands.deduplicated(ps)
        guard p.count >= 2 else { return }
        out.append(MVTCommands.command(1, 1)); move(p[0])
        out.append(MVTCommands.command(2, p.count - 1))
        for q in p.dropFirst() { move(q) }
    }

    /// A polygon: exterior with positive area in tile coordinates (clockwise on screen), holes
    /// negative; a ring that collapses on the grid (under three points or no area) is left
    /// out, and the polygon with it when it is the exterior.
    mutating func polygon(_ rings: [[(Int32, Int32)]]) {
        for (i, ring) in rings.enumerated() {
            var r = MVTCommands.deduplicated(ring)
            if r.count > 1, r.first! == r.last! { r.removeLast() }  // ClosePath closes it
            let a = MVTCommands.area2(r)
            guard r.count >= 3, a != 0 else {
                if i == 0 { return }
                continue
            }
            if (i == 0) != (a > 0) { r.reverse() }
            out.append(MVTCommands.command(1, 1)); move(r[0])
            out.append(MVTCommands.command(2, r.count - 1))
            for q in r.dropFirst() { move(q) }
            out.append(MVTCommands.command(7, 1))
        }
    }

    static func deduplicated(_ ps: [(Int32, Int32)]) -> [(Int32, Int32)] {
        var out: [(Int32, Int32)] = []
        for p in ps where out.last.map({ $0 != p }) ?? true { out.append(p) }
        return out
    }

    /// Twice the surveyor's-formula area (positive: clockwise with y down).
    static func area2(_ r: [(Int32, Int32)]) -> Int64 {
        guard r.count >= 3 else { return 0 }
        var s: Int64 = 0
        for i in 0..<r.count {
            let a = r[i], b = r[(i + 1) % r.count]
            s += Int64(a.0) * Int64(b.1) - Int64(b.0) * Int64(a.1)
        }
        return s
    }
}
