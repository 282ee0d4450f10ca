import Foundation

/// Distances in km from points to a set of lon/lat polylines (a front line, a border), for
/// ranking places by how near they are. The lines are cut into runs of at most 64 segments,
/// each with its box: a query tests the boxes and reads only the runs near it. (Building it is
/// one pass with no hashing: a map asks for a few hundred distances and cannot wait for an
/// index to be built.) Distances are planar in a local equirectangular frame around the query
/// point: within 0.5 % for the tens of km they are used at.
public struct LineDistanceIndex: Sendable {
    private struct Run: Sendable {
        let box: Envelope
        let points: ArraySlice<Position>
    }
    private let runs: [Run]
    public var isEmpty: Bool { runs.isEmpty }
    static let runLength = 64

    public init(lines: [[Position]]) {
        var runs: [Run] = []
        for line in lines where line.count > 1 {
            var start = 0
            while start < line.count - 1 {
                let end = min(line.count - 1, start + Self.runLength)
                let piece = line[start...end]
                if let box = Envelope(of: Array(piece)) { runs.append(Run(box: box, points: piece)) }
                start = end
            }
        }
        self.runs = runs
    }

    /// The distance in km between two points near each other, in the same local frame.
    public static func distanceKm(_ a: Position, _ b: Position) -> Double {
        let kx = 111.32 * cos(a.y * .pi / 180), ky = 110.57
        let dx = (b.x - a.x) * kx, dy = (b.y - a.y) * ky
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The distance in km from `p` to the nearest line, or nil when none is within `maxKm`.
    public func distanceKm(to p: Position, within maxKm: Double) -> Double? {
        let kx = 111.32 * cos(p.y * .pi / 180), ky = 110.57
        guard kx > 0.01 else { return nil }
        let near = Envelope(minX: p.x - maxKm / kx, minY: p.y - maxKm / ky, maxX: p.x + maxKm / kx, maxY: p.y + maxKm / ky)
        var best = Double.infinity
        for run in runs where run.box.intersects(near) {
            var a = run.points[run.points.startIndex]
            for b in run.points.dropFirst() {
                let ax = (a.x - p.x) * kx, ay = (a.y - p.y) * ky
                let bx = (b.x - p.x) * kx, by = (b.y - p.y) * ky
                let dx = bx - ax, dy = by - ay
                let len2 = dx * dx + dy * dy
                let t = len2 > 0 ? max(0, min(1, -(ax * dx + ay * dy) / len2)) : 0
                let qx = ax + t * dx, qy = ay + t * dy
                best = min(best, qx * qx + qy * qy)
                a = b
            }
        }
        let d = best.squareRoot()
        return d <= maxKm ? d : nil
    }
}
