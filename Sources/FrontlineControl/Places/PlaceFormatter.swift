import Foundation
import FrontlineGeo

/// Text forms of a place's status and history: a short table, stable JSON, CSV.
public struct PlaceFormatter {
    public let lookup: PlaceLookup

    public init(lookup: PlaceLookup) { self.lookup = lookup }

    /// The name of a status in the output: the three layers, and "held" for none.
    public static func name(_ s: ControlStatus?) -> String { s?.rawValue ?? "held" }

    public func heading(_ p: Gazetteer.Place) -> String {
        let people = p.population > 0 ? ", \(StatsFormatter.km2(Double(p.population))) people" : ""
        let others = p.names.others.isEmpty ? "" : " (\(p.names.others.joined(separator: ", ")))"
        return String(format: "%@%@, %@%@, %.4f° N %.4f° E", p.names.primary, others, lookup.regionName(p), people, p.position.y, p.position.x)
    }

    /// A status in words a reader cannot misread: a place abroad is held by its own country or
    /// by the regions' ("held by Russia", "held by Ukraine", never a bare "held"); a place the
    /// source leaves out of every layer, on a date it reports no grey zone, is "not occupied",
    /// which is all the source says (the table says why under it).
    public func words(_ s: ControlStatus?, _ p: Gazetteer.Place, notReported: [ControlStatus] = []) -> String {
        if !p.isHome {
            if s == .heldAbroad { return "held by \(lookup.ownCountry ?? "the regions' country")" }
            if s == nil { return "held by \(lookup.neighbour(p.country))" }
        }
        if s == nil && notReported.contains(.contested) { return "not occupied" }
        return Self.name(s)
    }

    public func table(_ r: PlaceReport) -> String {
        let (p, date, status, frontKm, history) = (r.place, r.date, r.status, r.frontKm, r.history)
        var lines = [heading(p)]
        let front = frontKm.map { String(format: "; %.1f km from the front line", $0) } ?? "; no front line on that date"
        lines.append("\(date): \(words(status.status, p, notReported: r.notReported)) (snapshot \(status.snapshot.source) \(status.snapshot.date))\(front)")
        if status.status == nil && p.isHome && r.notReported.contains(.contested) {
            lines.append("The source reports no grey zone on this date: a place it does not mark occupied may be contested.")
        }
        if let history {
            lines.append("")
            var rows = [["Status", "First seen", "Last seen", "Changed between"]]
            for h in history {
                rows.append([words(h.status, p), h.first.date.description, h.last.date.description,
                             h.after.map { "\($0.date) and \(h.first.date)" } ?? "–"])
            }
            lines += TextTable.render(rows, leftAligned: [0, 3], ruleBeforeLast: false)
            lines.append("A change happened somewhere between the two snapshots that bound it; land marked liberated counts as held.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json(_ r: PlaceReport) -> String {
        let (p, date, status, frontKm, history) = (r.place, r.date, r.status, r.frontKm, r.history)
        func ref(_ r: SnapshotRef) -> JSONOut { .object([("date", .string(r.date.description)), ("source", .string(r.source))]) }
        var members: [(String, JSONOut)] = [
            ("place", .object([("id", .int(p.id))]
                     + p.names.jsonMembers + [
                               ("region", p.region.map { .string($0) } ?? .null), ("country", .string(p.country)),
                               ("lat", .fixed(p.position.y, decimals: 5)), ("lon", .fixed(p.position.x, decimals: 5)),
                               ("population", .int(p.population))])),
            ("date", .string(date.description)), ("snapshot", ref(status.snapshot)),
            ("status", .string(Self.name(status.status))), ("front_km", frontKm.map { .fixed($0, decimals: 1) } ?? .null),
            ("not_reported", .array(r.notReported.map { .string($0.rawValue) })),
        ]
        if let history {
            members.append(("history", .array(history.map { h in
                .object([("status", .string(Self.name(h.status))), ("first", ref(h.first)), ("last", ref(h.last)),
                         ("changed_after", h.after.map(ref) ?? .null)])
            })))
        }
        return JSONOut.object(members).text + "\n"
    }

    /// One row per period (or one for the date without history).
    public func csv(_ r: PlaceReport) -> String {
        let (p, date, status, frontKm, history) = (r.place, r.date, r.status, r.frontKm, r.history)
        let name = StatsFormatter.csvField(p.names.primary)
        guard let history else {
            return "\(p.names.languages[0].nameKey),region,date,snapshot,source,status,front_km\n"
                + "\(name),\(p.region ?? ""),\(date),\(status.snapshot.date),\(status.snapshot.source),\(Self.name(status.status)),\(frontKm.map { String(format: "%.1f", $0) } ?? "")\n"
        }
        return "\(p.names.languages[0].nameKey),region,status,first,last,changed_after\n" + history.map { h in
            "\(name),\(p.region ?? ""),\(Self.name(h.status)),\(h.first.date),\(h.last.date),\(h.after?.date.description ?? "")\n"
        }.joined()
    }
}

extension PlaceFormatter {
    /// "41 occupied (250,112 people; the largest Pokrovsk, 60,127), 3 newly contested, 1 freed".
    public func summary(_ c: ChangedPlaces) -> String {
        func part(_ list: [ChangedPlace], _ what: String) -> String? {
            guard let largest = list.first else { return nil }
            let people = list.reduce(0) { $0 + $1.place.population }
            return "\(list.count) \(what) (\(StatsFormatter.km2(Double(people))) people; the largest \(largest.place.names.primary), \(StatsFormatter.km2(Double(largest.place.population))))"
        }
        let parts = [part(c.occupied, "occupied"), part(c.contested, "newly contested"), part(c.freed, "freed")].compactMap { $0 }
        return parts.isEmpty ? "No settlement changed hands." : "Settlements: " + parts.joined(separator: ", ") + "."
    }

    public func changedTable(_ c: ChangedPlaces, scope: String) -> String {
        let head = "\(scope): settlements that changed hands, snapshot \(c.from.source) \(c.from.date) → \(c.to.source) \(c.to.date)"
        return ([head, ""] + changedRows(c, limit: nil)).joined(separator: "\n") + "\n"
    }

    /// The section of `diff`'s table: the largest `limit` changes, and the summary of all.
    public func changedSection(_ c: ChangedPlaces, limit: Int) -> String {
        let shown = min(limit, c.places.count)
        let head = c.places.count > shown
            ? "Settlements that changed hands: the \(shown) largest of \(c.places.count) (frontline places --changed lists all)"
            : "Settlements that changed hands"
        return ([head, ""] + changedRows(c, limit: limit)).joined(separator: "\n") + "\n"
    }

    private func changedRows(_ c: ChangedPlaces, limit: Int?) -> [String] {
        guard !c.places.isEmpty else { return [summary(c)] }
        var rows = [["Place", "Region", "Population", "Before", "After"]]
        for x in c.places.prefix(limit ?? c.places.count) {
            rows.append([x.place.names.primary, lookup.regionName(x.place), StatsFormatter.km2(Double(x.place.population)), Self.name(x.from), Self.name(x.to)])
        }
        return TextTable.render(rows, leftAligned: [0, 1, 3, 4], ruleBeforeLast: false)
            + ["", summary(c), "Populations are GeoNames' (before the invasion for most places); a change happened between the two snapshots."]
    }

    public func changedJSON(_ c: ChangedPlaces) -> String { changedObject(c).text + "\n" }

    /// `{from, to, summary: {occupied, contested, freed}, places: [...]}` (README "places").
    public func changedObject(_ c: ChangedPlaces) -> JSONOut {
        func ref(_ r: SnapshotRef) -> JSONOut { .object([("date", .string(r.date.description)), ("source", .string(r.source))]) }
        let items = c.places.map { x -> JSONOut in
            .object([("id", .int(x.place.id))]
                     + x.place.names.jsonMembers + [
                     ("region", .string(x.place.region ?? "")), ("population", .int(x.place.population)),
                     ("lat", .fixed(x.place.position.y, decimals: 5)), ("lon", .fixed(x.place.position.x, decimals: 5)),
                     ("from", .string(Self.name(x.from))), ("to", .string(Self.name(x.to)))])
        }
        func count(_ l: [ChangedPlace]) -> JSONOut {
            .object([("settlements", .int(l.count)), ("people", .int(ChangedPlaces.people(l)))])
        }
        return JSONOut.object([("from", ref(c.from)), ("to", ref(c.to)),
                               ("summary", .object([("occupied", count(c.occupied)), ("contested", count(c.contested)), ("freed", count(c.freed))])),
                               ("places", .lines(items))])
    }

    public func changedCSV(_ c: ChangedPlaces) -> String {
        let keys = (c.places.first?.place.names.languages ?? [.english]).map(\.nameKey)
        return "id,\(keys.joined(separator: ",")),region,population,lat,lon,from,to\n" + c.places.map { x in
            ([String(x.place.id)] + x.place.names.values.map(StatsFormatter.csvField) + [x.place.region ?? "",
             String(x.place.population), Gazetteer.coordinate(x.place.position.y), Gazetteer.coordinate(x.place.position.x),
             Self.name(x.from), Self.name(x.to)]).joined(separator: ",") + "\n"
        }.joined()
    }
}
