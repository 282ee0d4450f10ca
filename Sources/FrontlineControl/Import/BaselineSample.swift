import Foundation
import FrontlineGeo

/// Points on a regular lon/lat grid inside the baseline, each weighted by the cosine of its
/// latitude (the area of its grid cell). The weight inside a snapshot's occupied land
/// estimates how much of the baseline the snapshot covers to a fraction of a percent, with
/// point-in-polygon tests instead of an overlay: the check over hundreds of snapshots then
/// costs about what reading them costs.
struct BaselineSample {
    let points: [Position]
    let weights: [Double]

    /// `step` 0.05° gives about 2,000 points for Crimea and the 2014 lines.
    init(_ baseline: Geometry, step: Double = 0.05) throws {
        guard let box = baseline.envelope else {
            points = []
            weights = []
            return
        }
        let inside = try PreparedGeometry(baseline)
        var points: [Position] = []
        var y = box.minY + step / 2
        while y < box.maxY {
            var x = box.minX + step / 2
            while x < box.maxX {
                let p = Position(x, y)
                if try inside.contains(p) { points.append(p) }
                x += step
            }
            y += step
        }
        self.points = points
        weights = points.map { cos($0.y * .pi / 180) }
    }

    /// Share of the baseline inside `occupied` (0...1), nil when the sample is empty.
    func cover(_ occupied: Geometry) throws -> Double? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        let held = try PreparedGeometry(occupied)
        let inside = try zip(points, weights).reduce(0.0) { $0 + (try held.contains($1.0) ? $1.1 : 0) }
        return inside / total
    }
}
