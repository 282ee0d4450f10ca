import Foundation
import FrontlineControl
import FrontlineGeo

/// Builds the change map A → B with one colour per meaning: land occupied at both dates muted,
/// newly occupied in a strong warm colour, newly contested in amber, freed (no longer occupied
/// or contested) in a strong cool one, the front line at B over them; the changes in km² per
/// region on its label and in a corner table, both from the same figures and named by status;
/// rings around changes too small to see at the map's scale. Land marked "liberated" is free
/// land: it is not drawn as held at either date.
struct DiffComposer {
    let map: MapComposer
    var theme: Theme { map.theme }
    var text: MapText { map.text }
    var words: Wording { map.text.words }

    /// How many of the settlements that changed hands the map names at least.
    static let featuredPlaces = 6

    func scene(_ changes: ChangeSet, _ geometry: ChangeGeometry, _ toGeometry: ControlGeometry, places: ChangedPlaces? = nil) throws -> MapScene {
        let focus = try map.dataset.regions.resolve(map.options.regions)
        var scene = map.frame(focus)
        let held = (toGeometry.held[.occupied] ?? []).flatMap { $0.base + $0.cutouts }
        let heldContested = (toGeometry.held[.contested] ?? []).flatMap { $0.base + $0.cutouts }
        let freed = geometry.freed
        let occupied = geometry.gained[.occupied] ?? [], contested = geometry.gained[.contested] ?? []
        // Land held abroad at the later date: the change map of the Kursk incursion showed
        // nothing in Russia. (Its change is not overlaid: the legend gives both areas.)
        let abroad = map.abroadRings(toGeometry)
        scene.layers = map.underLayers(on: changes.to.snapshotDate) + [
            .fill(layer: .change(.heldBoth), polygons: held, style: theme.heldBoth, outline: nil),
            .fill(layer: .change(.contestedBoth), polygons: heldContested, style: theme.contestedBoth, outline: nil),
            .fill(layer: .change(.lost), polygons: freed, style: theme.lost, outline: nil),
            .fill(layer: .change(.gained), polygons: occupied, style: theme.gained, outline: nil),
            .fill(layer: .change(.gainedContested), polygons: contested, style: theme.gainedContested, outline: nil),
            .fill(layer: .control(.heldAbroad), polygons: abroad, style: theme.fill(.heldAbroad), outline: nil),
        ] + map.surroundings(focus) + map.overLayers(focus: focus) + map.focusOutline(focus) + map.frontLine(toGeometry)
        scene.layers += try map.smallChangeRings(occupied + contested, theme.gained.color, scene) + map.smallChangeRings(freed, theme.lost.color, scene)
        scene.furniture = furniture(changes, focus)
        scene.furniture.inset = try map.inset(focus, scene, held: held)
        let featured = featured(places, focus)
        try map.addPlacesAndLabels(&scene, focus: focus, front: toGeometry.front, featured: featured, abroad: abroad) { visible, _ in
            map.regionLabels(visible: visible, focus: focus) { r in self.changeLines(changes.region(r.iso), changes.statuses) }
        }
        return scene
    }

    /// The largest settlements that changed hands inside the focus (all regions without one).
    func featured(_ places: ChangedPlaces?, _ focus: [Region]) -> Set<Int> {
        let inside = Set(focus.map(\.iso))
        let list = (places?.places ?? []).filter { $0.to != .contested && (inside.isEmpty || inside.contains($0.place.region ?? "")) }
        return Set(list.prefix(DiffComposer.featuredPlaces).map(\.place.id))
    }

    /// The statuses a change map shows: those the invader holds (liberated land is free land).
    func shown(_ statuses: [ControlStatus]) -> [ControlStatus] { statuses.filter(\.isHeldByInvader) }

    /// "+2,662 / −12" (gained / lost km² of a status), the text of labels and table alike; nil
    /// when neither reaches 0.05 km².
    func amounts(_ c: StatusChange) -> String? {
        var parts: [String] = []
        if c.gainedKm2 >= 0.05 { parts.append("+" + text.changeAmount(c.gainedKm2)) }
        if c.lostKm2 >= 0.05 { parts.append("−" + text.changeAmount(c.lostKm2)) }
        return parts.isEmpty ? nil : parts.joined(separator: " / ")
    }

