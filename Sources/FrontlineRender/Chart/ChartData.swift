import FrontlineControl
import FrontlineSupport

/// What a chart shows: a status over time as lines (km² or % per region or nationally), the
/// front line's length, the rate of advance, or monthly bars of km² gained and lost.
public enum ChartMetric: String, CaseIterable, Sendable {
    case km2, pct, change
    /// The front line's geodesic length, km (the same figure as `stats`' front_km).
    case frontKm = "front-km"
    /// Net km² per day over the `ChartData.rateWindowDays` before each date: the status's
    /// area at the date minus its area then, over the days between the two snapshots.
    case rate

    /// Whether values may be negative (the zero line is then drawn strong).
    public var isSigned: Bool { self == .change || self == .rate }
}

public struct ChartData: Sendable {
    public struct Line: Sendable {
        public let name: String
        public let points: [(date: DayDate, value: Double)]
    }

    public struct Bar: Sendable {
        /// The period the bar covers: [start, end].
        public let start: DayDate
        public let end: DayDate
        public let gained: Double
        public let lost: Double
        public var net: Double { gained - lost }
        /// True when the bar covers less than its calendar month (the period starts or ends
        /// inside it): its km² are not a month's.
        public var isPartial: Bool {
            let s = start.components, e = end.components
            let next = s.month == 12 ? (s.year + 1, 1) : (s.year, s.month + 1)
            return s.day != 1 || e.day != 1 || (e.year, e.month) != next
        }
    }

    public let metric: ChartMetric
    public let status: ControlStatus
    public let lines: [Line]
    public let bars: [Bar]
    /// Dates of the snapshots the figures come from.
    public let snapshotDates: [DayDate]
    public let sources: [String]
    /// Where the figures pass from one source to another (the first date of the new one).
    public var switches: [(date: DayDate, source: String)] = []
    public let from: DayDate
    public let to: DayDate

    /// The trailing window of `ChartMetric.rate`, days.
    public static let rateWindowDays = 30
}

extension Dataset {
    /// The figures of a chart. Lines use every snapshot in the period (and `from`); bars one
    /// change per calendar month (the first and last may be partial).
    public func chartData(from: DayDate, to: DayDate, metric: ChartMetric, status: ControlStatus = .occupied,
                          regions isos: [String] = [], source: String? = nil) throws -> ChartData {
        guard from < to else { throw FrontlineError.usage("the period is empty: --from \(from) must be before --to \(to)") }
        let picked = try regions.resolve(isos)
        if metric == .change {
            var bounds = [from]
            var c = from.components
            while true {
                c.month += 1
                if c.month > 12 { c.month = 1; c.year += 1 }
                guard let d = DayDate(year: c.year, month: c.month, day: 1), d < to else { break }
                bounds.append(d)
                c = d.components
            }
            bounds.append(to)
            var bars: [ChartData.Bar] = []
            var used: [DayDate] = []
            var sources = Set<String>()
            for (a, b) in zip(bounds, bounds.dropFirst()) {
                let ch = try change(from: a, to: b, fromSource: source, toSource: source).changes
                let scope = picked.isEmpty ? ch : ch.filtered(picked.map(\.iso))
                let n = scope.national(status)
                bars.append(ChartData.Bar(start: a, end: b, gained: n.gainedKm2, lost: n.lostKm2))
                used += [ch.from.snapshotDate, ch.to.snapshotDate]
                sources.formUnion([ch.from.source, ch.to.source])
            }
            return ChartData(metric: metric, status: status, lines: [], bars: bars, snapshotDates: Array(Set(used)).sorted(),
                             sources: sources.sorted(), from: from, to: to)
        }
        var dates = try seriesDates(from: from, to: to, everyDays: nil, source: source)
        // A rate compares each date with the date a window before it: measured in the same
        // series (a snapshot standing for several dates is measured once). A date whose window
        // reaches before the record has no rate over the window, so no point.
        let window = ChartData.rateWindowDays
        let first = timeline.first?.date ?? from
        if metric == .rate {
            dates = dates.filter { $0.adding(days: -window) >= first }
            guard !dates.isEmpty else {
                throw FrontlineError.usage("a rate over \(window) days needs that much data before each date: the first date with one is \(first.adding(days: window))")
            }
        }
        let earlier = metric == .rate ? dates.map { $0.adding(days: -window) } : []
        let measured = try series(dates + earlier, source: source)
        let states = Array(measured.prefix(dates.count)), before = Array(measured.dropFirst(dates.count))
        func value(_ s: ControlState, _ k: Int, _ isos: [String]?) -> Double {
            let s = isos.map { s.filtered($0) } ?? s
            switch metric {
            case .pct: return s.percent(status)
            case .frontKm: return s.frontKm
            case .rate:
                let b = isos.map { before[k].filtered($0) } ?? before[k]
                let days = b.snapshotDate.days(to: s.snapshotDate)
                return days > 0 ? (s.km2(status) - b.km2(status)) / Double(days) : 0
            default: return s.km2(status)
            }
        }
        let lines: [ChartData.Line]
        if picked.isEmpty {
            // Land held abroad is the neighbours' land: its line is named by them, not by the country.
            let name = status.isAbroad
                ? (info.heldAbroadCountries ?? [:]).keys.sorted().map { info.countryNames($0).primary }.joined(separator: ", ")
                : info.name(info.primaryLanguage)
            lines = [ChartData.Line(name: name, points: states.enumerated().map { ($1.date, value($1, $0, nil)) })]
        } else {
            lines = picked.map { r in ChartData.Line(name: r.names.primary, points: states.enumerated().map { ($1.date, value($1, $0, [r.iso])) }) }
        }
        var data = ChartData(metric: metric, status: status, lines: lines, bars: [], snapshotDates: states.map(\.snapshotDate),
                             sources: Array(Set(states.map(\.source))).sorted(), from: from, to: to)
        data.switches = zip(states, states.dropFirst()).filter { $0.source != $1.source }.map { ($1.date, $1.source) }
        return data
    }
}
