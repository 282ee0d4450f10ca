import FrontlineGeo

/// Where a label fits inside a shape drawn on the map: the shape (rings in device units,
/// even-odd) rasterised by Cairo on a grid of cells, and the cell farthest from its edge by a
/// chamfer distance transform: the centre of the largest circle inside, to about a cell.
/// A question of pixels, so Render's: no GEOS, and a region's occupied land with its
/// thousands of vertices costs about a millisecond.
enum RoomFinder {
    /// The centre and radius (device units) of the largest circle inside `rings`, or nil when
    /// the shape covers no cell. The grid is at most `maxCells` a side.
    static func largestCircle(_ rings: [[Position]], maxCells: Int = 128) throws -> (center: Position, radius: Double)? {
        guard let box = Envelope(of: rings.flatMap { $0 }), box.width > 0, box.height > 0 else { return nil }
        let cell = max(box.width, box.height) / Double(maxCells - 2)
        let cols = Int((box.width / cell).rounded(.up)) + 2, rows = Int((box.height / cell).rounded(.up)) + 2
        let inside = try Canvas.coverage(of: rings, columns: cols, rows: rows, cell: cell,
                                         offset: Position(cell - box.minX, cell - box.minY), threshold: 127)
        // Distance in chamfer units (3 across, 4 diagonally) to the nearest cell outside.
        var d = inside.map { $0 ? Int.max / 2 : 0 }
        func relax(_ i: Int, _ j: Int, _ w: Int) { if d[j] + w < d[i] { d[i] = d[j] + w } }
        for y in 1..<(rows - 1) { for x in 1..<(cols - 1) {
            let i = y * cols + x
            relax(i, i - 1, 3); relax(i, i - cols, 3); relax(i, i - cols - 1, 4); relax(i, i - cols + 1, 4)
        } }
        for y in stride(from: rows - 2, through: 1, by: -1) { for x in stride(from: cols - 2, through: 1, by: -1) {
            let i = y * cols + x
            relax(i, i + 1, 3); relax(i, i + cols, 3); relax(i, i + cols + 1, 4); relax(i, i + cols - 1, 4)
        } }
        guard let best = d.indices.max(by: { d[$0] < d[$1] }), d[best] > 0 else { return nil }
        let center = Position(box.minX + (Double(best % cols) - 0.5) * cell, box.minY + (Double(best / cols) - 0.5) * cell)
        return (center, Double(d[best]) / 3 * cell)
    }
}
