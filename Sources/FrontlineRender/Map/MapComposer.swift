import Foundation
import FrontlineControl
import FrontlineGeo

/// Builds the `MapScene` of control on a date: calm context (water, neighbouring land,
/// borders, rivers), the regions, each status layer, the front line, places and labels, and
/// the furniture. All choices of what to show live here; drawing lives in SceneRenderer.
struct MapComposer {
    let dataset: Dataset
    let base: BaseMap
    let options: MapOptions
    let theme: Theme
    let text: MapText
    /// Style units → device units: dpi / 96, times a gentle factor for the canvas size so a
    /// small map is not crowded by text sized for a large one. The size is taken at 96 dpi, so
    /// a map at twice the size and twice the dpi looks the same.
    let unit: Double
    /// The smallest map text, device units: 11 px at 96 dpi, whatever the canvas size.
    let textFloor: Double
    /// Where regions' shares stand whatever the date, while they stand on its occupied land (a
    /// timelapse: a share that moved from frame to frame read as news).
    var fixedShareSpots: [String: (center: Position, radiusKm: Double)] = [:]

    init(dataset: Dataset, base: BaseMap, options: MapOptions) {
        self.dataset = dataset
        self.base = base
        self.options = options
        theme = Theme.named(options.theme)
        text = MapText(words: dataset.wording(options.language))
        let k = options.dpi / 96
        let sizeFactor = min(1.6, max(0.65, (Double(options.width) / k * Double(options.height) / k).squareRoot() / 1386))
        unit = k * sizeFactor
        textFloor = MapComposer.minimumTextPx * k
    }

    func scene(state: ControlState, geometry: ControlGeometry, advances: ChangeMeasurement? = nil) throws -> MapScene {
        let focus = try dataset.regions.resolve(options.regions)
        var scene = frame(focus)
        scene.layers = layers(state, geometry, focus: focus, advances: advances)
        scene.furniture = furniture(state, geometry, focus)
        if let advances {
            addAdvancesLegend(&scene.furniture, advances, focus)
            scene.layers += try smallChangeRings(advances.geometry.gained[.occupied] ?? [], theme.gained.color, scene)
        }
        scene.furniture.inset = try inset(focus, scene, held: shown(state.statuses).filter(\.isHeldByInvader).flatMap { heldRings(geometry, $0) })
        try addPlacesAndLabels(&scene, focus: focus, front: geometry.front, abroad: abroadRings(geometry)) { visible, vp in try self.regionLabels(state, geometry, visible: visible, focus: focus, viewport: vp) }
        return scene
    }

    /// An empty scene of the canvas, framing `focus` (or everything), room left for the title.
    func frame(_ focus: [Region]) -> MapScene {
        let w = Double(options.width), h = Double(options.height)
        let m = 12 * unit
        let top = options.title == "" ? m : m + 92 * unit
        // Neighbouring land is the background and the sea is drawn on it: beyond the base
        // layers' box the canvas shows land, never a false coast.
        var scene = MapScene(width: w, height: h, unit: unit, background: theme.neighbourLand, projection: dataset.info.projection,
                             extent: extent(focus), frame: Envelope(minX: m, minY: top, maxX: w - m, maxY: h - m - 14 * unit))
        scene.textFloor = textFloor
        scene.baseExtent = base.extent
        return scene
    }

    /// The viewport a scene will be drawn with.
    func viewport(_ scene: MapScene) throws -> Viewport {
        try Viewport(projection: Projection(to: scene.projection), extent: scene.extent, width: scene.width,
                     height: scene.height, frame: scene.frame)
    }

