import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// Builds a report on a period (`frontline report`): the map at the end date, the change map,
/// the time-series chart, a table of control per region at both dates with the change, a
/// summary in plain words, sources and method notes. Writes it as one self-contained HTML
/// file, as Markdown with images beside it, or as a multi-page A4 PDF with vector maps.
///
///     let html = try ReportBuilder(dataset: ds).build(from: a, to: b).html()
public struct ReportBuilder: Sendable {
    public let context: MapContext
    public var dataset: Dataset { context.dataset }

    /// A builder over a shared context: the map, the change map and the PDF pages all draw
    /// from its base layers, read once.
    public init(context: MapContext) { self.context = context }

    /// A builder with a context of its own (the base layers read now).
    public init(dataset: Dataset) throws { context = try MapContext(dataset: dataset) }

    public struct Options: Sendable {
        public var regions: [String] = []
        public var title: String?
        public var language = MapLanguage.en
        public var theme = Theme.Name.light
        public var source: String?
        /// The basis of the figures (summary and table); maps and the chart stay on land.
        public var basis = Basis.land
        public init() {}
    }

    public func build(from: DayDate, to: DayDate, options: Options = Options()) throws -> Report {
        guard from < to else { throw FrontlineError.usage("the period is empty: --from \(from) must be before --to \(to)") }
        let focus = try dataset.regions.resolve(options.regions)
        let change = try dataset.change(from: from, to: to, fromSource: options.source, toSource: options.source)
        var mapOptions = MapOptions()
        mapOptions.width = 1200
        mapOptions.height = 900
        mapOptions.regions = options.regions
        mapOptions.language = options.language
        mapOptions.theme = options.theme
        mapOptions.source = options.source
        let measured = try dataset.measure(asOf: to, source: options.source)
        let map = try MapRenderer(context: context).render(measured, options: mapOptions).data
        let places = try dataset.changedPlaces(from: from, to: to, regions: focus.map(\.iso), fromSource: options.source, toSource: options.source)
        let changeMap = try DiffRenderer(context: context).render(change, places: places, options: mapOptions).data
        var chartOptions = ChartRenderer.Options()
        chartOptions.regions = options.regions
        chartOptions.language = options.language
        chartOptions.source = options.source
        let chart = try ChartRenderer(dataset: dataset).render(from: from, to: to, options: chartOptions)
        // On the admin basis the figures are measured again on the units with their waters; the
        // change map keeps the land measurement (its shapes are the land's).
        let figures = options.basis == .admin
            ? try dataset.change(from: from, to: to, fromSource: options.source, toSource: options.source, basis: .admin).changes : change.changes
        let scope = focus.isEmpty ? figures : figures.filtered(focus.map(\.iso))
        let status = scope.statuses.first ?? .occupied
        let rows = scope.regions.filter { $0.change(status).fromKm2 > 0 || $0.change(status).toKm2 > 0 }
            .sorted { abs($0.change(status).netKm2) > abs($1.change(status).netKm2) }
        let text = MapText(lang: options.language)
        let place = MapComposer(dataset: dataset, base: try context.base(), options: mapOptions).placeName(focus)
        return Report(
            title: options.title ?? (options.language == .uk ? "\(place): контроль території, \(text.date(from)) – \(text.date(to))"
                                                            : "\(place): territorial control, \(text.date(from)) – \(text.date(to))"),
            from: from, to: to, summary: summary(scope, status, text, place) + settlementsSentence(places, text), changes: scope, rows: rows,
            mapPNG: map, changeMapPNG: changeMap, chartPNG: chart.data,
            sources: dataset.attribution(for: Array(Set([scope.from.source, scope.to.source])).sorted()),
            snapshotDates: chart.chart.snapshotDates, methodNotes: methodNotes(options.language, basis: options.basis), language: options.language,
            inputs: Report.Inputs(state: measured.state, geometry: measured.geometry, change: change, chart: chart.chart,
                                  mapOptions: mapOptions, chartOptions: chartOptions, dataset: dataset, base: try context.base()))
    }

