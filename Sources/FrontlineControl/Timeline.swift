import Foundation
import FrontlineSupport

/// The snapshots of a dataset, by source and date. Built from file names alone; snapshots
/// are read only when asked for.
public struct Timeline {
    /// Per source, refs sorted by date.
    public let bySource: [String: [SnapshotRef]]

    /// Which source stands for which period (`DatasetInfo.sourcePeriods`), sorted by date.
    public let periods: [DatasetInfo.SourcePeriod]

    public init(_ refs: [SnapshotRef], periods: [DatasetInfo.SourcePeriod] = []) {
        bySource = Dictionary(grouping: refs, by: \.source).mapValues { $0.sorted { $0.date < $1.date } }
        self.periods = periods.sorted { $0.from < $1.from }
    }

    /// The source standing for `date` by the periods, nil without periods or before the first.
    public func periodSource(_ date: DayDate) -> String? {
        periods.last { $0.from <= date }?.source
    }

    public var sources: [String] { bySource.keys.sorted() }
    public var all: [SnapshotRef] { bySource.values.flatMap { $0 }.sorted { ($0.date, $0.source) < ($1.date, $1.source) } }
    public var first: SnapshotRef? { all.first }
    public var last: SnapshotRef? { all.last }

    /// The answer to "which snapshot stands for this date": the newest on or before it.
    public struct Match {
        public let ref: SnapshotRef
        public let requested: DayDate
        /// Days between the snapshot and the requested date (0 for an exact match).
        public var ageDays: Int { ref.date.days(to: requested) }
    }

    /// The newest snapshot on or before `date`, from `source` or, when nil, from the source the
    /// periods give for the date, else from whichever source has the most recent one (ties go
    /// to the first source by name).
    /// A date before every snapshot is a `.missingInput` error naming the first date.
    public func snapshot(asOf date: DayDate, source: String? = nil) throws -> Match {
        let refs: [SnapshotRef]
        if let source {
            guard let r = bySource[source] else {
                throw FrontlineError.usage("unknown source '\(source)'; sources: \(sources.joined(separator: ", "))")
            }
            refs = r
        } else if let p = periodSource(date), let r = bySource[p], let first = r.first, first.date <= date {
            // One source per period: no alternation where two archives overlap.
            refs = r
        } else {
            refs = all
        }
        guard let firstRef = refs.first else { throw FrontlineError.missingInput("the dataset holds no snapshots") }
        guard let ref = Timeline.latest(in: refs, onOrBefore: date) else {
            throw FrontlineError.missingInput("no snapshot on or before \(date): the first available date is \(firstRef.date)")
        }
        return Match(ref: ref, requested: date)
    }

    /// Binary search for the last ref with date ≤ `date`.
    private static func latest(in refs: [SnapshotRef], onOrBefore date: DayDate) -> SnapshotRef? {
        var lo = 0, hi = refs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if refs[mid].date <= date { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        // Among several sources on the same date, `all` is ordered by source: take the first.
        let best = refs[lo - 1].date
        return refs[..<lo].first { $0.date == best }
    }

    /// True when `ref` is the snapshot that stands for its own date (with periods, a snapshot
    /// of a source outside its period stands for nothing).
    public func stands(_ ref: SnapshotRef) -> Bool {
        (try? snapshot(asOf: ref.date).ref) == ref
    }

    /// The largest age of the snapshot standing for any day from the first snapshot to the
    /// last, and that day.
    public func largestAge() -> (days: Int, on: DayDate)? {
        let standing = all.filter(stands)
        return zip(standing, standing.dropFirst()).map { a, b in (a.date.days(to: b.date) - 1, b.date.adding(days: -1)) }
            .max { $0.0 < $1.0 }
    }

    /// Gaps between consecutive snapshots of a source longer than `days`.
    public func gaps(source: String, longerThan days: Int) -> [(from: DayDate, to: DayDate)] {
        let refs = bySource[source] ?? []
        return zip(refs, refs.dropFirst()).compactMap { a, b in
            a.date.days(to: b.date) > days ? (a.date, b.date) : nil
        }
    }
}
