import FrontlineGeo

/// Measures a snapshot against a region set: km² per status and region, geodesic on WGS84,
/// with coastline slivers reconciled by `SliverRule`.
public struct ControlMeasurer {
    public let regions: RegionSet
    public var sliverRule: SliverRule

    public init(regions: RegionSet, sliverRule: SliverRule = SliverRule()) {
        self.regions = regions
        self.sliverRule = sliverRule
    }

    public func measure(_ snapshot: Snapshot, asOf date: DayDate? = nil) throws -> ControlState {
        let statuses = snapshot.statuses
        let layers = statuses.map { (status: $0, geometry: snapshot.layers[$0]!, envelope: snapshot.layers[$0]!.envelope) }
        let results = try regions.regions.map { try measure($0, layers) }
        return ControlState(date: date ?? snapshot.date, snapshotDate: snapshot.date, source: snapshot.source,
                            statuses: statuses, regions: results)
    }

    typealias Layer = (status: ControlStatus, geometry: Geometry, envelope: Envelope?)

    private func measure(_ region: Region, _ layers: [Layer]) throws -> RegionControl {
        // Only the layers near this region, clipped to its box: overlays then work on a few
        // thousand vertices instead of the whole front.
        let box = region.envelope.expanded(by: 0.01)
        let local = try layers.compactMap { l -> (ControlStatus, Geometry)? in
            guard let e = l.envelope, e.intersects(box) else { return nil }
            let clipped = try l.geometry.clipped(to: box)
            return clipped.isEmpty ? nil : (l.status, clipped)
        }
        guard !local.isEmpty else {
            return RegionControl(iso: region.iso, nameEN: region.nameEN, nameUK: region.nameUK,
                                 areaKm2: region.areaKm2, km2: [:], sliverKm2: 0)
        }
        var km2: [ControlStatus: Double] = [:]
        let free: Geometry
        if local.count == 1 {
            // One layer: its share is the region minus the free remainder, one overlay.
            free = try region.geometry.difference(local[0].1).polygonalParts()
            km2[local[0].0] = region.areaKm2 - Geodesic.areaKm2(free)
        } else {
            for (status, g) in local {
                km2[status] = Geodesic.areaKm2(try region.geometry.intersection(g).polygonalParts())
            }
            free = try region.geometry.difference(try Geometry.union(local.map(\.1))).polygonalParts()
        }
        let slivers = try reconcile(free, local)
        for (status, a) in slivers { km2[status, default: 0] += a }
        return RegionControl(iso: region.iso, nameEN: region.nameEN, nameUK: region.nameUK, areaKm2: region.areaKm2,
                             km2: km2.mapValues { max(0, min(region.areaKm2, $0)) },
                             sliverKm2: slivers.values.reduce(0, +))
    }

    /// km² of free slivers per status they are handed to (the first layer they touch).
    private func reconcile(_ free: Geometry, _ local: [(ControlStatus, Geometry)]) throws -> [ControlStatus: Double] {
        guard sliverRule.isActive, !free.isEmpty else { return [:] }
        var prepared: [(ControlStatus, PreparedGeometry)]?
        var out: [ControlStatus: Double] = [:]
        for part in free.parts {
            let km2 = Geodesic.areaKm2(part)
            guard try sliverRule.isSliver(part, km2: km2) else { continue }
            if prepared == nil { prepared = try local.map { ($0.0, try PreparedGeometry($0.1)) } }
            // 1e-7° (1 cm): overlay output meets its inputs only up to floating-point rounding.
            if let owner = prepared!.first(where: { $0.1.isWithin(1e-7, of: part) }) {
                out[owner.0, default: 0] += km2
            }
        }
        return out
    }
}
