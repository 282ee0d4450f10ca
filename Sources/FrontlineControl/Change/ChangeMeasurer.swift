import Foundation
import FrontlineGeo
import FrontlineSupport

/// Measures change between two snapshots. Both are measured as `stats` measures them
/// (coastline rule included); then per region, with F the region's real free land:
/// newly held = F(A) − F(B), no longer held = F(B) − F(A) (for a single status), each
/// filtered by `ChangeFilter` and measured geodesically. With several statuses, each status's
/// held land at both dates is compared the same way.
public struct ChangeMeasurer {
    public let regions: RegionSet
    public var sliverRule: SliverRule
    public var filter: ChangeFilter

    /// The basis the regions stand for, and the national area its shares are of (see `Basis`).
    public var basis: Basis = .land
    public var referenceAreaKm2: Double?

    public init(regions: RegionSet, sliverRule: SliverRule = SliverRule(), filter: ChangeFilter = ChangeFilter()) {
        self.regions = regions
        self.sliverRule = sliverRule
        self.filter = filter
    }

    /// The change, and the changed land as shapes for a map (lon/lat polygons per status).
    public func measure(from a: Snapshot, to b: Snapshot, fromDate: DayDate? = nil, toDate: DayDate? = nil) throws -> ChangeMeasurement {
        let measurer = ControlMeasurer(regions: regions, sliverRule: sliverRule)
        measurer.jobs = 2
        return try measure(from: try measurer.measureWithGeometry(a, asOf: fromDate), to: try measurer.measureWithGeometry(b, asOf: toDate))
    }

    /// The change between two measurements made on these regions with this rule (from the
    /// shape store, or measured just now).
    public func measure(from measuredA: ControlMeasurement, to measuredB: ControlMeasurement) throws -> ChangeMeasurement {
        var (stateA, geoA) = (measuredA.state, measuredA.geometry), (stateB, geoB) = (measuredB.state, measuredB.geometry)
        (stateA.basis, stateA.referenceAreaKm2, stateB.basis, stateB.referenceAreaKm2) = (basis, referenceAreaKm2, basis, referenceAreaKm2)
        // Only statuses both snapshots report: a status one source does not report is unknown
        // there, not empty (DeepState's daily files have no grey zone; Liveuamap none at all).
        let shared = Set(stateA.statuses).intersection(stateB.statuses)
        let statuses = (shared.isEmpty ? Set(stateA.statuses + stateB.statuses) : shared).sorted()
        // Free land stands for one status only when each snapshot has that one layer and no other.
        let single = stateA.statuses == statuses && stateB.statuses == statuses && statuses.count == 1
        let perRegion = try changedLandSplit(statuses, geoA, geoB, single: single)
        var changes: [RegionChange] = []
        var gained: [ControlStatus: [[[Position]]]] = [:], lost: [ControlStatus: [[[Position]]]] = [:], freed: [[[Position]]] = []
        for (region, (land, freedLand)) in zip(regions.regions, perRegion) {
            freed += freedLand.polygons
            var perStatus: [ControlStatus: StatusChange] = [:]
            let ra = stateA.region(region.iso), rb = stateB.region(region.iso)
            for s in statuses {
                let c = land[s] ?? ChangedLand(gained: [], lost: [], gainedKm2: 0, lostKm2: 0)
                gained[s, default: []] += c.gained
                lost[s, default: []] += c.lost
                perStatus[s] = StatusChange(fromKm2: ra?.km2(s) ?? 0, fromPercent: ra?.percent(s) ?? 0,
                                            toKm2: rb?.km2(s) ?? 0, toPercent: rb?.percent(s) ?? 0,
                                            gainedKm2: c.gainedKm2, lostKm2: c.lostKm2)
            }
            changes.append(RegionChange(iso: region.iso, names: region.names,
                                        areaKm2: region.areaKm2, statuses: perStatus, freedKm2: freedLand.km2))
        }
        let set = ChangeSet(from: stateA, to: stateB, statuses: statuses, regions: changes,
                            filterHalfWidthDegrees: filter.halfWidthDegrees)
        return ChangeMeasurement(changes: set, geometry: ChangeGeometry(gained: gained, lost: lost, freed: freed), toGeometry: geoB)
    }

    /// Freed land of one region, as plain values.
    struct FreedLand: Sendable {
        let polygons: [[[Position]]]
        let km2: Double
        static let none = FreedLand(polygons: [], km2: 0)
    }

    /// Changed land of one region per status, as plain values (safe to pass between threads).
    struct ChangedLand: Sendable {
        let gained: [[[Position]]]
        let lost: [[[Position]]]
        let gainedKm2: Double
        let lostKm2: Double
    }

