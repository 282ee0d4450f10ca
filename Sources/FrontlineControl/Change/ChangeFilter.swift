import FrontlineGeo

/// Drops change that is only a border traced anew. Two snapshots of a front that did not
/// move still differ along it by thin strips where the line was redrawn; a real advance is
/// wider. A change part that vanishes under an inward buffer of `halfWidthMetres` (166.8 m,
/// so nowhere wider than about 330 m; degrees along the meridian as in `SliverRule`) is such a
/// strip and is not counted. On the bundled data it removes under 1 km² a year and
/// nothing of a real day's advance (2026-02-04 → 05: +6.6 km² either way).
public struct ChangeFilter: Sendable {
    public var halfWidthMetres: Double

    public init(halfWidthMetres: Double = 166.8) { self.halfWidthMetres = halfWidthMetres }

    /// The half width as the buffer draws it, in degrees.
    public var halfWidthDegrees: Double { halfWidthMetres / SliverRule.metresPerDegree }

    public static let none = ChangeFilter(halfWidthMetres: 0)

    /// The parts of a change geometry that count.
    func keep(_ change: Geometry) throws -> [Geometry] {
        try change.parts.filter { part in
            guard halfWidthMetres > 0 else { return true }
            if part.planarArea > part.planarLength * halfWidthDegrees { return true }
            return try !part.buffer(-halfWidthDegrees).isEmpty
        }
    }
}