    /// Place markers and labels, and the region labels `regionLabels` makes for the visible box.
    /// Places are ranked by the map's scale and their distance to `front`; `featured` places
    /// (a change map's settlements that changed hands) rank over region names and are in bold.
    func addPlacesAndLabels(_ scene: inout MapScene, focus: [Region], front: [[Position]], featured: Set<Int> = [],
                            abroad: [[[Position]]] = [], regionLabels: (Envelope, Viewport) throws -> [MapLabel]) throws {
        guard options.labels else { return }
        let vp = try viewport(scene)
        let visible = try vp.visibleExtent()
        let kmPerUnit = try vp.metresPerUnit(at: scene.frame.center) * unit / 1000
        let shown = base.places.filter { visible.contains($0.position) && PlaceRanking.mayBeNamed($0, kmPerUnit: kmPerUnit) }
        // A village named like a larger town in view is not named: a reader would take it for
        // the town (Dobropillia, 1,084 people, beside Dobropillia, 28,170).
        let language = options.language
        let largest = Dictionary(base.places.filter { visible.contains($0.position) }.map { ($0.name(language), $0.population) }, uniquingKeysWith: max)
        var places = PlaceRanking.candidates(PlaceRanking(front: front).ranked(shown), kmPerUnit: kmPerUnit)
            .filter { !featured.contains($0.place.id) && $0.place.population >= largest[$0.place.name(language), default: 0] }
        places += base.places.filter { featured.contains($0.id) && visible.contains($0.position) }
            .map { ($0, MapComposer.featuredPriority + Double($0.population)) }
        // The main town of land held across the border is the name a reader looks for there.
        places += try Gazetteer.mainForeignPlaces(base.places, in: abroad).filter { !featured.contains($0.id) && visible.contains($0.position) }
            .map { ($0, MapComposer.featuredPriority + Double($0.population)) }
        scene.layers.append(.markers(layer: .places, points: places.map(\.place.position), radius: 3, outline: theme.marker, fill: nil))
        let placeLabels = places.map { placeLabel($0.place, priority: $0.priority, bold: featured.contains($0.place.id)) }
        scene.labels = withoutNamesakes(try regionLabels(visible, vp), of: placeLabels, vp) + placeLabels + areaLabels(visible)
    }

    /// Over region names (1e8) and the regions' centres (2e8), under capitals (3e8).
    static let featuredPriority = 2.5e8

    /// Countries and seas, each at the first of its anchors well inside the visible box, in
    /// the map's language: spaced capitals for countries, italics in the water's ink for seas.
    func areaLabels(_ visible: Envelope) -> [MapLabel] {
        let inner = visible.expanded(by: -0.08 * min(visible.width, visible.height))
        return base.areaLabels.compactMap { a in
            guard let anchor = a.positions.first(where: inner.contains) else { return nil }
            let name = a.name(options.language)
            let line = a.kind == .country
                ? MapLabel.Line(name.uppercased(), font: Font(size: 14, bold: true), color: theme.mutedText.withAlpha(0.75))
                : MapLabel.Line(name, font: Font(size: 14, italic: true), color: theme.seaText)
            return MapLabel(lines: [scaled(line)], anchor: anchor, placement: .centered, priority: MapComposer.regionPriority * 0.9, halo: theme.halo.withAlpha(0.5))
        }
    }

    /// The whole dataset, or the focus regions with a quarter of their size around them.
    func extent(_ focus: [Region]) -> Envelope {
        let regions = focus.isEmpty ? dataset.regions.regions : focus
        let box = regions.dropFirst().reduce(regions[0].envelope) { $0.union($1.envelope) }
        let margin = focus.isEmpty ? 0.15 : 0.12 * max(box.width, box.height)
        return box.expanded(by: margin)
    }

    func layers(_ state: ControlState, _ geometry: ControlGeometry, focus: [Region], advances: ChangeMeasurement? = nil) -> [SceneLayer] {
        underLayers(on: state.snapshotDate) + statusLayers(state, geometry) + advancesLayer(advances)
            + overLayers(focus: focus) + focusOutline(focus) + frontLine(geometry)
    }


    /// Land newly occupied in the period before the date, in the change map's colour for it:
    /// the recent advances read at once, the rest of the occupied land stays calm.
    func advancesLayer(_ advances: ChangeMeasurement?) -> [SceneLayer] {
        guard let gained = advances?.geometry.gained[.occupied], !gained.isEmpty else { return [] }
        return [.fill(layer: .advances, polygons: gained, style: theme.gained, outline: nil)]
    }

    /// A ring around each change whose drawn size is under 8 style units: a few km² at
    /// country scale would otherwise be a dot nobody sees.
    func smallChangeRings(_ polygons: [[[Position]]], _ color: RGBA, _ scene: MapScene) throws -> [SceneLayer] {
        let vp = try viewport(scene)
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
        return [.markers(layer: .smallChanges, points: centres, radius: radius, outline: LineStyle(color.withAlpha(1), width: 2), fill: nil)]
    }

