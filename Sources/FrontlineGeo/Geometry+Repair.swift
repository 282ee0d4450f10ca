/// The repair policy shared by every loader: what is repaired with a warning and what is
/// rejected as corrupt.
extension Geometry {
    /// Returns a valid polygonal geometry and, when a repair was needed, a note saying what
    /// was repaired. Self-touching rings, misplaced holes and similar defects (common in the
    /// real archives) are repaired with GEOS `MakeValid`. Edges that cross each other (a
    /// bow-tie) are rejected: such a ring has no single meaning, and any repair would change
    /// the measured area by a guess, unless `repairCrossings`: importers of outside archives,
    /// which do hold such rings, repair them too (GEOS keeps every lobe) and say so.
    public func validPolygonal(repairCrossings: Bool = false) throws -> (geometry: Geometry, repair: String?) {
        guard isPolygonal else { throw GeoError.invalidGeometry("expected a Polygon or MultiPolygon, found \(geoJSON.typeName)") }
        guard let reason = invalidityReason else { return (self, nil) }
        if reason.hasPrefix("Self-intersection") && !repairCrossings {
            throw GeoError.invalidGeometry("polygon edges cross each other (\(reason))")
        }
        let fixed = try makeValid().polygonalParts()
        return (fixed, "repaired an invalid polygon (\(reason))")
    }
}
