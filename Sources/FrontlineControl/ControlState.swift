/// Control of one region on one date: km² per status, the rest is free.
public struct RegionControl: Sendable {
    public let iso: String
    public let names: Names
    /// Land area of the region, km².
    public let areaKm2: Double
    /// km² per status, after coastline reconciliation.
    public let km2: [ControlStatus: Double]
    /// km² of free-looking slivers that the coastline rule reassigned (see `SliverRule`).
    public let sliverKm2: Double
    /// Geodesic length in km of the front line inside the region: the edges of its real free
    /// parts that are not its own boundary (see `ControlMeasurer.front`).
    public let frontKm: Double

    public func km2(_ s: ControlStatus) -> Double { km2[s] ?? 0 }
    public func percent(_ s: ControlStatus) -> Double { areaKm2 > 0 ? 100 * km2(s) / areaKm2 : 0 }
    /// km² the invader holds (occupied and contested): what is not free.
    public var heldByInvaderKm2: Double { km2.filter { $0.key.isHeldByInvader }.values.reduce(0, +) }
    /// km² held by the defender: the area less the invader's land. Liberated land is free land
    /// (it has its own column too): Sumy, all of it held by Ukraine, is 100 % free.
    public var freeKm2: Double { max(0, areaKm2 - heldByInvaderKm2) }
    public var freePercent: Double { areaKm2 > 0 ? 100 * freeKm2 / areaKm2 : 0 }
}

/// Control of every region, and of the whole dataset, as given by one snapshot.
public struct ControlState: Sendable {
    /// The date asked for.
    public let date: DayDate
    /// The snapshot that stands for it (the newest on or before `date`).
    public let snapshotDate: DayDate
    public let source: String
    /// Statuses the source reports, in table order.
    public let statuses: [ControlStatus]
    public let regions: [RegionControl]
    /// What the figures are measured against (`Basis`).
    public var basis: Basis = .land
    /// The national area the shares are of when it is not the regions' sum: the official
    /// total on the admin basis. Nil for a selection of regions.
    public var referenceAreaKm2: Double? = nil
    /// Land held by the defender in neighbouring countries, by country (never in the regions' figures).
    public var abroad: [AbroadControl] = []
    /// Statuses the source reports elsewhere but not in this snapshot (`withNotReported`): unknown, not zero.
    public var notReported: [ControlStatus] = []
    /// What a map draws and its legend lists: the statuses, and land held abroad when there is some.
    public var mapStatuses: [ControlStatus] { statuses + (abroad.isEmpty ? [] : [.heldAbroad]) }
    /// All land held abroad, km².
    public var abroadKm2: Double { abroad.reduce(0) { $0 + $1.km2 } }

    public var snapshotAgeDays: Int { snapshotDate.days(to: date) }

    public var areaKm2: Double { referenceAreaKm2 ?? regions.reduce(0) { $0 + $1.areaKm2 } }
    /// km² of a status: over the regions, or, for land held abroad, over the neighbours.
    public func km2(_ s: ControlStatus) -> Double { s.isAbroad ? abroadKm2 : regions.reduce(0) { $0 + $1.km2(s) } }
    public func percent(_ s: ControlStatus) -> Double { areaKm2 > 0 ? 100 * km2(s) / areaKm2 : 0 }
    public var freeKm2: Double {
        guard let total = referenceAreaKm2 else { return regions.reduce(0) { $0 + $1.freeKm2 } }
        return max(0, total - regions.reduce(0) { $0 + $1.heldByInvaderKm2 })
    }
    /// The front line's length over the regions shown (each region's part is cut at its border).
    public var frontKm: Double { regions.reduce(0) { $0 + $1.frontKm } }
    /// Whether the source reports a status that has a front line (an invader's).
    public var hasFront: Bool { statuses.contains(where: \.isHeldByInvader) }

    public func region(_ iso: String) -> RegionControl? { regions.first { $0.iso.uppercased() == iso.uppercased() } }

    /// The same state restricted to some regions (national figures then cover those only).
    public func filtered(_ isos: [String]) -> ControlState {
        let keep = Set(isos.map { $0.uppercased() })
        var s = ControlState(date: date, snapshotDate: snapshotDate, source: source, statuses: statuses,
                             regions: regions.filter { keep.contains($0.iso.uppercased()) })
        s.basis = basis  // the official total is the country's, not the selection's
        s.abroad = abroad  // held abroad is no region's: it stays with any selection
        s.notReported = notReported
        return s
    }
}
