import Foundation
import FrontlineGeo
import FrontlineSupport

/// Text forms of control figures: an aligned table for people, JSON and CSV for programs.
/// JSON is stable (fixed member order, km² with one decimal, shares with three) and is
/// documented in the README; tables give shares with one decimal.
public struct StatsFormatter {
    /// The name of the national row ("Ukraine").
    public var nationalName: String

    public init(nationalName: String) { self.nationalName = nationalName }

    // MARK: table

    public func table(_ s: ControlState, rate: AdvanceRate? = nil) -> String {
        var lines = ["\(nationalName): control on \(s.date) (\(snapshotPhrase(s)))", ""]
        var header = ["Region", "ISO", s.basis == .admin ? "Area km²" : "Land km²"]
        for st in s.statuses { header += ["\(st.rawValue.capitalized) km²", "%"] }
        header += ["Free km²", "%"]
        var rows: [[String]] = [header]
        for r in s.regions {
            var row = [r.names.primary, r.iso, StatsFormatter.km2(r.areaKm2)]
            for st in s.statuses { row += [StatsFormatter.km2(r.km2(st)), StatsFormatter.pct(r.percent(st))] }
            row += [StatsFormatter.km2(r.freeKm2), StatsFormatter.pct(r.freePercent)]
            rows.append(row)
        }
        var total = [nationalName, "", StatsFormatter.km2(s.areaKm2)]
        for st in s.statuses { total += [StatsFormatter.km2(s.km2(st)), StatsFormatter.pct(s.percent(st))] }
        total += [StatsFormatter.km2(s.freeKm2), StatsFormatter.pct(s.areaKm2 > 0 ? 100 * s.freeKm2 / s.areaKm2 : 0)]
        rows.append(total)
        lines += TextTable.render(rows, leftAligned: [0, 1], ruleBeforeLast: true)
        if s.statuses.contains(.liberated) {
            lines += ["", "Free: the land \(nationalName) holds, liberated land included (the liberated column is a part of it)."]
        }
        if s.hasFront {
            lines += ["", "Front line: \(StatsFormatter.km2(s.frontKm)) km (geodesic length of the contact line between held land and occupied or contested land; the border and the coast are not part of it)."]
        }
        if !s.abroad.isEmpty { lines += [""] + s.abroad.map { StatsFormatter.abroadLine($0, nationalName) } }
        if !s.notReported.isEmpty { lines += ["", StatsFormatter.notReportedLine(s)] }
        if let rate { lines += rateLines(rate) }
        if s.basis == .admin { lines += ["", StatsFormatter.adminNote(s)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Held across the border in Russia: 906 km², front 84 km (not part of Ukraine's figures)."
    static func abroadLine(_ a: AbroadControl, _ nationalName: String) -> String {
        "Held across the border in \(a.names.primary): \(km2(a.km2)) km², front \(km2(a.frontKm)) km (not part of \(nationalName)'s figures)."
    }

    /// "Not reported by the source in this snapshot: contested, liberated, held_abroad (unknown, not zero)."
    static func notReportedLine(_ s: ControlState) -> String {
        "Not reported by \(s.source) in this snapshot: \(s.notReported.map(\.rawValue).joined(separator: ", ")) (unknown, not zero)."
    }

    /// The line under a table on the admin basis: what the figures are of.
    static func adminNote(_ s: ControlState) -> String {
        let total = s.referenceAreaKm2.map { ", national shares of the official \(km2($0)) km²" } ?? ""
        return "Basis: administrative units with their waters, no coastline rule\(total) (--basis admin; the default, --basis land, measures land only)."
    }

    /// A time series: one row per date, national figures (or one region's when filtered to one).
    public func seriesTable(_ states: [ControlState]) -> String {
        guard let first = states.first else { return "" }
        let statuses = Array(Set(states.flatMap(\.statuses))).sorted()
        let scope = first.regions.count == 1 ? first.regions[0].names.primary : nationalName
        let abroad = states.contains { !$0.abroad.isEmpty }
        var rows: [[String]] = [["Date", "Snapshot", "Source"] + statuses.flatMap { ["\($0.rawValue.capitalized) km²", "%"] } + ["Front km"]
                                + (abroad ? ["Held abroad km²"] : [])]
        for s in states {
            rows.append([s.date.description, s.snapshotDate.description, s.source]
                        + statuses.flatMap { [StatsFormatter.km2(s.km2($0)), StatsFormatter.pct(s.percent($0))] }
                        + [StatsFormatter.km2(s.frontKm)] + (abroad ? [StatsFormatter.km2(s.abroadKm2)] : []))
        }
        return (["\(scope): control from \(first.date) to \(states.last!.date)", ""]
                + TextTable.render(rows, leftAligned: [0, 1, 2], ruleBeforeLast: false)
                + (first.basis == .admin ? ["", StatsFormatter.adminNote(first)] : [])).joined(separator: "\n") + "\n"
    }

    /// "Rate of advance, occupied: +12.3 km²/day gained, −0.4 lost over 7 days (snapshots …)".
    func rateLines(_ rate: AdvanceRate) -> [String] {
        var out: [String] = []
        for st in rate.statuses {
            let parts = rate.windows.map { w -> String in
                // One snapshot for both ends (the record begins there, or a gap): no rate, not zero.
                if w.isEmpty { return "unavailable over \(w.days) days (the snapshot of \(w.change.to.snapshotDate) stands for both ends)" }
                let span = "snapshots \(w.change.from.snapshotDate) to \(w.change.to.snapshotDate)"
                return String(format: "+%.1f km²/day gained, −%.1f lost, net %+.1f over %d days",
                              w.gainedPerDay(st), w.lostPerDay(st), w.netPerDay(st), w.days) + " (\(span))"
            }
            out.append("Rate of advance, \(st.rawValue): " + parts.joined(separator: "; ") + ".")
        }
        return out.isEmpty ? [] : [""] + out
    }

    // MARK: JSON

    public func json(_ s: ControlState, rate: AdvanceRate? = nil) -> String { jsonObject(s, rate: rate).text + "\n" }

    public func seriesJSON(_ states: [ControlState]) -> String {
        JSONOut.object([("series", .lines(states.map { jsonObject($0) }))]).text + "\n"
    }

    /// A date's figures: `{date, snapshot, statuses, national, regions}` (README "stats").
    func jsonObject(_ s: ControlState, rate: AdvanceRate? = nil) -> JSONOut {
        func shares(_ km2: (ControlStatus) -> Double, _ pct: (ControlStatus) -> Double) -> [(String, JSONOut)] {
            s.statuses.flatMap { st in [("\(st.rawValue)_km2", JSONOut.fixed(km2(st), decimals: 1)), ("\(st.rawValue)_pct", .fixed(pct(st), decimals: 3))] }
        }
        let national: [(String, JSONOut)] = [("name", .string(nationalName)), ("area_km2", .fixed(s.areaKm2, decimals: 1))]
            + shares(s.km2, s.percent)
            + [("free_km2", .fixed(s.freeKm2, decimals: 1)), ("free_pct", .fixed(s.areaKm2 > 0 ? 100 * s.freeKm2 / s.areaKm2 : 0, decimals: 3))]
            + [("front_km", .fixed(s.frontKm, decimals: 1))]
        let regions = s.regions.map { r -> JSONOut in
            .object([("iso", .string(r.iso))]
                     + r.names.jsonMembers + [
                     ("area_km2", .fixed(r.areaKm2, decimals: 1))]
                + shares(r.km2, r.percent)
                + [("free_km2", .fixed(r.freeKm2, decimals: 1)), ("free_pct", .fixed(r.freePercent, decimals: 3)),
                   ("sliver_km2", .fixed(r.sliverKm2, decimals: 1)), ("front_km", .fixed(r.frontKm, decimals: 1))])
        }
        return .object([("date", .string(s.date.description)), ("snapshot", StatsFormatter.snapshotJSON(s)),
                        ("statuses", .array(s.statuses.map { .string($0.rawValue) })), ("basis", .string(s.basis.rawValue)),
                        ("national", .object(national)), ("regions", .lines(regions))]
                        + (s.abroad.isEmpty ? [] : [("held_abroad", abroadJSON(s))])
                        + (s.notReported.isEmpty ? [] : [("not_reported", .array(s.notReported.map { .string($0.rawValue) }))])
                        + (rate.map { [("rate", rateJSON($0))] } ?? []))
    }

    /// `[{country, name_en, name_uk, km2, front_km}]`: land held in neighbouring countries, by country.
    func abroadJSON(_ s: ControlState) -> JSONOut {
        .array(s.abroad.map { a in
            .object([("country", .string(a.country))]
                     + a.names.jsonMembers + [
                     ("km2", .fixed(a.km2, decimals: 1)), ("front_km", .fixed(a.frontKm, decimals: 1))])
        })
    }

    /// `[{days, from_snapshot, to_snapshot, snapshot_days, occupied: {gained_km2_per_day, …}}]`.
    func rateJSON(_ rate: AdvanceRate) -> JSONOut {
        .lines(rate.windows.map { w in
            .object([("days", .int(w.days)), ("from_snapshot", .string(w.change.from.snapshotDate.description)),
                     ("to_snapshot", .string(w.change.to.snapshotDate.description)), ("snapshot_days", .int(w.isEmpty ? 0 : w.snapshotDays))]
                    + rate.statuses.map { st in
                        w.isEmpty ? (st.rawValue, .null) : (st.rawValue, .object([("gained_km2_per_day", .fixed(w.gainedPerDay(st), decimals: 2)),
                                               ("lost_km2_per_day", .fixed(w.lostPerDay(st), decimals: 2)),
                                               ("net_km2_per_day", .fixed(w.netPerDay(st), decimals: 2))]))
                    })
        })
    }

    /// Which snapshot stood for a date: `{date, source, age_days}`.
    static func snapshotJSON(_ s: ControlState) -> JSONOut {
        .object([("date", .string(s.snapshotDate.description)), ("source", .string(s.source)), ("age_days", .int(s.snapshotAgeDays))])
    }

    // MARK: CSV

    /// One row per date and region plus a national row (iso empty), header first.
    public func csv(_ states: [ControlState]) -> String {
        let statuses = Array(Set(states.flatMap(\.statuses))).sorted()
        let nameKey = (states.first?.regions.first?.names.languages[0] ?? .english).nameKey
        var out = "date,snapshot_date,source,iso,\(nameKey),area_km2,"
        out += statuses.map { "\($0.rawValue)_km2,\($0.rawValue)_pct" }.joined(separator: ",") + (statuses.isEmpty ? "" : ",")
        // Land held abroad is a column of the national rows, present when any date has some.
        let abroad = states.contains { !$0.abroad.isEmpty }
        out += "free_km2,free_pct,front_km" + (abroad ? ",held_abroad_km2" : "") + "\n"
        for s in states {
            let prefix = "\(s.date),\(s.snapshotDate),\(StatsFormatter.csvField(s.source))"
            for r in s.regions {
                out += "\(prefix),\(r.iso),\(StatsFormatter.csvField(r.names.primary)),\(StatsFormatter.j1(r.areaKm2)),"
                out += statuses.map { "\(StatsFormatter.j1(r.km2($0))),\(StatsFormatter.j3(r.percent($0)))" }.joined(separator: ",")
                out += (statuses.isEmpty ? "" : ",") + "\(StatsFormatter.j1(r.freeKm2)),\(StatsFormatter.j3(r.freePercent)),\(StatsFormatter.j1(r.frontKm))"
                out += (abroad ? "," : "") + "\n"
            }
            out += "\(prefix),,\(StatsFormatter.csvField(nationalName)),\(StatsFormatter.j1(s.areaKm2)),"
            out += statuses.map { "\(StatsFormatter.j1(s.km2($0))),\(StatsFormatter.j3(s.percent($0)))" }.joined(separator: ",")
            let freePct = s.areaKm2 > 0 ? 100 * s.freeKm2 / s.areaKm2 : 0
            out += (statuses.isEmpty ? "" : ",") + "\(StatsFormatter.j1(s.freeKm2)),\(StatsFormatter.j3(freePct)),\(StatsFormatter.j1(s.frontKm))"
            out += (abroad ? ",\(StatsFormatter.j1(s.abroadKm2))" : "") + "\n"
        }
        return out
    }

    // MARK: helpers

    func snapshotPhrase(_ s: ControlState) -> String {
        s.snapshotAgeDays == 0 ? "snapshot \(s.source) \(s.snapshotDate)"
            : "latest snapshot before it: \(s.source) \(s.snapshotDate), \(s.snapshotAgeDays) days older"
    }

    /// "114,563" (grouped thousands, whole km²).
    public static func km2(_ v: Double) -> String {
        let n = Int(v.rounded())
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    public static func pct(_ v: Double) -> String { FixedDecimal.format(v, decimals: 1) }
    static func j1(_ v: Double) -> String { FixedDecimal.format(v, decimals: 1) }
    static func j3(_ v: Double) -> String { FixedDecimal.format(v, decimals: 3) }

    /// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
    public static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
