import Foundation
import FrontlineSupport

/// The snapshots of a dataset, by source and date. Built from file names alone; snapshots
/// are read only when asked for.
public struct Timeline {
    /// Per source, refs sorted by date.
    public let bySource: [String: [SnapshotRef]]

    public init(_ refs: [SnapshotRef]) {
        bySource = Dictionary(grouping: refs, by: \.source).mapValues { $0.sorted { $0.date < $1.date } }
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

    /// The newest snapshot on or before `date`, from `source` or, when nil, from whichever
    /// source has the most recent one (ties go to the first source by name).
    /// A date before every snapshot is a `.missingInput` error naming the first date.
    public func snapshot(asOf date: DayDate, source: String? = nil) throws -> Match {
        let refs: [SnapshotRef]
        if let source {
            guard let r = bySource[source] else {
                throw FrontlineError.usage("unknown source '\(source)'; sources: \(sources.joined(separator: ", "))")
            }
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

    /// Gaps between consecutive snapshots of a source longer than `days`.
    public func gaps(source: String, longerThan days: Int) -> [(from: DayDate, to: DayDate)] {
        let refs = bySource[source] ?? []
        return zip(refs, refs.dropFirst()).compactMap { a, b in
            a.date.days(to: b.date) > days ? (a.date, b.date) : nil
        }
    }
}