    /// "Newly occupied since 6 January 2026: +412 km²", under the occupied row of the legend.
    func addAdvancesLegend(_ f: inout Furniture, _ advances: ChangeMeasurement, _ focus: [Region]) {
        let c = focus.isEmpty ? advances.changes : advances.changes.filtered(focus.map(\.iso))
        let since = text.date(c.from.snapshotDate)
        let row = text.words("Newly occupied since {date}: +{km2}", ["date": since, "km2": text.changeKm2(c.national(.occupied).gainedKm2)])
        let at = f.legend.firstIndex { $0.0 == statusLabel(.occupied) }.map { $0 + 1 } ?? f.legend.count
        f.legend.insert((row, .fill(theme.gained)), at: min(at + (baseline(advances.changes.to) == nil ? 0 : 1), f.legend.count))
    }

    /// A fill per status, and inside occupied land the part held before 2022 (the dataset's
    /// baseline), darker: the invasion's gains read apart from Crimea and the 2014 lines.
    func statusLayers(_ state: ControlState, _ geometry: ControlGeometry) -> [SceneLayer] {
        var layers = shown(state.mapStatuses).map { status -> SceneLayer in
            .fill(layer: .control(status), polygons: heldRings(geometry, status), style: theme.fill(status), outline: nil)
        }
        if let before = baseline(state) {
            layers.append(.fillInside(layer: .baseline, polygons: before, style: theme.baseline,
                                      clip: heldRings(geometry, .occupied)))
        }
        return layers
    }

    /// The statuses the options leave on the map.
    func shown(_ statuses: [ControlStatus]) -> [ControlStatus] { statuses.filter { !options.hidden.contains($0) } }

    /// The land held abroad, unless the options hide it.
    func abroadRings(_ geometry: ControlGeometry) -> [[[Position]]] {
        options.hidden.contains(.heldAbroad) ? [] : heldRings(geometry, .heldAbroad)
    }

    func heldRings(_ geometry: ControlGeometry, _ status: ControlStatus) -> [[[Position]]] {
        (geometry.held[status] ?? []).flatMap { $0.base + $0.cutouts }
    }

    /// The baseline polygons when the map shows occupied land and the dataset has a baseline.
    func baseline(_ state: ControlState) -> [[[Position]]]? {
        guard state.statuses.contains(.occupied), !base.baseline.isEmpty else { return nil }
        return base.baseline
    }

    /// Sea, the regions' land and the lakes that hold water on the date of the data: what any
    /// control layer is drawn on.
    func underLayers(on date: DayDate) -> [SceneLayer] {
        [.fill(layer: .water, polygons: base.water, style: FillStyle(theme.water), outline: nil),
         .fill(layer: .regions, polygons: dataset.regions.regions.flatMap { $0.polygons }, style: FillStyle(theme.land), outline: nil),
         .fill(layer: .lakes, polygons: base.lakes(on: date), style: FillStyle(theme.water), outline: nil)]
    }

    /// Rivers, coast and borders, drawn over the control layers.
    func overLayers(focus: [Region]) -> [SceneLayer] {
        let riverRank = focus.isEmpty ? 7 : 9
        return [
            .stroke(layer: .rivers, lines: base.rivers.filter { $0.rank <= riverRank }.map(\.points), style: theme.river),
            .stroke(layer: .coast, lines: base.coast, style: theme.coast),
            .stroke(layer: .regionBorders, lines: base.regionBorders ?? dataset.regions.regions.flatMap { $0.polygons.flatMap { $0 } },
                    style: theme.regionBorder),
            .stroke(layer: .borders, lines: borders(), style: theme.countryBorder),
        ]
    }

    /// The front line along the inside of held land, on a light casing: drawn last of the
    /// lines, so no border crosses it.
    func frontLine(_ geometry: ControlGeometry) -> [SceneLayer] {
        guard !geometry.front.isEmpty else { return [] }
        return [.stroke(layer: .frontCasing, lines: geometry.front, style: theme.frontCasing),
                .strokeInside(layer: .front, lines: geometry.front, style: theme.frontLine,
                              clip: frontClip(geometry))]
    }

