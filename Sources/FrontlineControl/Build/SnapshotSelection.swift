/// Which days of a daily archive to bundle. Consecutive days differ by a few km², so the
/// bundle keeps the sparsest set with no gap longer than `maxGapDays`, plus the days named
/// in `always` (and always the first and the last day).
public struct SnapshotSelection: Sendable {
    public var maxGapDays: Int
    public var always: Set<DayDate>

    public init(maxGapDays: Int, always: Set<DayDate> = []) {
        self.maxGapDays = maxGapDays
        self.always = always
    }

    /// Every day: for a data folder that mirrors the whole archive.
    public static let everyDay = SnapshotSelection(maxGapDays: 1)

    /// Greedy: keep a day when the next available one would be too far from the last kept.
    public func select(_ available: [DayDate]) -> [DayDate] {
        let days = available.sorted()
        guard let first = days.first else { return [] }
        var kept = [first]
        for (i, d) in days.enumerated().dropFirst() {
            let isLast = i == days.count - 1
            let nextTooFar = !isLast && kept.last!.days(to: days[i + 1]) > maxGapDays
            if isLast || nextTooFar || always.contains(d) || maxGapDays <= 1 { kept.append(d) }
        }
        return kept
    }
}
