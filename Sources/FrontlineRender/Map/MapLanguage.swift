import Foundation
import FrontlineControl

/// The language of a map's words: English or Ukrainian.
public enum MapLanguage: String, CaseIterable, Sendable {
    case en, uk
}

/// Every word and number format a map prints, per language.
struct MapText {
    let lang: MapLanguage

    private static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August",
                                   "September", "October", "November", "December"]
    /// Genitive month names, as Ukrainian dates use them ("5 лютого 2026").
    private static let monthsUK = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
                                   "вересня", "жовтня", "листопада", "грудня"]

    func date(_ d: DayDate) -> String {
        let c = d.components
        let month = (lang == .uk ? MapText.monthsUK : MapText.monthsEN)[c.month - 1]
        return "\(c.day) \(month) \(c.year)"
    }

    /// Whole numbers grouped by thousands: "114,821" / "114 821" (narrow no-break space).
    func integer(_ v: Double) -> String {
        let grouped = StatsFormatter.km2(v)
        return lang == .uk ? grouped.replacingOccurrences(of: ",", with: "\u{202F}") : grouped
    }

    func km2(_ v: Double) -> String { integer(v) + (lang == .uk ? " км²" : " km²") }

    /// An amount of change: one decimal under 10 km² (a day's advance is a few km²).
    func changeAmount(_ v: Double) -> String {
        guard v < 9.95 else { return integer(v) }
        let t = String(format: "%.1f", v)
        return lang == .uk ? t.replacingOccurrences(of: ".", with: ",") : t
    }

    func changeKm2(_ v: Double) -> String { changeAmount(v) + " " + km2 }

    /// The unit of area.
    var km2: String { lang == .uk ? "км²" : "km²" }

    /// One decimal, but "100 %" and "0 %" plain; a share that rounds to 100 but is not
    /// complete reads "99.9 %", so the map never claims more than the data says.
    func percent(_ v: Double) -> String {
        let text: String
        if v >= 99.95 && v < 100 { text = "99.9" } else if v >= 100 { text = "100" } else if v > 0 && v < 0.05 { text = "<0.1" } else {
            text = String(format: "%.1f", v)
        }
        return (lang == .uk ? text.replacingOccurrences(of: ".", with: ",") : text) + " %"
    }

    /// The headline names the date of the data: "on D" when the snapshot is of the date
    /// asked for, "as of S" (the snapshot's date) when an older snapshot stands for it.
    func title(_ place: String, asked d: DayDate, snapshot s: DayDate) -> String {
        if s == d { return lang == .uk ? "\(place): контроль території на \(date(d))" : "\(place): territorial control on \(date(d))" }
        return lang == .uk ? "\(place): контроль території станом на \(date(s))" : "\(place): territorial control as of \(date(s))"
    }

    func heldLine(_ statusLabel: String, km2 v: Double, percent p: Double, of place: String) -> String {
        lang == .uk ? "\(statusLabel): \(km2(v)), \(percent(p)) площі (\(place))" : "\(statusLabel): \(km2(v)), \(percent(p)) of \(place)"
    }

    /// One legend row for the statuses a snapshot lacks: "Contested, liberated: not reported".
    func notReported(_ statuses: [ControlStatus]) -> String {
        let names = statuses.enumerated().map { $0.offset == 0 ? defaultStatusLabel($0.element) : defaultStatusLabel($0.element).lowercased() }
        return names.joined(separator: ", ") + (lang == .uk ? ": джерело не повідомляє" : ": not reported")
    }

    func abroadLine(_ statusLabel: String, km2 v: Double) -> String { "\(statusLabel): \(km2(v))" }

    func snapshotLine(source: String, snapshot: DayDate, age: Int) -> String {
        if age == 0 { return lang == .uk ? "Дані: \(source), знімок на \(date(snapshot))" : "Data: \(source), snapshot of \(date(snapshot))" }
        let asked = snapshot.adding(days: age)
        return lang == .uk ? "Дані: \(source), знімок на \(date(snapshot)), найновіший до \(date(asked)) (на \(age) дн. раніше)"
            : "Data: \(source), snapshot of \(date(snapshot)), the newest before \(date(asked)) (\(age) day\(age == 1 ? "" : "s") earlier)"
    }

    var frontLine: String { lang == .uk ? "Лінія фронту" : "Front line" }
    /// The legend row of the land no status covers: the dataset's wording, else a generic one.
    func free(_ info: DatasetInfo) -> String {
        info.freeLabels?[lang.rawValue] ?? info.freeLabels?["en"] ?? (lang == .uk ? "Не окуповано" : "Not occupied")
    }

    /// The legend row of the baseline: the dataset's wording, else a generic one.
    func baseline(_ info: DatasetInfo) -> String {
        info.baselineLabels?[lang.rawValue] ?? info.baselineLabels?["en"] ?? (lang == .uk ? "Утримано до початку даних" : "Held before the record begins")
    }
    var scaleUnit: String { lang == .uk ? "км" : "km" }

    func defaultStatusLabel(_ s: ControlStatus) -> String {
        switch (s, lang) {
        case (.occupied, .en): return "Occupied"
        case (.occupied, .uk): return "Окуповано"
        case (.contested, .en): return "Contested"
        case (.contested, .uk): return "Сіра зона"
        case (.liberated, .en): return "Liberated"
        case (.liberated, .uk): return "Звільнено"
        case (.heldAbroad, .en): return "Held across the border"
        case (.heldAbroad, .uk): return "Утримується за кордоном"
        }
    }

    /// The short form of a status for subtitles and summaries: the dataset's short wording,
    /// else the generic word ("Occupied").
    func shortStatusLabel(_ s: ControlStatus, _ info: DatasetInfo) -> String {
        info.statusShortLabel(s, lang.rawValue) ?? defaultStatusLabel(s)
    }
}

extension Gazetteer.Place {
    /// The place's name in the map's language.
    public func name(_ lang: MapLanguage) -> String { lang == .uk ? nameUK : nameEN }
}