    /// The rings the front line is drawn inside, in the statuses' order: a dictionary's order
    /// changes from run to run, and with it the clip path's points in a PDF or SVG.
    func frontClip(_ geometry: ControlGeometry) -> [[[Position]]] {
        geometry.held.filter { $0.key.isHeldByInvader || $0.key.isAbroad }.sorted { $0.key < $1.key }
            .flatMap { $0.value.flatMap { $0.base + $0.cutouts } }
    }

    /// The whole country with the held land and the box of a close-up; none on a country map.
    func inset(_ focus: [Region], _ scene: MapScene, held: [[[Position]]]) throws -> Furniture.Inset? {
        guard !focus.isEmpty else { return nil }
        let land = dataset.regions.regions.flatMap { $0.polygons.compactMap(\.first) }.map { Furniture.Inset.thinned($0) }
        return Furniture.Inset(projection: scene.projection, extent: extent([]).expanded(by: -0.1), land: land,
                               held: held.flatMap { $0 }.map { Furniture.Inset.thinned($0, limit: 200) },
                               heldColor: theme.fill(.occupied).color, focus: try viewport(scene).visibleExtent())
    }

    /// The framed regions stand out from their neighbours by a strong outline.
    func focusOutline(_ focus: [Region]) -> [SceneLayer] {
        guard !focus.isEmpty else { return [] }
        var outline = theme.countryBorder
        outline.width *= 1.4
        outline.color = theme.text.withAlpha(0.5)
        return [.stroke(layer: .focus, lines: focus.flatMap { $0.polygons.flatMap { $0 } }, style: outline)]
    }

    /// A veil over everything around the focus (a box far beyond the frame, the focus's rings
    /// cut out by the even-odd fill): what lies around a framed change map is shown muted.
    func surroundings(_ focus: [Region]) -> [SceneLayer] {
        guard !focus.isEmpty, let box = base.extent?.expanded(by: 5) else { return [] }
        // Sides densified: a lon/lat edge is a curve in the map's projection.
        let n = 64
        func side(_ a: Position, _ b: Position) -> [Position] {
            (0..<n).map { k in Position(a.x + (b.x - a.x) * Double(k) / Double(n), a.y + (b.y - a.y) * Double(k) / Double(n)) }
        }
        let c = [Position(box.minX, box.minY), Position(box.maxX, box.minY), Position(box.maxX, box.maxY), Position(box.minX, box.maxY)]
        let outer = side(c[0], c[1]) + side(c[1], c[2]) + side(c[2], c[3]) + side(c[3], c[0]) + [c[0]]
        let holes = focus.flatMap { $0.polygons.flatMap { $0 } }
        return [.fill(layer: .surroundings, polygons: [[outer] + holes], style: FillStyle(theme.panel.withAlpha(0.55)), outline: nil)]
    }

    /// International borders: the base layer's, except those of the dataset's own country,
    /// which come from its regions (the same lines as its fills, so they never double).
    func borders() -> [[Position]] {
        guard let own = base.countryBorder, let code = dataset.info.country else { return base.borders.map(\.points) }
        return base.borders.filter { !$0.countries.contains(code) }.map(\.points) + own
    }

    func furniture(_ state: ControlState, _ geometry: ControlGeometry, _ focus: [Region]) -> Furniture {
        var f = Furniture()
        let scope = focus.isEmpty ? state : state.filtered(focus.map(\.iso))
        let place = placeName(focus)
        f.title = options.title ?? text.title(place, asked: state.date, snapshot: state.snapshotDate)
        f.subtitle = shown(state.statuses).map { s in
            text.heldLine(text.shortStatusLabel(s, dataset.info), km2: scope.km2(s), percent: scope.percent(s), of: place)
        }
        let sourceName = dataset.info.sources.first { $0.id == state.source }?.name ?? state.source
        // Land held abroad: km² only (a share of the country it is not part of would mislead).
        if !state.abroad.isEmpty && !options.hidden.contains(.heldAbroad) { f.subtitle.append(text.abroadLine(text.shortStatusLabel(.heldAbroad, dataset.info), km2: state.abroadKm2)) }
        f.subtitle.append(text.snapshotLine(source: sourceName, snapshot: state.snapshotDate, age: state.snapshotAgeDays))
        f.legend = shown(state.mapStatuses).map { (statusLabel($0), .fill(theme.fill($0))) }
        // The land no status covers is the country's own: said first, so that its colour is
        // not read as one of the statuses (or, under a note, as land not reported).
        if !f.legend.isEmpty { f.legend.insert((text.free(dataset.info), .land(FillStyle(theme.land))), at: 0) }
        if baseline(state) != nil, let i = f.legend.firstIndex(where: { $0.0 == statusLabel(.occupied) }) {
            f.legend.insert((text.baseline(dataset.info), .fills([theme.fill(.occupied), theme.baseline])), at: i + 1)
        }
        if !geometry.front.isEmpty { f.legend.append((text.frontLine, .line(theme.frontLine))) }
        // A status the source reports elsewhere but not on this date is unknown, not absent.
        let unknown = shown(state.notReported).filter { !$0.isAbroad }
        if !unknown.isEmpty { f.legend.append((text.notReported(unknown), .note)) }
        f.attribution = dataset.attribution(for: [state.source]).map { text.words[$0] }
        styleFurniture(&f)
        return f
    }

