import Foundation
import FrontlineControl

/// Round tick values for an axis: 1, 2 or 5 × 10ⁿ apart, about `count` of them.
enum ChartAxis {
    static func ticks(min lo: Double, max hi: Double, count: Int) -> [Double] {
        guard hi > lo else { return [lo] }
        let raw = (hi - lo) / Double(max(1, count))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let first = (lo / step).rounded(.down) * step
        return stride(from: first, through: hi + step * 0.001, by: step).map { $0 }
    }

    /// First days of months between two dates, every `step` months, for date ticks.
    static func monthTicks(from: DayDate, to: DayDate, maxCount: Int) -> [DayDate] {
        let months = max(1, (to.daysSinceEpoch - from.daysSinceEpoch) / 30)
        let step = [1, 2, 3, 4, 6, 12, 24].first { months / $0 <= maxCount } ?? 24
        var out: [DayDate] = []
        var c = from.components
        c.day = 1
        while let d = DayDate(year: c.year, month: c.month, day: 1), d <= to {
            if d >= from && (c.month - 1) % step == 0 { out.append(d) }
            c.month += 1
            if c.month > 12 { c.month = 1; c.year += 1 }
        }
        return out
    }
}