    /// The changed land of every region, on two threads: the regions either date reaches are
    /// dealt into two bins by vertex count; a helper thread does one bin on its own GEOS copies.
    private func changedLandSplit(_ statuses: [ControlStatus], _ a: ControlGeometry, _ b: ControlGeometry, single: Bool) throws -> [([ControlStatus: ChangedLand], FreedLand)] {
        let touched = regions.regions.indices.filter { i in
            let iso = regions.regions[i].iso
            return !(a.byRegion[iso]?.untouched ?? true) || !(b.byRegion[iso]?.untouched ?? true)
        }
        let bins = Parallel.split(touched.map { regions.regions[$0].geometry.pointCount }).map { $0.map { touched[$0] } }
        let helperRegions = bins[1].map { regions.regions[$0].portable() }
        let helperInput = bins[1].map { (a.byRegion[regions.regions[$0].iso], b.byRegion[regions.regions[$0].iso]) }
        let filter = self.filter
        let helper = Background<[([ControlStatus: ChangedLand], FreedLand)]> {
            // The helper's own measurer: this one's regions are GEOS geometries of this thread.
            let own = ChangeMeasurer(regions: RegionSet([]), filter: filter)
            return try zip(helperRegions, helperInput).map { r, ab in try own.changedLand(try r.rebuilt(), statuses, ab.0, ab.1, single: single) }
        }
        var out = [([ControlStatus: ChangedLand], FreedLand)](repeating: ([:], .none), count: regions.regions.count)
        for i in bins[0] {
            let iso = regions.regions[i].iso
            out[i] = try changedLand(regions.regions[i], statuses, a.byRegion[iso], b.byRegion[iso], single: single)
        }
        for (i, land) in zip(bins[1], try helper.value()) { out[i] = land }
        return out
    }

    private func changedLand(_ region: Region, _ statuses: [ControlStatus], _ a: RegionGeometry?, _ b: RegionGeometry?,
                             single: Bool) throws -> ([ControlStatus: ChangedLand], FreedLand) {
        var out: [ControlStatus: ChangedLand] = [:]
        for s in statuses {
            let (g, l) = try changedLand(region, s, a, b, single: single)
            out[s] = ChangedLand(gained: g.flatMap { $0.polygons }, lost: l.flatMap { $0.polygons },
                                 gainedKm2: g.reduce(0) { $0 + Geodesic.areaKm2($1) }, lostKm2: l.reduce(0) { $0 + Geodesic.areaKm2($1) })
        }
        let invader = statuses.filter(\.isHeldByInvader)
        // One invader status: freed land is its lost land, measured above.
        if invader.count == 1, let only = out[invader[0]] { return (out, FreedLand(polygons: only.lost, km2: only.lostKm2)) }
        let freed = try freedLand(region, invader, a, b)
        return (out, FreedLand(polygons: freed.flatMap { $0.polygons }, km2: freed.reduce(0) { $0 + Geodesic.areaKm2($1) }))
    }

    /// Land the invader held in any of `statuses` at A and in none at B (filtered).
    private func freedLand(_ region: Region, _ statuses: [ControlStatus], _ a: RegionGeometry?, _ b: RegionGeometry?) throws -> [Geometry] {
        guard !statuses.isEmpty, let a, !a.untouched else { return [] }
        func held(_ g: RegionGeometry?) throws -> Geometry {
            let parts = try statuses.compactMap { try g?.held[$0]?.geometry() }
            return parts.isEmpty ? try Geometry.multiPolygon([]) : try Geometry.union(parts)
        }
        return try filter.keep(try held(a).difference(try held(b)).polygonalParts())
    }

    /// Newly held and no longer held parts of one region for one status (filtered).
    private func changedLand(_ region: Region, _ s: ControlStatus, _ a: RegionGeometry?, _ b: RegionGeometry?, single: Bool)
        throws -> (gained: [Geometry], lost: [Geometry]) {
        let untouchedA = a?.untouched ?? true, untouchedB = b?.untouched ?? true
        if untouchedA && untouchedB { return ([], []) }
        if single {
            let freeA = try untouchedA ? region.geometry : polygons(a!.freeParts)
            let freeB = try untouchedB ? region.geometry : polygons(b!.freeParts)
            return (try filter.keep(try freeA.difference(freeB).polygonalParts()),
                    try filter.keep(try freeB.difference(freeA).polygonalParts()))
        }
        let heldA = try a?.held[s]?.geometry() ?? Geometry.multiPolygon([])
        let heldB = try b?.held[s]?.geometry() ?? Geometry.multiPolygon([])
        return (try filter.keep(try heldB.difference(heldA).polygonalParts()),
                try filter.keep(try heldA.difference(heldB).polygonalParts()))
    }

    private func polygons(_ p: [[[Position]]]) throws -> Geometry {
        try Geometry.multiPolygon(p.map { try Geometry.polygon($0) })
    }
}

/// Changed land as lon/lat polygons per status, for a change map.
public struct ChangeGeometry: Sendable {
    public let gained: [ControlStatus: [[[Position]]]]
    public let lost: [ControlStatus: [[[Position]]]]
    /// Held by the invader in any status at the earlier date, in none at the later.
    public let freed: [[[Position]]]
}
