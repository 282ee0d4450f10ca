import FrontlineGeo

/// RFC 7946's right-hand rule: exterior rings counterclockwise, holes clockwise (in lon/lat).
/// Measured rings come in GEOS's orientation, which is not promised to be either.
enum RingOrientation {
    /// Twice the signed planar area (positive: counterclockwise).
    static func signedArea2(_ ring: [Position]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + ($1.0.x * $1.1.y - $1.1.x * $1.0.y) }
    }

    static func oriented(_ polygon: [[Position]]) -> [[Position]] {
        polygon.enumerated().map { i, ring in
            let ccw = signedArea2(ring) > 0
            return (i == 0) == ccw ? ring : ring.reversed()
        }
    }
}
