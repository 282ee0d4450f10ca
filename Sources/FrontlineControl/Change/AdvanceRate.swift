import FrontlineSupport

/// How fast the front moved before a date: km² gained and lost per day by each invader status
/// over trailing windows (7 and 30 days by default), each measured as a change with the same
/// rules as `diff` (coastline rule, change filter), so the figures agree with `diff`.
public struct AdvanceRate: Sendable {
    public struct Window: Sendable {
        public let days: Int
        /// The change from the date `days` before to the date.
        public let change: ChangeSet
        /// Days between the two snapshots that stand for the window's ends: the rate divides
        /// by these, since a change happened between snapshots, not between asked dates.
        public var snapshotDays: Int { max(1, change.from.snapshotDate.days(to: change.to.snapshotDate)) }
        /// Whether one snapshot stands for both ends (no change can be seen in the window).
        public var isEmpty: Bool { change.from.snapshotDate == change.to.snapshotDate }

        public func gainedPerDay(_ s: ControlStatus) -> Double { isEmpty ? 0 : change.national(s).gainedKm2 / Double(snapshotDays) }
        public func lostPerDay(_ s: ControlStatus) -> Double { isEmpty ? 0 : change.national(s).lostKm2 / Double(snapshotDays) }
        public func netPerDay(_ s: ControlStatus) -> Double { gainedPerDay(s) - lostPerDay(s) }

        public func filtered(_ isos: [String]) -> Window { Window(days: days, change: change.filtered(isos)) }
    }

    public let date: DayDate
    public let windows: [Window]
    /// The invader's statuses the source reports (the rate of each).
    public var statuses: [ControlStatus] { windows.first?.change.statuses.filter(\.isHeldByInvader) ?? [] }

    public func filtered(_ isos: [String]) -> AdvanceRate { AdvanceRate(date: date, windows: windows.map { $0.filtered(isos) }) }
}

extension Dataset {
    /// The rate of advance before `date` over each window (days). A window reaching before the
    /// first snapshot (of `source`, when one is asked for) starts at that snapshot.
    public func advanceRate(asOf date: DayDate, windows: [Int] = [7, 30], source: String? = nil,
                            sliverRule: SliverRule = SliverRule(), filter: ChangeFilter = ChangeFilter()) throws -> AdvanceRate {
        // The first snapshot of the source asked for: another source's earlier record is no
        // start for this one's window (a window of deepstate's first month asked for a date
        // before its record and failed the whole command).
        let refs = source.map { timeline.bySource[$0] ?? [] } ?? timeline.all
        guard let first = refs.first?.date else { throw FrontlineError.missingInput("the dataset holds no snapshots") }
        let measured = try windows.map { days -> AdvanceRate.Window in
            let start = max(first, date.adding(days: -days))
            let c = try changeFigures(from: start, to: date, fromSource: source, toSource: source, sliverRule: sliverRule, filter: filter)
            return AdvanceRate.Window(days: days, change: c)
        }
        return AdvanceRate(date: date, windows: measured)
    }
}