    /// "Occupied +2,662 / −12 km²" under a changed region's name, a line per status shown.
    func changeLines(_ r: RegionChange?, _ statuses: [ControlStatus]) -> [MapLabel.Line] {
        guard let r else { return [] }
        return shown(statuses).compactMap { s in
            amounts(r.change(s)).map { a in
                let label = text.shortStatusLabel(s, map.dataset.info)
                // The colour of what dominates: a region that lost more than it gained is in the
                // freed colour (losses were labelled in the gain colour).
                let change = r.change(s)
                let color = s != .occupied ? theme.mutedText : (change.netKm2 < 0 ? theme.lost.color : theme.gained.color).withAlpha(1)
                return MapLabel.Line("\(label) \(a) \(text.km2)", font: Font(size: 11, bold: true), color: color)
            }
        }
    }

    func furniture(_ c: ChangeSet, _ focus: [Region]) -> Furniture {
        var f = Furniture()
        let scope = focus.isEmpty ? c : c.filtered(focus.map(\.iso))
        let place = map.placeName(focus)
        // The headline names the dates of the data; the dates asked for, when other, follow.
        let (a, b) = (c.from.snapshotDate, c.to.snapshotDate)
        f.title = map.options.title ?? words("{place}: change in control, {from} → {to}", ["place": place, "from": text.date(a), "to": text.date(b)])
        let sourceName = { (id: String) in map.dataset.info.sources.first { $0.id == id }?.name ?? id }
        let sources = Set([c.from.source, c.to.source]).sorted().map(sourceName).joined(separator: ", ")
        f.subtitle = [words("Data: {sources}, snapshots of {from} and {to}", ["sources": sources, "from": text.date(a), "to": text.date(b)])]
        if (a, b) != (c.from.date, c.to.date) {
            f.subtitle[0] += words(", the newest on or before {from} and {to}", ["from": text.date(c.from.date), "to": text.date(c.to.date)])
        }
        f.legend = legend(scope, c, framed: focus.isEmpty ? nil : place)
        let statuses = shown(c.statuses)
        f.tableTitle = words["Change by region, km² (+ gained, − lost)"]
        f.table = scope.regions.filter(\.changed).sorted { r1, r2 in
            statuses.reduce(0) { $0 + abs(r1.change($1).netKm2) } > statuses.reduce(0) { $0 + abs(r2.change($1).netKm2) }
        }.prefix(12).compactMap { r in
            // The labels' figures, each status named when more than one is shown.
            let parts = statuses.compactMap { s in amounts(r.change(s)).map { statuses.count > 1 ? "\(text.shortStatusLabel(s, map.dataset.info)) \($0)" : $0 } }
            return parts.isEmpty ? nil : (r.names(text.lang), parts.joined(separator: "; "), nil)
        }
        f.attribution = map.dataset.attribution(for: Array(Set([c.from.source, c.to.source])).sorted()).map { words[$0] }
        map.styleFurniture(&f)
        return f
    }

    /// One row per meaning, each once: held at both dates, newly occupied, newly contested,
    /// freed, the front line; a row only for what the period holds.
    func legend(_ scope: ChangeSet, _ c: ChangeSet, framed place: String? = nil) -> [(label: String, swatch: Furniture.Swatch)] {
        let has = Set(c.statuses)
        let occupied = scope.national(.occupied), contested = has.contains(.contested) ? scope.national(.contested) : nil
        var rows: [(label: String, swatch: Furniture.Swatch)] = [(words["Occupied at both dates"], .fill(theme.heldBoth))]
        if contested != nil { rows.append((words["Contested at both dates"], .fill(theme.contestedBoth))) }
        rows.append((words("Newly occupied: {km2}", ["km2": text.changeKm2(occupied.gainedKm2)]), .fill(theme.gained)))
        if let contested { rows.append((words("Newly contested: {km2}", ["km2": text.changeKm2(contested.gainedKm2)]), .fill(theme.gainedContested))) }
        let freed = scope.freedKm2 < 0.05 ? words["none"] : text.changeKm2(scope.freedKm2)
        rows.append((words("Freed: {km2}", ["km2": freed]), .fill(theme.lost)))
        if (c.from.abroadKm2 > 0 || c.to.abroadKm2 > 0) && !map.options.hidden.contains(.heldAbroad) {
            let label = text.shortStatusLabel(.heldAbroad, map.dataset.info)
            rows.append((words("{status}: {from} → {to}", ["status": label, "from": text.integer(c.from.abroadKm2), "to": text.km2(c.to.abroadKm2)]),
                         .fill(theme.fill(.heldAbroad))))
        }
        rows.append((words("Front line, {date}", ["date": text.date(c.to.snapshotDate)]), .line(theme.frontLine)))
        // A framed map's figures are its regions': said, and what lies around is muted.
        if let place {
            rows.append((words("Figures for {place} only; around it muted", ["place": place]), .note))
        }
        return rows
    }
}
