import Foundation

/// Distances in km from points to a set of lon/lat polylines (a front line, a border), for
/// ranking places by how near they are. Segments are bucketed in a grid of `cell` degrees, so
/// a query reads only the cells within its search radius. Distances are planar in a local
/// equirectangular frame around the query point: within 0.5 % for the tens of km it is used at.
public struct LineDistanceIndex: Sendable {
    private struct Segment: Sendable { let a: Position, b: Position }
    private let cell: Double
    private let buckets: [Int64: [Segment]]
    public var isEmpty: Bool { buckets.isEmpty }

    public init(lines: [[Position]], cell: Double = 0.1) {
        self.cell = cell
        var buckets: [Int64: [Segment]] = [:]
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) {
                let s = Segment(a: a, b: b)
                let (x0, x1) = (Int(floor(min(a.x, b.x) / cell)), Int(floor(max(a.x, b.x) / cell)))
                let (y0, y1) = (Int(floor(min(a.y, b.y) / cell)), Int(floor(max(a.y, b.y) / cell)))
                for x in x0...x1 { for y in y0...y1 { buckets[Self.key(x, y), default: []].append(s) } }
            }
        }
        self.buckets = buckets
    }

    private static func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 | Int64(UInt32(bitPattern: Int32(y))) }

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
        let rx = Int(ceil(maxKm / kx / cell)), ry = Int(ceil(maxKm / ky / cell))
        let cx = Int(floor(p.x / cell)), cy = Int(floor(p.y / cell))
        var best = Double.infinity
        for x in (cx - rx)...(cx + rx) {
            for y in (cy - ry)...(cy + ry) {
                guard let segs = buckets[Self.key(x, y)] else { continue }
                for s in segs {
                    let ax = (s.a.x - p.x) * kx, ay = (s.a.y - p.y) * ky
                    let bx = (s.b.x - p.x) * kx, by = (s.b.y - p.y) * ky
                    let dx = bx - ax, dy = by - ay
                    let len2 = dx * dx + dy * dy
                    let t = len2 > 0 ? max(0, min(1, -(ax * dx + ay * dy) / len2)) : 0
                    let qx = ax + t * dx, qy = ay + t * dy
                    best = min(best, qx * qx + qy * qy)
                }
            }
        }
        let d = best.squareRoot()
        return d <= maxKm ? d : nil
    }
}