    /// "Between 5 February 2025 and 5 February 2026 the occupied area grew by 4,270 km²
    /// (+0.7 pp), most of it in Donetsk oblast (+2,662 km²)."
    func summary(_ c: ChangeSet, _ s: ControlStatus, _ text: MapText, _ place: String) -> String {
        let n = c.national(s)
        let label = text.shortStatusLabel(s, dataset.info).lowercased()
        let top = c.regions.max { $0.change(s).netKm2 < $1.change(s).netKm2 }
        let pp = String(format: "%+.1f", n.changePoints)
        if text.lang == .uk {
            var out = "З \(text.date(c.from.date)) по \(text.date(c.to.date)) \(label) площа (\(place)) "
            out += abs(n.netKm2) < 0.5 ? "не змінилася." : "\(n.netKm2 > 0 ? "зросла" : "зменшилася") на \(text.km2(abs(n.netKm2))) (\(pp) п. п.)"
            if let top, c.regions.count > 1, top.change(s).netKm2 >= 0.5, n.netKm2 > 0 { out += ", найбільше — \(regionTitle(top, "uk")) (+\(text.km2(top.change(s).netKm2)))" }
            return out.hasSuffix(".") ? out : out + "."
        }
        var out = "Between \(text.date(c.from.date)) and \(text.date(c.to.date)) the \(label) area of \(place) "
        out += abs(n.netKm2) < 0.5 ? "did not change." : "\(n.netKm2 > 0 ? "grew" : "shrank") by \(text.km2(abs(n.netKm2))) (\(pp) pp)"
        if let top, c.regions.count > 1, top.change(s).netKm2 >= 0.5, n.netKm2 > 0 {
            let share = Int((100 * top.change(s).netKm2 / n.netKm2).rounded())
            out += share >= 50 ? ", most of it in \(regionTitle(top, "en")) (+\(text.km2(top.change(s).netKm2)))"
                               : ", the most in \(regionTitle(top, "en")) (+\(text.km2(top.change(s).netKm2)))"
        }
        return out.hasSuffix(".") ? out : out + "."
    }

    /// " 27 settlements were newly occupied (108,517 people), the largest Pokrovsk (60,127); 2 were
    /// freed." Empty when none changed hands (or the dataset has no gazetteer).
    func settlementsSentence(_ c: ChangedPlaces, _ text: MapText) -> String {
        let taken = c.occupied, freed = c.freed
        guard !taken.isEmpty || !freed.isEmpty else { return "" }
        let uk = text.lang == .uk
        func name(_ p: ChangedPlace) -> String { uk ? p.place.nameUK : p.place.nameEN }
        func people(_ n: Int) -> String { text.integer(Double(n)) }
        var parts: [String] = []
        if let top = taken.first {
            let all = people(ChangedPlaces.people(taken)), largest = "\(name(top)) (\(people(top.place.population)))"
            parts.append(uk ? (taken.count == 1 ? "окуповано населений пункт \(largest)" : "нових окупованих населених пунктів: \(taken.count) (\(all) мешканців), найбільший — \(largest)")
                            : (taken.count == 1 ? "one settlement was newly occupied, \(largest)" : "\(taken.count) settlements were newly occupied (\(all) people), the largest \(largest)"))
        }
        if let top = freed.first {
            parts.append(uk ? (freed.count == 1 ? "звільнено \(name(top))" : "звільнених: \(freed.count), найбільший — \(name(top))")
                            : (freed.count == 1 ? "one was freed, \(name(top))" : "\(freed.count) were freed, the largest \(name(top))"))
        }
        let sentence = parts.joined(separator: "; ")
        return " " + sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
    }

    /// A changed region as titles name it ("Donetsk oblast").
    func regionTitle(_ r: RegionChange, _ lang: String) -> String {
        let kind = dataset.regions[r.iso]?.kind ?? ""
        return dataset.info.regionTitle(name: lang == "uk" ? r.nameUK : r.nameEN, kind: kind, lang)
    }

    /// The method: generic notes on how Frontline measures, and the dataset's own notes on its
    /// data (`{land_km2}` filled with its regions' land area).
    func methodNotes(_ lang: MapLanguage, basis: Basis = .land) -> [String] {
        let land = dataset.regions.regions.reduce(0) { $0 + $1.areaKm2 }
        let own = (dataset.info.methodNotes?[lang.rawValue] ?? dataset.info.methodNotes?["en"] ?? [])
            .map { $0.replacingOccurrences(of: "{land_km2}", with: MapText(lang: lang).km2(land)) }
        let generic = lang == .uk ? [
            "Площі геодезичні, на еліпсоїді WGS84 (алгоритм Карні, PROJ), а не в градусах чи проєкції Меркатора.",
        ] : [
            "Areas are geodesic, on the WGS84 ellipsoid (Karney's algorithm through PROJ), never from degrees or Web Mercator.",
        ]
        let rules = lang == .uk ? [
            "Правило узбережжя: вузькі (до ~1 км) або малі (до 1 км²) вільні смуги, що прилягають до окупованої території, вважаються окупованими — джерела малюють берег інакше, ніж маска.",
            "Зміни вужчі за ~330 м (перемальовані межі) не рахуються.",
        ] : [
            "Coastline rule: free strips next to occupied ground that are under about 1 km wide or 1 km² in area count as occupied, because the sources trace coasts differently from the land mask.",
            "Changes nowhere wider than about 330 m (a border traced anew) are not counted.",
        ]
        guard basis == .admin, let admin = dataset.info.adminBasis else { return generic + own + rules }
        let note = admin.note?[lang.rawValue] ?? admin.note?["en"] ?? ""
        let basisNote = lang == .uk
            ? "Цифри таблиці й підсумку — на адміністративній основі: \(note) (--basis admin); карти й графік — на суходолі."
            : "The table and summary are on the administrative basis: \(note) (--basis admin); the maps and the chart are on land."
        return [basisNote] + generic + rules
    }
}
