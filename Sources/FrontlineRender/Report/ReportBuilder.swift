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
        public var language = Language.english
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
        let text = MapText(words: dataset.wording(options.language))
        let place = MapComposer(dataset: dataset, base: try context.base(), options: mapOptions).placeName(focus)
        return Report(
            title: options.title ?? text.words("{place}: territorial control, {from} – {to}", ["place": place, "from": text.date(from), "to": text.date(to)]),
            from: from, to: to, summary: summary(scope, status, text, place) + settlementsSentence(places, text), changes: scope, rows: rows,
            mapPNG: map, changeMapPNG: changeMap, chartPNG: chart.data,
            sources: dataset.attribution(for: Array(Set([scope.from.source, scope.to.source])).sorted()).map { text.words[$0] },
            snapshotDates: chart.chart.snapshotDates, methodNotes: methodNotes(text, basis: options.basis), words: text.words,
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
        let w = text.words
        let dates = ["from": text.date(c.from.date), "to": text.date(c.to.date), "status": label, "place": place]
        var out: String
        if abs(n.netKm2) < 0.5 {
            out = w("Between {from} and {to} the {status} area of {place} did not change.", dates)
        } else {
            let template = n.netKm2 > 0 ? "Between {from} and {to} the {status} area of {place} grew by {km2} ({pp} pp)"
                : "Between {from} and {to} the {status} area of {place} shrank by {km2} ({pp} pp)"
            out = w(template, dates.merging(["km2": text.km2(abs(n.netKm2)), "pp": text.words.localized(pp)]) { a, _ in a })
        }
        if let top, c.regions.count > 1, top.change(s).netKm2 >= 0.5, n.netKm2 > 0 {
            let share = Int((100 * top.change(s).netKm2 / n.netKm2).rounded())
            let values = ["region": regionTitle(top, text.lang), "km2": text.km2(top.change(s).netKm2)]
            out += share >= 50 ? w(", most of it in {region} (+{km2})", values) : w(", the most in {region} (+{km2})", values)
        }
        return out.hasSuffix(".") ? out : out + "."
    }

    /// " 27 settlements were newly occupied (108,517 people), the largest Pokrovsk (60,127); 2 were
    /// freed." Empty when none changed hands (or the dataset has no gazetteer).
    func settlementsSentence(_ c: ChangedPlaces, _ text: MapText) -> String {
        let taken = c.occupied, freed = c.freed
        guard !taken.isEmpty || !freed.isEmpty else { return "" }
        let w = text.words
        func name(_ p: ChangedPlace) -> String { p.place.names(text.lang) }
        func people(_ n: Int) -> String { text.integer(Double(n)) }
        var parts: [String] = []
        if let top = taken.first {
            let values = ["count": String(taken.count), "people": people(ChangedPlaces.people(taken)),
                          "largest": "\(name(top)) (\(people(top.place.population)))"]
            parts.append(taken.count == 1 ? w("one settlement was newly occupied, {largest}", values)
                         : w("{count} settlements were newly occupied ({people} people), the largest {largest}", values))
        }
        if let top = freed.first {
            let values = ["count": String(freed.count), "largest": name(top)]
            parts.append(freed.count == 1 ? w("one was freed, {largest}", values) : w("{count} were freed, the largest {largest}", values))
        }
        let sentence = parts.joined(separator: "; ")
        return " " + sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
    }

    /// A changed region as titles name it ("Donetsk oblast").
    func regionTitle(_ r: RegionChange, _ lang: Language) -> String {
        let kind = dataset.regions[r.iso]?.kind ?? ""
        return dataset.info.regionTitle(name: r.names(lang), kind: kind, lang)
    }

    /// The method: generic notes on how Frontline measures (the rules' widths from the rules
    /// themselves), and the dataset's own notes on its data (`{land_km2}` filled with its
    /// regions' land area).
    func methodNotes(_ text: MapText, basis: Basis = .land) -> [String] {
        let w = text.words, lang = text.lang
        let land = dataset.regions.regions.reduce(0) { $0 + $1.areaKm2 }
        let own = (dataset.info.methodNotes?[lang.code] ?? dataset.info.methodNotes?[dataset.info.primaryLanguage.code] ?? [])
            .map { $0.replacingOccurrences(of: "{land_km2}", with: text.km2(land)) }
        let generic = [w["Areas are geodesic, on the WGS84 ellipsoid (Karney's algorithm through PROJ), never from degrees or Web Mercator."]]
        let sliver = SliverRule(), filter = ChangeFilter()
        let rules = [
            w("Coastline rule: free strips next to occupied ground that are under about {width} wide or {area} in area count as occupied, because the sources trace coasts differently from the land mask.",
              ["width": text.distance(2 * sliver.halfWidthMetres), "area": text.km2(sliver.minimumKm2)]),
            w("Changes nowhere wider than about {width} (a border traced anew) are not counted.", ["width": text.distance(2 * filter.halfWidthMetres)]),
        ]
        guard basis == .admin, let admin = dataset.info.adminBasis else { return generic + own + rules }
        let note = dataset.info.text(admin.note, lang) ?? ""
        return [w("The table and summary are on the administrative basis: {note} (--basis admin); the maps and the chart are on land.", ["note": note])]
            + generic + rules
    }
}
