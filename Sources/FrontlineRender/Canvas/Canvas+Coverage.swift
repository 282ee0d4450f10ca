import FrontlineGeo

extension Canvas {
    /// Which cells of a `columns`×`rows` grid a shape covers: `rings` (device units, even-odd)
    /// drawn by Cairo at `1/cell` scale, shifted by `offset` device units first, a cell counting
    /// when its coverage is above `threshold` (of 255). The one rasteriser behind the data mask
    /// and the room finder.
    static func coverage(of rings: [[Position]], columns: Int, rows: Int, cell: Double,
                         offset: Position = Position(0, 0), threshold: UInt32) throws -> [Bool] {
        let canvas = try Canvas(format: .png, width: columns, height: rows)
        canvas.scale(1 / cell)
        canvas.translate(x: offset.x, y: offset.y)
        canvas.beginPath()
        for ring in rings { canvas.addRing(ring) }
        canvas.fillPath(FillStyle(RGBA(0, 0, 0)))
        return try canvas.withPixels { px, stride in
            (0..<(rows * columns)).map { i in px[(i / columns) * stride + i % columns] >> 24 > threshold }
        }
    }
}
