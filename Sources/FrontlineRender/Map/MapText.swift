import Foundation
import FrontlineControl

/// Every word and number format a map prints, in the language of its `Wording` (the tool's
/// English, or the dataset's catalogue).
struct MapText {
    let words: Wording

    var lang: Language { words.language }

    func date(_ d: DayDate) -> String {
        let c = d.components
        return "\(c.day) \(words.months[c.month - 1]) \(c.year)"
    }

    /// Whole numbers grouped by thousands: "114,821" / "114 821" (the language's separator).
    func integer(_ v: Double) -> String { words.localized(StatsFormatter.km2(v)) }

    func km2(_ v: Double) -> String { integer(v) + " " + km2 }

    /// An amount of change: one decimal under 10 km² (a day's advance is a few km²).
    func changeAmount(_ v: Double) -> String {
        guard v < 9.95 else { return integer(v) }
        return words.localized(String(format: "%.1f", v))
    }

    func changeKm2(_ v: Double) -> String { changeAmount(v) + " " + km2 }

    /// The unit of area.
    var km2: String { words["km²"] }

    /// One decimal, but "100 %" and "0 %" plain; a share that rounds to 100 but is not
    /// complete reads "99.9 %", so the map never claims more than the data says.
    func percent(_ v: Double) -> String {
        let text: String
        if v >= 99.95 && v < 100 { text = "99.9" } else if v >= 100 { text = "100" } else if v > 0 && v < 0.05 { text = "<0.1" } else {
            text = String(format: "%.1f", v)
        }
        return words.localized(text) + " %"
    }

    /// The headline names the date of the data: "on D" when the snapshot is of the date
    /// asked for, "as of S" (the snapshot's date) when an older snapshot stands for it.
    func title(_ place: String, asked d: DayDate, snapshot s: DayDate) -> String {
        s == d ? words("{place}: territorial control on {date}", ["place": place, "date": date(d)])
            : words("{place}: territorial control as of {date}", ["place": place, "date": date(s)])
    }

    func heldLine(_ statusLabel: String, km2 v: Double, percent p: Double, of place: String) -> String {
        words("{status}: {km2}, {percent} of {place}", ["status": statusLabel, "km2": km2(v), "percent": percent(p), "place": place])
    }

    /// One legend row for the statuses a snapshot lacks: "Contested, liberated: not reported".
    func notReported(_ statuses: [ControlStatus]) -> String {
        let names = statuses.enumerated().map { $0.offset == 0 ? defaultStatusLabel($0.element) : defaultStatusLabel($0.element).lowercased() }
        return words("{statuses}: not reported", ["statuses": names.joined(separator: ", ")])
    }

    func abroadLine(_ statusLabel: String, km2 v: Double) -> String { "\(statusLabel): \(km2(v))" }

    func snapshotLine(source: String, snapshot: DayDate, age: Int) -> String {
        if age == 0 { return words("Data: {source}, snapshot of {date}", ["source": source, "date": date(snapshot)]) }
        let asked = snapshot.adding(days: age)
        let template = age == 1 ? "Data: {source}, snapshot of {date}, the newest before {asked} ({age} day earlier)"
            : "Data: {source}, snapshot of {date}, the newest before {asked} ({age} days earlier)"
        return words(template, ["source": source, "date": date(snapshot), "asked": date(asked), "age": String(age)])
    }

    var frontLine: String { words["Front line"] }

    /// The legend row of the land no status covers: the dataset's wording, else a generic one.
    func free(_ info: DatasetInfo) -> String { info.text(info.freeLabels, lang) ?? words["Not occupied"] }

    /// The legend row of the baseline: the dataset's wording, else a generic one.
    func baseline(_ info: DatasetInfo) -> String { info.text(info.baselineLabels, lang) ?? words["Held before the record begins"] }

    var scaleUnit: String { words["km"] }

    /// A rule's width as a reader takes it in: "330 m" (to 10 m), "1 km" (within 150 m of a
    /// whole km), "1.5 km".
    func distance(_ metres: Double) -> String {
        guard metres >= 1000 else { return "\(Int((metres / 10).rounded()) * 10) \(words["m"])" }
        let km = metres / 1000
        return words.localized(String(format: abs(km - km.rounded()) < 0.15 ? "%.0f" : "%.1f", km)) + " " + words["km"]
    }

    func defaultStatusLabel(_ s: ControlStatus) -> String {
        switch s {
        case .occupied: return words["Occupied"]
        case .contested: return words["Contested"]
        case .liberated: return words["Liberated"]
        case .heldAbroad: return words["Held across the border"]
        }
    }

    /// The short form of a status for subtitles and summaries: the dataset's short wording,
    /// else the generic word ("Occupied").
    func shortStatusLabel(_ s: ControlStatus, _ info: DatasetInfo) -> String {
        info.statusShortLabel(s, lang) ?? defaultStatusLabel(s)
    }
}

extension Gazetteer.Place {
    /// The place's name in the map's language.
    public func name(_ lang: Language) -> String { names(lang) }
}