    func styleFurniture(_ f: inout Furniture) {
        f.scaleUnit = text.scaleUnit
        f.text = theme.text
        f.mutedText = theme.mutedText
        f.panel = theme.panel
        f.underlay = theme.land
    }

    func statusLabel(_ s: ControlStatus) -> String {
        dataset.info.statusLabel(s, options.language) ?? text.defaultStatusLabel(s)
    }

    /// The dataset's name, one region as its kind names it ("Donetsk oblast"), or "the regions shown".
    func placeName(_ focus: [Region]) -> String {
        let lang = options.language
        if focus.isEmpty { return dataset.info.name(lang) }
        if focus.count > 1 { return text.words["the regions shown"] }
        return dataset.info.regionTitle(name: focus[0].name(lang), kind: focus[0].kind, lang)
    }

    // MARK: labels

    /// Region names rank under capitals and regional centres (PlaceRanking) and over towns.
    static let regionPriority = 1e8

    /// Region names, each with its occupied share standing on its occupied land: a region
    /// mostly occupied is named there, share under the name; otherwise the share is a label of
    /// its own on the occupied land, when that land has room for it (a circle of `shareRoomKm`),
    /// and is left off the map when it has none (the title and table give it). A share beside
    /// the region's name on free land would be read as a nearby town's.
    func regionLabels(_ state: ControlState, _ geometry: ControlGeometry, visible: Envelope, focus: [Region],
                      viewport: Viewport) throws -> [MapLabel] {
        var spots = try shareSpots(state, geometry, viewport)
        for (iso, fixed) in fixedShareSpots where spots[iso] != nil {
            if let shape = geometry.byRegion[iso]?.held[.occupied], try shape.contains(fixed.center) { spots[iso] = fixed }
        }
        var shares: [MapLabel] = []
        let names = regionLabels(visible: visible, focus: focus, anchor: { r in
            (state.region(r.iso)?.percent(.occupied) ?? 0) >= 50 ? spots[r.iso]?.center : nil
        }) { r in
            let share = state.region(r.iso)?.percent(.occupied) ?? 0
            guard share > 0, let spot = spots[r.iso] else { return [] }
            let line = MapLabel.Line(self.text.percent(share), font: Font(size: 12, bold: true), color: self.theme.shareText)
            if share >= 50 { return [line] }
            if spot.radiusKm >= MapComposer.shareRoomKm, visible.contains(spot.center) {
                shares.append(MapLabel(lines: [self.scaled(line)], anchor: spot.center, placement: .centered,
                                       priority: MapComposer.regionPriority + r.areaKm2 / 2, halo: self.theme.halo))
            }
            return []
        }
        return names + shares
    }

