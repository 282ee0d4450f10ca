import FrontlineGeo

/// Where a map's data lies (the control or change fills), as a coarse grid of the canvas:
/// the furniture goes where it covers the least of it. Drawn by Cairo at an eighth of the
/// canvas size, so a cell is 8 device units and the mask costs a millisecond.
struct DataMask {
    static let cell = 8.0
    private let columns: Int
    private let rows: Int
    private let filled: [Bool]

    init(rings: [[Position]], width: Double, height: Double) throws {
        columns = max(1, Int((width / Self.cell).rounded(.up)))
        rows = max(1, Int((height / Self.cell).rounded(.up)))
        filled = try Canvas.coverage(of: rings, columns: columns, rows: rows, cell: Self.cell, threshold: 16)
    }

    /// How many cells of data the box covers.
    func coverage(_ b: Envelope) -> Int {
        let x0 = max(0, Int(b.minX / Self.cell)), x1 = min(columns - 1, Int(b.maxX / Self.cell))
        let y0 = max(0, Int(b.minY / Self.cell)), y1 = min(rows - 1, Int(b.maxY / Self.cell))
        guard x0 <= x1, y0 <= y1 else { return 0 }
        var n = 0
        for y in y0...y1 { for x in x0...x1 where filled[y * columns + x] { n += 1 } }
        return n
    }
}
