import Foundation
import FrontlineGeo
import FrontlineSupport

/// Builds a dataset's `places.csv` from a GeoNames extract (`geonameid, name, name_uk_guess,
/// cyrillic_alternates, country, admin1, lat, lon, population`) by the recipe's rules: the
/// places of the regions above a floor, named in the dataset's language and romanized by its
/// national system; the neighbours' towns near the border and their large cities; city
/// districts (places close to the centre of a larger city) left out; a fixes table for what
/// the rules cannot know (capitals, population errors, misspelt names, districts missed).
public struct GazetteerBuilder {
    public struct Rules: Codable, Sendable {
        /// The GeoNames extract in the sources folder.
        public var file: String
        /// `geonameid,action,name_en,name_<language>,population,note`; action drop, keep (not a
        /// district), capital or fix; non-empty names and population replace the source's.
        public var fixes: String?
        /// The language of the places' own names (the extract's `name_<code>_guess` column, the
        /// fixes' `name_<code>`), romanized into the primary language's names (English).
        public var language: String
        /// The romanization table for the names of the regions' places.
        public var romanization: String
        public var homeMinPopulation: Int
        /// Neighbouring places with at least this many people within `neighbourMaxKm` of the regions.
        public var neighbourMinPopulation: Int
        public var neighbourMaxKm: Double
        /// Neighbouring places this large are kept anywhere in the base box.
        public var contextMinPopulation: Int
        /// A place closer than this factor × √population km to a larger city is its district.
        public var districtKmPerRootPopulation: Double
        /// Only cities this large have districts listed as places.
        public var districtParentMinPopulation: Int
    }

    struct Fix { var action: String, english: String?, native: String?, population: Int? }

    struct Row {
        let id: Int, name: String, native: String, country: String, position: Position
        var population: Int
    }

    let rules: Rules
    let sources: URL
    let regions: RegionSet
    let box: Envelope

    public init(rules: Rules, sources: URL, regions: RegionSet, box: Envelope) {
        (self.rules, self.sources, self.regions, self.box) = (rules, sources, regions, box)
    }

    public func build() throws -> Gazetteer {
        let romanizer = try Romanizer.load(sources.appendingPathComponent(rules.romanization))
        let fixes = try readFixes()
        let border = LineDistanceIndex(lines: regions.regions.flatMap { $0.polygons.flatMap { $0 } })
        var candidates: [(row: Row, region: String?)] = []
        for var row in try readRows() where box.contains(row.position) {
            let fix = fixes[row.id]
            if fix?.action == "drop" { continue }
            if let p = fix?.population { row.population = p }
            let region = try regions.region(containing: row.position)?.iso
            if region != nil ? row.population >= rules.homeMinPopulation : keepNeighbour(row, border) { candidates.append((row, region)) }
        }
        candidates.sort { ($0.row.population, -$0.row.id) > ($1.row.population, -$1.row.id) }
        let towns = withoutDistricts(candidates, keep: Set(fixes.filter { $0.value.action == "keep" }.keys))
        var largestOfRegion = Set<String>()
        let places = towns.map { c -> Gazetteer.Place in
            let fix = fixes[c.row.id]
            let native = fix?.native ?? (c.row.native.isEmpty ? c.row.name : Romanizer.withoutStressMarks(c.row.native))
            // The regions' places by the national romanization of their own name; the
            // neighbours' (and names the table cannot spell) as GeoNames spells them in English.
            let en = fix?.english ?? (c.region != nil ? romanizer.romanize(native) : nil) ?? c.row.name
            var role = Gazetteer.Place.Role.none
            // The largest place of a region is its centre, unless the capital is in it.
            let first = c.region.map { largestOfRegion.insert($0).inserted } ?? false
            if fix?.action == "capital" { role = .capital } else if first { role = .regional }
            return Gazetteer.Place(id: c.row.id, names: Names([.english, Language(rules.language)], [en, native]), country: c.row.country, region: c.region,
                                   position: c.row.position, population: c.row.population, role: role)
        }
        return Gazetteer(places: places)
    }

    private func keepNeighbour(_ row: Row, _ border: LineDistanceIndex) -> Bool {
        if row.population >= rules.contextMinPopulation { return true }
        return row.population >= rules.neighbourMinPopulation && border.distanceKm(to: row.position, within: rules.neighbourMaxKm) != nil
    }

    /// Largest first: a place within the district radius of a larger city already kept is
    /// one of its districts (Saltivka in Kharkiv, Obolon in Kyiv), unless the fixes keep it.
    private func withoutDistricts(_ sorted: [(row: Row, region: String?)], keep: Set<Int>) -> [(row: Row, region: String?)] {
        var kept: [(row: Row, region: String?)] = []
        var cities: [(position: Position, radiusKm: Double)] = []
        for c in sorted {
            let district = !keep.contains(c.row.id) && cities.contains { city in
                LineDistanceIndex.distanceKm(c.row.position, city.position) < city.radiusKm
            }
            if district { continue }
            kept.append(c)
            if c.row.population >= rules.districtParentMinPopulation {
                cities.append((c.row.position, rules.districtKmPerRootPopulation * Double(c.row.population).squareRoot()))
            }
        }
        return kept
    }

    private func readRows() throws -> [Row] {
        let url = sources.appendingPathComponent(rules.file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw FrontlineError.missingInput("cannot read \(url.path)") }
        let rows = try CSVTable.rows(text)
        let want = ["geonameid", "name", "name_uk_guess", "country", "lat", "lon", "population"]
        guard let header = rows.first, want.allSatisfy(header.contains) else {
            throw FrontlineError.badData("\(rules.file): the header must name \(want.joined(separator: ", "))")
        }
        let col = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return try rows.dropFirst().enumerated().map { n, f in
            func v(_ k: String) -> String { col[k].flatMap { $0 < f.count ? f[$0] : nil } ?? "" }
            guard f.count == header.count, let id = Int(v("geonameid")), let lat = Double(v("lat")), let lon = Double(v("lon")),
                  let pop = Int(v("population")) else { throw FrontlineError.badData("\(rules.file) line \(n + 2): bad row") }
            return Row(id: id, name: v("name"), native: v("name_\(rules.language)_guess"), country: v("country"), position: Position(lon, lat), population: pop)
        }
    }

    private func readFixes() throws -> [Int: Fix] {
        guard let name = rules.fixes else { return [:] }
        let url = sources.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw FrontlineError.missingInput("cannot read \(url.path)") }
        var out: [Int: Fix] = [:]
        for (n, f) in try CSVTable.rows(text).dropFirst().enumerated() {
            guard f.count == 6, let id = Int(f[0]), ["drop", "keep", "capital", "fix"].contains(f[1]),
                  f[4].isEmpty || Int(f[4]) != nil else { throw FrontlineError.badData("\(name) line \(n + 2): bad row") }
            out[id] = Fix(action: f[1], english: f[2].isEmpty ? nil : f[2], native: f[3].isEmpty ? nil : f[3], population: Int(f[4]))
        }
        return out
    }
}
