import FrontlineSupport
extension Dataset {
    /// What changed from `from` to `to` (each date standing for the newest snapshot on or
    /// before it, of its own source when given). `from` after `to` is a usage error.
    public func change(from: DayDate, to: DayDate, fromSource: String? = nil, toSource: String? = nil,
                       sliverRule: SliverRule = SliverRule(), filter: ChangeFilter = ChangeFilter(), basis: Basis = .land) throws -> ChangeMeasurement {
        guard from <= to else { throw FrontlineError.usage("--from \(from) is after --to \(to); swap them") }
        let a = try timeline.snapshot(asOf: from, source: fromSource)
        let b = try timeline.snapshot(asOf: to, source: toSource)
        var measurer = ChangeMeasurer(regions: try regions(for: basis), sliverRule: rule(sliverRule, on: basis), filter: filter)
        if basis == .admin {
            (measurer.basis, measurer.referenceAreaKm2) = (.admin, try adminBasis().totalKm2)
            return try measurer.measure(from: snapshot(a.ref), to: snapshot(b.ref), fromDate: from, toDate: to)
        }
        // On land both ends come from the shape store when it has them (a report's change map
        // measured both snapshots' shapes again on every call).
        return try measurer.measure(from: try measure(asOf: from, source: fromSource, sliverRule: sliverRule),
                                    to: try measure(asOf: to, source: toSource, sliverRule: sliverRule))
    }
}
