import Foundation

/// Where the standing source changes (`sourcePeriods`), and the step it makes in the figures:
/// the last snapshot of the old source before the switch against the first of the new one.
/// `snapshots --check` prints it with the largest snapshot age a date can get.
public struct SourceSwitch: CustomStringConvertible {
    public let date: DayDate
    public let before: ControlState
    public let after: ControlState
    public let why: String?

    public var stepKm2: Double { after.km2(.occupied) - before.km2(.occupied) }
    public var days: Int { before.snapshotDate.days(to: after.snapshotDate) }

    public var description: String {
        String(format: "source switch on %@: %@ %@ %.0f km² occupied → %@ %@ %.0f km², a step of %+.0f km² over %d days",
               date.description, before.source, before.snapshotDate.description, before.km2(.occupied),
               after.source, after.snapshotDate.description, after.km2(.occupied), stepKm2, days)
            + (why.map { " (\($0))" } ?? "")
    }
}

extension Dataset {
    /// Every switch of the standing source, with its step, on the land basis.
    public func sourceSwitches() throws -> [SourceSwitch] {
        try zip(timeline.periods, timeline.periods.dropFirst()).compactMap { old, new -> SourceSwitch? in
            guard old.source != new.source, let first = timeline.bySource[new.source]?.first(where: { $0.date >= new.from }),
                  let last = timeline.bySource[old.source]?.last(where: { $0.date < new.from }) else { return nil }
            return SourceSwitch(date: new.from, before: try control(asOf: last.date, source: old.source),
                                after: try control(asOf: first.date, source: new.source), why: new.why)
        }
    }
}
