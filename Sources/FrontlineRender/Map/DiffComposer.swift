import Foundation
import FrontlineControl
import FrontlineGeo

/// Builds the change map A → B: land held at both dates muted, newly held in a strong warm
/// colour, no longer held in a strong cool one, the front line at B over them, km² per changed
/// region on its label, a corner table of the changes, and rings around changes too small to
/// see at the map's scale.
struct DiffComposer {
    let map: MapComposer
    var theme: Theme { map.theme }
    var text: MapText { map.text }

    func scene(_ changes: ChangeSet, _ geometry: ChangeGeometry, _ toGeometry: ControlGeometry) throws -> MapScene {
        let focus = try map.dataset.regions.resolve(map.options.regions)
        var scene = map.frame(focus)
        let held = toGeometry.held.values.flatMap { $0.flatMap { $0.base + $0.cutouts } }
        let gained = geometry.gained.values.flatMap { $0 }, lost = geometry.lost.values.flatMap { $0 }
        scene.layers = map.underLayers() + [
            .fill(name: "held-both", polygons: held, style: theme.heldBoth, outline: nil),
            .fill(name: "gained", polygons: gained, style: theme.gained, outline: nil),
            .fill(name: "lost", polygons: lost, style: theme.lost, outline: nil),
        ] + map.overLayers(focus: focus) + map.focusOutline(focus) + map.frontLine(toGeometry)
        scene.layers += try smallChangeRings(gained, theme.gained.color, scene) + smallChangeRings(lost, theme.lost.color, scene)
        scene.dataLayers = ["gained", "lost", "held-both"]
        scene.furniture = furniture(changes, focus)
        scene.furniture.inset = try map.inset(focus, scene, held: held)
        try map.addPlacesAndLabels(&scene, focus: focus, front: toGeometry.front) { visible in
            map.regionLabels(visible: visible, focus: focus) { r in self.changeLines(changes.region(r.iso), changes.statuses) }
        }
        return scene
    }

    /// "+2,662 km²" and "−12 km²" under a changed region's name.
    func changeLines(_ r: RegionChange?, _ statuses: [ControlStatus]) -> [MapLabel.Line] {
        guard let r else { return [] }
        var lines: [MapLabel.Line] = []
        for s in statuses {
            let c = r.change(s)
            if c.gainedKm2 >= 0.05 { lines.append(MapLabel.Line("+" + text.changeKm2(c.gainedKm2), font: Font(size: 12, bold: true), color: theme.gained.color.withAlpha(1))) }
            if c.lostKm2 >= 0.05 { lines.append(MapLabel.Line("−" + text.changeKm2(c.lostKm2), font: Font(size: 12, bold: true), color: theme.lost.color.withAlpha(1))) }
        }
        return lines
    }

    /// A ring around each change whose drawn size is under 8 style units: a few km² at
    /// country scale would otherwise be a dot nobody sees.
    func smallChangeRings(_ polygons: [[[Position]]], _ color: RGBA, _ scene: MapScene) throws -> [SceneLayer] {
        let vp = try map.viewport(scene)
        var centres: [Position] = []  // device
        let radius = 9.0, merge = 2 * radius * scene.unit
        for rings in polygons {
            guard let shell = rings.first, let box = Envelope(of: try vp.device(shell)) else { continue }
            guard max(box.width, box.height) < 8 * scene.unit else { continue }
            // Neighbouring small changes share one ring rather than a chain of overlapping ones.
            let c = box.center
            if !centres.contains(where: { ($0.x - c.x) * ($0.x - c.x) + ($0.y - c.y) * ($0.y - c.y) < merge * merge }) {
                centres.append(c)
            }
        }
        guard !centres.isEmpty else { return [] }
        centres = try centres.map { try vp.lonLat($0) }
        return [.markers(name: "small-changes", points: centres, radius: radius, outline: LineStyle(color.withAlpha(1), width: 2), fill: nil)]
    }

    func furniture(_ c: ChangeSet, _ focus: [Region]) -> Furniture {
        var f = Furniture()
        let scope = focus.isEmpty ? c : c.filtered(focus.map(\.iso))
        let place = map.placeName(focus)
        let lang = map.options.language
        f.title = map.options.title ?? (lang == .uk ? "\(place): зміни контролю, \(text.date(c.from.date)) → \(text.date(c.to.date))"
                                                    : "\(place): change in control, \(text.date(c.from.date)) → \(text.date(c.to.date))")
        let sourceName = { (id: String) in map.dataset.info.sources.first { $0.id == id }?.name ?? id }
        let sources = Set([c.from.source, c.to.source]).sorted().map(sourceName).joined(separator: ", ")
        f.subtitle = [lang == .uk ? "Дані: \(sources), знімки на \(text.date(c.from.snapshotDate)) і \(text.date(c.to.snapshotDate))"
                                  : "Data: \(sources), snapshots of \(text.date(c.from.snapshotDate)) and \(text.date(c.to.snapshotDate))"]
        for s in c.statuses {
            let n = scope.national(s)
            let label = text.shortStatusLabel(s, map.dataset.info).lowercased()
            f.legend.append((lang == .uk ? "Утримується на обидві дати" : "Held at both dates", .fill(theme.heldBoth)))
            f.legend.append((lang == .uk ? "Нове: +\(text.changeKm2(n.gainedKm2)) (\(label))" : "Newly \(label): +\(text.changeKm2(n.gainedKm2))", .fill(theme.gained)))
            let freed = n.lostKm2 < 0.05 ? (lang == .uk ? "немає" : "none") : "−" + text.changeKm2(n.lostKm2)
            f.legend.append(((lang == .uk ? "Звільнено: " : "Freed: ") + freed, .fill(theme.lost)))
        }
        f.legend.append(((lang == .uk ? "Лінія фронту, " : "Front line, ") + text.date(c.to.snapshotDate), .line(theme.frontLine)))
        if let s = c.statuses.first {
            f.tableTitle = lang == .uk ? "Зміни за областями, км²" : "Change by region, km²"
            f.table = scope.regions.filter(\.changed).sorted { abs($0.change(s).netKm2) > abs($1.change(s).netKm2) }.prefix(12).map { r in
                let x = r.change(s)
                let value = (x.gainedKm2 >= 0.05 ? "+" + text.changeAmount(x.gainedKm2) : "") + (x.lostKm2 >= 0.05 ? " −" + text.changeAmount(x.lostKm2) : "")
                return (lang == .en ? r.nameEN : r.nameUK, value.isEmpty ? "<0.1" : value, nil)
            }
        }
        f.attribution = map.dataset.attribution(for: Array(Set([c.from.source, c.to.source])).sorted())
        map.styleFurniture(&f)
        return f
    }
}
