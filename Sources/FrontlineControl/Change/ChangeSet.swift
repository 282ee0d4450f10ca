/// Change of one status in one region (or nationally) between two dates.
public struct StatusChange: Sendable, Equatable {
    /// Held at the earlier date, km² and % of the land area.
    public var fromKm2: Double
    public var fromPercent: Double
    /// Held at the later date.
    public var toKm2: Double
    public var toPercent: Double
    /// Newly held (held at the later date, not at the earlier), after the change filter.
    public var gainedKm2: Double
    /// No longer held (held at the earlier date, not at the later).
    public var lostKm2: Double

    public var netKm2: Double { gainedKm2 - lostKm2 }
    public var changePoints: Double { toPercent - fromPercent }

    static let zero = StatusChange(fromKm2: 0, fromPercent: 0, toKm2: 0, toPercent: 0, gainedKm2: 0, lostKm2: 0)

    static func + (a: StatusChange, b: StatusChange) -> StatusChange {
        StatusChange(fromKm2: a.fromKm2 + b.fromKm2, fromPercent: 0, toKm2: a.toKm2 + b.toKm2, toPercent: 0,
                     gainedKm2: a.gainedKm2 + b.gainedKm2, lostKm2: a.lostKm2 + b.lostKm2)
    }
}

public struct RegionChange: Sendable {
    public let iso: String
    public let names: Names
    public let areaKm2: Double
    public let statuses: [ControlStatus: StatusChange]
    /// Freed: held by the invader (in any of its statuses) at the earlier date and by none at
    /// the later, after the change filter. With one status it is that status's lost land; with
    /// the grey zone too it is less than the statuses' losses, since land may pass from one
    /// status to the other.
    public let freedKm2: Double

    public func change(_ s: ControlStatus) -> StatusChange { statuses[s] ?? .zero }
    public var changed: Bool { statuses.values.contains { $0.gainedKm2 > 0 || $0.lostKm2 > 0 } }
}

/// What changed between two dates, per region and nationally. Built by `ChangeMeasurer`.
public struct ChangeSet: Sendable {
    public let from: ControlState
    public let to: ControlState
    /// Statuses present at either date, in table order.
    public let statuses: [ControlStatus]
    public let regions: [RegionChange]
    /// Change parts nowhere wider than twice this (degrees) were dropped as re-traced borders
    /// (0 with `--raw`).
    public let filterHalfWidthDegrees: Double

    /// The national area the shares are of: the official total on the admin basis, else the regions' sum.
    public var areaKm2: Double { from.referenceAreaKm2 ?? regions.reduce(0) { $0 + $1.areaKm2 } }

    /// National figures: the sum over regions, shares of the national area.
    public func national(_ s: ControlStatus) -> StatusChange {
        var total = regions.reduce(StatusChange.zero) { $0 + $1.change(s) }
        let area = areaKm2
        total.fromPercent = area > 0 ? 100 * total.fromKm2 / area : 0
        total.toPercent = area > 0 ? 100 * total.toKm2 / area : 0
        return total
    }

    /// Land freed nationally (the sum over regions).
    public var freedKm2: Double { regions.reduce(0) { $0 + $1.freedKm2 } }

    public func region(_ iso: String) -> RegionChange? { regions.first { $0.iso.uppercased() == iso.uppercased() } }

    /// The same change restricted to some regions.
    public func filtered(_ isos: [String]) -> ChangeSet {
        let keep = Set(isos.map { $0.uppercased() })
        return ChangeSet(from: from.filtered(isos), to: to.filtered(isos), statuses: statuses,
                         regions: regions.filter { keep.contains($0.iso.uppercased()) }, filterHalfWidthDegrees: filterHalfWidthDegrees)
    }
}
