import Foundation
import FrontlineGeo

extension ControlGeometry {
    /// Where a label standing on a region's land of `status` goes: the centre of the largest
    /// circle inside that land, and the circle's radius in km (counted in degrees of
    /// longitude, the shorter way, so it is never more room than there is); nil when the
    /// region holds none. GEOS work, so Control's: a map asks it of the measurement.
    public func labelSpot(region iso: String, status: ControlStatus) throws -> (center: Position, radiusKm: Double)? {
        guard let shape = byRegion[iso]?.held[status], !shape.base.isEmpty else { return nil }
        // The base less its cutouts: a region held but for a pocket is drawn as the region with
        // the pocket cut out.
        let land = try shape.geometry()
        guard !land.isEmpty else { return nil }
        let pole = try land.poleOfInaccessibility(tolerance: 0.01)
        return (pole.center, pole.radius * 111.32 * cos(pole.center.y * .pi / 180))
    }
}
