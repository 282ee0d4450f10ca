import Foundation
import FrontlineGeo

/// Text forms of a change: an aligned table, stable JSON (documented in the README), CSV.
public struct ChangeFormatter {
    public var nationalName: String

    public init(nationalName: String) { self.nationalName = nationalName }

    public func table(_ c: ChangeSet) -> String {
        var lines = ["\(nationalName): change from \(c.from.date) to \(c.to.date) (snapshots \(c.from.source) \(c.from.snapshotDate) → \(c.to.source) \(c.to.snapshotDate))", ""]
        for s in c.statuses {
            let name = s.rawValue.capitalized
            var rows: [[String]] = [["Region", "ISO", "\(name) km² before", "%", "after", "%", "Gained km²", "Lost km²", "Net km²", "Δ pp"]]
            // Sorted by change: where the front moved most comes first.
            for r in c.regions.sorted(by: { abs($0.change(s).netKm2) > abs($1.change(s).netKm2) }) {
                rows.append([r.names.primary, r.iso] + cells(r.change(s)))
            }
            rows.append([nationalName, ""] + cells(c.national(s)))
            lines += TextTable.render(rows, leftAligned: [0, 1], ruleBeforeLast: true)
            lines.append("")
        }
        if c.statuses.filter(\.isHeldByInvader).count > 1 {
            // Land moves between occupied and contested: the statuses' losses are not what was freed.
            lines.append("Freed (held in no status at the later date): \(signed(c.freedKm2, plus: false)) km².")
        }
        for a in abroad(c) {
            lines.append("Held across the border in \(a.names.primary): \(StatsFormatter.km2(a.from)) → \(StatsFormatter.km2(a.to)) km² (\(signedNet(a.to - a.from)); not part of \(nationalName)'s figures).")
        }
        if c.filterHalfWidthDegrees > 0 {
            let metres = Int((c.filterHalfWidthDegrees * SliverRule.metresPerDegree * 2 / 10).rounded()) * 10
            lines.append("Change parts under about \(metres) m wide (re-traced borders) are not counted; --raw counts them.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Land held abroad at either end, by country: km² before and after (the areas only: what
    /// changed hands there is not overlaid).
    func abroad(_ c: ChangeSet) -> [(country: String, names: Names, from: Double, to: Double)] {
        let countries = Set((c.from.abroad + c.to.abroad).map(\.country)).sorted()
        return countries.map { code in
            let a = c.from.abroad.first { $0.country == code }, b = c.to.abroad.first { $0.country == code }
            return (code, (b ?? a)!.names, a?.km2 ?? 0, b?.km2 ?? 0)
        }
    }

    private func cells(_ x: StatusChange) -> [String] {
        [StatsFormatter.km2(x.fromKm2), StatsFormatter.pct(x.fromPercent), StatsFormatter.km2(x.toKm2), StatsFormatter.pct(x.toPercent),
         signed(x.gainedKm2, plus: true), signed(x.lostKm2, plus: false), signedNet(x.netKm2), points(x.changePoints)]
    }

    /// Percentage points with the table's one minus sign (U+2212, as the km² columns have).
    private func points(_ v: Double) -> String {
        abs(v) < 0.005 ? "0.00" : String(format: "%+.2f", v).replacingOccurrences(of: "-", with: "−")
    }

    /// A day's change is a few km²: one decimal under 10, whole km² above.
    private func amount(_ v: Double) -> String { v < 9.95 ? String(format: "%.1f", v) : StatsFormatter.km2(v) }

    private func signed(_ v: Double, plus: Bool) -> String {
        v < 0.05 ? "0" : (plus ? "+" : "−") + amount(v)
    }

    private func signedNet(_ v: Double) -> String {
        abs(v) < 0.05 ? "0" : (v > 0 ? "+" : "−") + amount(abs(v))
    }

    /// The change as JSON; `settlements`, when given, is the object of the places that changed hands.
    public func json(_ c: ChangeSet, settlements: JSONOut? = nil) -> String {
        func end(_ s: ControlState) -> JSONOut {
            .object([("date", .string(s.date.description)), ("snapshot", StatsFormatter.snapshotJSON(s))])
        }
        func obj(_ x: StatusChange) -> JSONOut {
            .object([("from_km2", .fixed(x.fromKm2, decimals: 1)), ("from_pct", .fixed(x.fromPercent, decimals: 3)),
                     ("to_km2", .fixed(x.toKm2, decimals: 1)), ("to_pct", .fixed(x.toPercent, decimals: 3)),
                     ("gained_km2", .fixed(x.gainedKm2, decimals: 1)), ("lost_km2", .fixed(x.lostKm2, decimals: 1)),
                     ("net_km2", .fixed(x.netKm2, decimals: 1)), ("change_pp", .fixed(x.changePoints, decimals: 3))])
        }
        let national: [(String, JSONOut)] = [("name", .string(nationalName)), ("area_km2", .fixed(c.areaKm2, decimals: 1))]
            + c.statuses.map { ($0.rawValue, obj(c.national($0))) } + [("freed_km2", .fixed(c.freedKm2, decimals: 1))]
        let regions = c.regions.map { r -> JSONOut in
            .object([("iso", .string(r.iso))]
                     + r.names.jsonMembers + [
                     ("area_km2", .fixed(r.areaKm2, decimals: 1))] + c.statuses.map { ($0.rawValue, obj(r.change($0))) }
                     + [("freed_km2", .fixed(r.freedKm2, decimals: 1))])
        }
        return JSONOut.object([("from", end(c.from)), ("to", end(c.to)), ("statuses", .array(c.statuses.map { .string($0.rawValue) })),
                               ("filter_half_width_deg", .double(c.filterHalfWidthDegrees)),
                               ("national", .object(national)), ("regions", .lines(regions))]
                              + (abroad(c).isEmpty ? [] : [("held_abroad", .array(abroad(c).map { a in
                                  .object([("country", .string(a.country))] + a.names.jsonMembers + [
                                           ("from_km2", .fixed(a.from, decimals: 1)), ("to_km2", .fixed(a.to, decimals: 1))])
                              }))])
                              + (settlements.map { [("settlements", $0)] } ?? [])).text + "\n"
    }

    /// One row per region and status, plus national rows (iso empty).
    public func csv(_ c: ChangeSet) -> String {
        let nameKey = (c.regions.first?.names.languages[0] ?? .english).nameKey
        var out = "from,to,iso,\(nameKey),status,from_km2,from_pct,to_km2,to_pct,gained_km2,lost_km2,net_km2,change_pp\n"
        func row(_ iso: String, _ name: String, _ s: ControlStatus, _ x: StatusChange) -> String {
            "\(c.from.date),\(c.to.date),\(iso),\(StatsFormatter.csvField(name)),\(s.rawValue),\(f1(x.fromKm2)),\(f3(x.fromPercent)),"
                + "\(f1(x.toKm2)),\(f3(x.toPercent)),\(f1(x.gainedKm2)),\(f1(x.lostKm2)),\(f1(x.netKm2)),\(f3(x.changePoints))\n"
        }
        for s in c.statuses {
            for r in c.regions { out += row(r.iso, r.names.primary, s, r.change(s)) }
            out += row("", nationalName, s, c.national(s))
        }
        return out
    }

    private func f1(_ v: Double) -> String { StatsFormatter.j1(v) }
    private func f3(_ v: Double) -> String { StatsFormatter.j3(v) }
}
