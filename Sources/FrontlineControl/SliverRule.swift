import FrontlineGeo

/// Coastline reconciliation. Sources trace coasts and borders differently from our land
/// polygon, so "region minus occupied" leaves thin strips along the coast and the state
/// border of a wholly occupied region (Crimea came out 99.7 % occupied without this).
///
/// The rule: a connected piece of a region's free remainder is a sliver, and is counted as
/// held by the neighbouring layer, when it touches that layer and either
/// (1) it vanishes under an inward buffer of `halfWidthMetres` (556 m), i.e. it is nowhere
///     wider than about 1.1 km, or
/// (2) it is smaller than `minimumKm2` (1 km²), below what the sources resolve as a pocket.
/// A real pocket of free territory is larger and wider (the 85 km² pocket in western Luhansk
/// oblast stays free), and an island that does not touch occupied ground stays free whatever
/// its size.
///
/// The rule is said in metres and km²; the buffer is drawn on lon/lat coordinates, so the width
/// becomes degrees along the meridian (`metresPerDegree`). East-west a degree is shorter by the
/// cosine of the latitude, and so is the buffer there (370 m of the 556 at 48° N): a dataset
/// far from the equator sees a narrower rule east-west, never a wider one.
public struct SliverRule: Sendable {
    public var halfWidthMetres: Double
    public var minimumKm2: Double

    /// Metres in a degree of latitude on the mean Earth sphere (R = 6,371 km): 111.2 km.
    /// (556 m and 166.8 m are then exactly the 0.005° and 0.0015° the figures were made with.)
    public static let metresPerDegree = 111_200.0

    public init(halfWidthMetres: Double = 556, minimumKm2: Double = 1) {
        self.halfWidthMetres = halfWidthMetres
        self.minimumKm2 = minimumKm2
    }

    /// The half width as the buffer draws it, in degrees.
    public var halfWidthDegrees: Double { halfWidthMetres / Self.metresPerDegree }

    /// No reconciliation: raw overlay figures.
    public static let none = SliverRule(halfWidthMetres: 0, minimumKm2: 0)

    public var isActive: Bool { halfWidthMetres > 0 || minimumKm2 > 0 }

    /// True when a free part of `km2` is a sliver by size or by shape.
    func isSliver(_ part: Geometry, km2: Double) throws -> Bool {
        if km2 < minimumKm2 { return true }
        return try isThin(part)
    }

    /// True when `part` is nowhere wider than twice the half width.
    func isThin(_ part: Geometry) throws -> Bool {
        guard halfWidthDegrees > 0 else { return false }
        // Cheap bound first: a shape that vanishes under an inward buffer of d lies within d of
        // its boundary, so its area is at most perimeter × d. Larger parts are not thin.
        if part.planarArea > part.planarLength * halfWidthDegrees { return false }
        // A part that fits in a strip narrower than 2d is thin: from any point of it, one of
        // the two ways across the strip leaves the part within d. Straight slivers (about
        // half of the coastal ones) are decided so, at a tenth of the cost of what follows.
        if try part.minimumWidth() < 2 * halfWidthDegrees { return true }
        // The largest inscribed circle decides most parts without building a buffer of a long
        // coast: its radius r is a real distance to the boundary (a lower bound) and the true
        // maximum is within the search tolerance t of it. r > d: a point survives the inward
        // buffer, not thin; r + t < d: every point is nearer than d, thin. Only in between is
        // the buffer built. (Same answers as the buffer alone over all 769 daily files.)
        let d = halfWidthDegrees, t = d / 8
        let r = try part.poleOfInaccessibility(tolerance: t).radius
        if r > d { return false }
        if r + t < d { return true }
        return try part.buffer(-d).isEmpty
    }
}
