import FrontlineGeo
@testable import FrontlineRender

/// Looks at a rendered picture around a lon/lat position.
struct PixelProbe {
    let image: RasterImage
    let viewport: Viewport

    /// Share of pixels in a (2r+1)² box around `lonLat` within 6/255 of `color` per channel.
    func share(of color: RGBA, at lonLat: Position, radius r: Int) throws -> Double {
        let p = try viewport.device(lonLat)
        var hits = 0, total = 0
        for dy in -r...r {
            for dx in -r...r {
                guard let c = image.pixel(x: Int(p.x) + dx, y: Int(p.y) + dy) else { continue }
                total += 1
                if PixelProbe.close(c, color) { hits += 1 }
            }
        }
        return Double(hits) / Double(max(1, total))
    }

    static func close(_ a: RGBA, _ b: RGBA) -> Bool {
        max(abs(a.r - b.r), abs(a.g - b.g), abs(a.b - b.b)) <= 6.0 / 255
    }
}
