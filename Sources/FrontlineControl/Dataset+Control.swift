import FrontlineGeo

extension Dataset {
    /// Control on `date` from the newest snapshot on or before it (of `source`, or of any).
    public func control(asOf date: DayDate, source: String? = nil, sliverRule: SliverRule = SliverRule()) throws -> ControlState {
        let match = try timeline.snapshot(asOf: date, source: source)
        return try ControlMeasurer(regions: regions, sliverRule: sliverRule).measure(snapshot(match.ref), asOf: date)
    }

    /// The dates of a time series from `from` to `to`: every `everyDays` days, or, when nil,
    /// the dates of the snapshots in that period (and `from` itself).
    public func seriesDates(from: DayDate, to: DayDate, everyDays: Int?, source: String? = nil) throws -> [DayDate] {
        guard from <= to else { throw FrontlineError.usage("--from \(from) is after --to \(to)") }
        if let n = everyDays {
            guard n > 0 else { throw FrontlineError.usage("--every must be at least 1 day") }
            return stride(from: from.daysSinceEpoch, through: to.daysSinceEpoch, by: n).map(DayDate.init(daysSinceEpoch:))
        }
        let refs = source.map { timeline.bySource[$0] ?? [] } ?? timeline.all
        let inside = refs.map(\.date).filter { $0 > from && $0 <= to }
        return [from] + Array(Set(inside)).sorted()
    }

    /// Control on each date; each snapshot is read and measured once however many dates it covers.
    /// `progress` is called after each date with (done, total).
    public func series(_ dates: [DayDate], source: String? = nil, sliverRule: SliverRule = SliverRule(),
                       progress: (Int, Int) -> Void = { _, _ in }) throws -> [ControlState] {
        let measurer = ControlMeasurer(regions: regions, sliverRule: sliverRule)
        var cache: [SnapshotRef: ControlState] = [:]
        var out: [ControlState] = []
        for (n, date) in dates.enumerated() {
            let ref = try timeline.snapshot(asOf: date, source: source).ref
            let state: ControlState
            if let hit = cache[ref] { state = hit } else {
                state = try measurer.measure(snapshot(ref))
                cache[ref] = state
            }
            out.append(state.asOf(date))
            progress(n + 1, dates.count)
        }
        return out
    }
}

extension ControlState {
    /// The same figures standing for another requested date.
    func asOf(_ d: DayDate) -> ControlState {
        ControlState(date: d, snapshotDate: snapshotDate, source: source, statuses: statuses, regions: regions)
    }
}