    /// Where each region's share could stand: the centre of the largest circle inside its
    /// occupied land as the map draws it (`RoomFinder`), and the circle's radius in km; asked
    /// only of the regions that could use it, mostly occupied or holding occupied land as
    /// large as a circle of `shareRoomKm`.
    func shareSpots(_ state: ControlState, _ geometry: ControlGeometry, _ vp: Viewport) throws -> [String: (center: Position, radiusKm: Double)] {
        let room = Double.pi * MapComposer.shareRoomKm * MapComposer.shareRoomKm
        var spots: [String: (center: Position, radiusKm: Double)] = [:]
        for r in state.regions where r.percent(.occupied) >= 50 || r.km2(.occupied) >= room {
            guard let shape = geometry.byRegion[r.iso]?.held[.occupied],
                  // Thinned to 0.01° first: a label needs no coastline's detail, and projecting
                  // it all cost a national map 9 ms.
                  let circle = try RoomFinder.largestCircle(try shape.rings.map { try vp.device(SceneRenderer.decimate($0, step: 0.01)) })
            else { continue }
            spots[r.iso] = (try vp.lonLat(circle.center), circle.radius * (try vp.metresPerUnit(at: circle.center)) / 1000)
        }
        return spots
    }

    /// The occupied land a share stands on alone must hold a circle of this radius.
    static let shareRoomKm = 12.0

    /// Region names at their label points, each with the lines `detail` adds under it.
    func regionLabels(visible: Envelope, focus: [Region], anchor: (Region) -> Position? = { _ in nil },
                      detail: (Region) -> [MapLabel.Line]) -> [MapLabel] {
        let lang = options.language
        return dataset.regions.regions.compactMap { r -> MapLabel? in
            // Cities with special status are labelled by their place marker at country scale.
            if r.kind == "city" && focus.isEmpty { return nil }
            let anchor = anchor(r) ?? r.labelPoint
            guard visible.contains(anchor) else { return nil }
            let lines = [MapLabel.Line(r.name(lang), font: Font(size: 12.5), color: theme.mutedText)] + detail(r)
            return MapLabel(lines: lines.map(scaled), anchor: anchor, placement: .centered,
                            priority: MapComposer.regionPriority + r.areaKm2, halo: theme.halo)
        }
    }

    func placeLabel(_ p: BaseMap.Place, priority: Double, bold: Bool = false) -> MapLabel {
        let font = Font(size: p.capital ? 13.5 : (p.isHome ? 11.5 : 10.5), bold: p.capital || bold, italic: !p.isHome)
        return MapLabel(lines: [scaled(MapLabel.Line(p.name(options.language), font: font, color: p.isHome ? theme.text : theme.mutedText))],
                        anchor: p.position, placement: .besidePoint(markerRadius: 3), priority: priority, halo: theme.halo,
                        mayLead: bold || (p.isHome && priority >= PlaceRanking.keyPriority))
    }

    /// A region named like a place labelled near its label point (Chernivtsi and its oblast)
    /// is named once: a region label with figures is named in full ("Donetsk oblast", so its
    /// share is not read as the city's), one without goes.
    func withoutNamesakes(_ regions: [MapLabel], of places: [MapLabel], _ vp: Viewport) -> [MapLabel] {
        let near = 60 * unit
        let anchors = Dictionary(places.map { ($0.lines[0].text, [$0.anchor]) }, uniquingKeysWith: +)
        let lang = options.language
        let byName = Dictionary(dataset.regions.regions.map { ($0.name(lang), $0) }, uniquingKeysWith: { a, _ in a })
        func titled(_ r: MapLabel, _ region: Region) -> MapLabel {
            var out = r
            out.lines[0].text = dataset.info.regionTitle(name: region.name(lang), kind: region.kind, lang)
            return out
        }
        return regions.compactMap { r in
            guard let same = anchors[r.lines[0].text], let region = byName[r.lines[0].text] else { return r }
            let isNear = (try? vp.device(r.anchor)).map { a in
                same.contains { p in (try? vp.device(p)).map { hypot($0.x - a.x, $0.y - a.y) < near } ?? false }
            } ?? false
            // Far from the town, the region is named in full, so the frame never names "Poltava"
            // twice (the desk's Kharkiv close-up); near it, only a label with figures stays.
            guard isNear else { return titled(r, region) }
            return r.lines.count > 1 ? titled(r, region) : nil
        }
    }

    /// Map text is never under 11 px at 96 dpi: a reader must be able to read a name.
    static let minimumTextPx = 11.0

    func scaled(_ l: MapLabel.Line) -> MapLabel.Line {
        var font = l.font.scaled(unit)
        font.size = max(font.size, textFloor)
        return MapLabel.Line(l.text, font: font, color: l.color)
    }
}
