import Foundation
import FrontlineGeo
import FrontlineSupport

/// Finds a place a user names: by its name in any of the dataset's languages (case, accents, apostrophes
/// and hyphens ignored), with ", REGION" (ISO code or region name) to tell namesakes apart,
/// or as "lat,lon". An unknown name gets the nearest spellings; an ambiguous one lists the
/// candidates with their regions; a point outside the dataset's regions is an error.
public struct PlaceLookup {
    public let gazetteer: Gazetteer
    public let regions: RegionSet
    /// What names a region's kind in the dataset's primary language ("{name} oblast").
    let kinds: [String: String]
    /// The country the regions make up, and a neighbour's name by its code, in the primary
    /// language: who holds a place abroad is said in words that cannot be misread.
    let ownCountry: String?
    let neighbour: @Sendable (String) -> String

    /// `info` gives the regions' kinds their words ("Donetsk oblast"); without it a region is
    /// called by its bare name.
    public init(gazetteer: Gazetteer, regions: RegionSet, info: DatasetInfo? = nil) {
        self.gazetteer = gazetteer
        self.regions = regions
        kinds = (info?.regionKinds ?? [:]).compactMapValues { info?.text($0, info!.primaryLanguage) }
        ownCountry = info.map { $0.name($0.primaryLanguage) }
        neighbour = { code in info?.countryNames(code).primary ?? code }
    }

    /// The place, or a point given by coordinates (named "48.28 N 37.18 E" in every language, id 0).
    public func find(_ query: String) throws -> Gazetteer.Place {
        if let point = Self.coordinates(query) { return try placeAt(point) }
        let (name, regionFilter) = split(query)
        let key = Self.normalized(name)
        guard !key.isEmpty else { throw FrontlineError.usage("give a place name, e.g. Pokrovsk, or lat,lon") }
        var matches = gazetteer.places.filter { $0.names.values.contains { Self.normalized($0) == key } }
        if let regionFilter { matches = matches.filter { regionFilter.contains($0.region ?? $0.country) } }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw FrontlineError.usage(unknownMessage(name, regionFilter != nil)) }
        // Namesakes: the list a user picks from, largest first.
        let list = matches.prefix(8).map { "\($0.names.primary), \(regionName($0)) (\($0.population.formatted()) people)" }
        throw FrontlineError.usage("'\(name)' names \(matches.count) places: \(list.joined(separator: "; ")); add the region, e.g. '\(matches[0].names.primary), \(matches[0].region ?? matches[0].country)'")
    }

    /// The region's primary name as its kind says it ("Donetsk oblast"), or the country code.
    public func regionName(_ p: Gazetteer.Place) -> String {
        guard let iso = p.region, let r = regions[iso] else { return p.country }
        return kinds[r.kind].map { $0.replacingOccurrences(of: "{name}", with: r.names.primary) } ?? r.names.primary
    }

    private func placeAt(_ p: Position) throws -> Gazetteer.Place {
        guard let region = try regions.region(containing: p) else {
            throw FrontlineError.usage(String(format: "%.4f, %.4f is outside the dataset's regions", p.y, p.x))
        }
        let name = String(format: "%.4f N %.4f E", p.y, p.x)
        return Gazetteer.Place(id: 0, names: Names(same: name, in: regions.languages), country: "", region: region.iso, position: p, population: 0, role: .none)
    }

    /// "Pokrovsk, UA-14" or "Pokrovsk, Donetsk": the name and the ISO codes the suffix can mean.
    private func split(_ query: String) -> (String, Set<String>?) {
        guard let comma = query.lastIndex(of: ",") else { return (query, nil) }
        let name = String(query[..<comma]).trimmingCharacters(in: .whitespaces)
        let suffix = Self.normalized(String(query[query.index(after: comma)...]))
        let codes = regions.regions.filter { r in
            ([r.iso] + r.names.values).map(Self.normalized).contains { $0 == suffix || $0.hasPrefix(suffix + " ") }
        }.map(\.iso)
        // A country code (RU, BY) names the neighbours' places.
        return (name, Set(codes.isEmpty ? [suffix.uppercased()] : codes))
    }

    private func unknownMessage(_ name: String, _ filtered: Bool) -> String {
        let key = Self.normalized(name)
        let near = gazetteer.places.compactMap { p -> (Gazetteer.Place, Int)? in
            let d = p.names.values.map { Self.distance(key, Self.normalized($0)) }.min()!
            return d <= max(2, key.count / 3) ? (p, d) : nil
        }.sorted { ($0.1, -$0.0.population) < ($1.1, -$1.0.population) }.prefix(5)
        let where_ = filtered ? " in that region" : ""
        guard !near.isEmpty else { return "no place called '\(name)'\(where_) in the gazetteer" }
        return "no place called '\(name)'\(where_); did you mean " + near.map { "\($0.0.names.primary) (\(regionName($0.0)))" }.joined(separator: ", ") + "?"
    }

    /// "48.28,37.18" (lat, lon) → a position.
    static func coordinates(_ s: String) -> Position? {
        let parts = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]),
              (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        return Position(lon, lat)
    }

    /// Lowercased, accents folded, apostrophes dropped, hyphens as spaces.
    static func normalized(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.unicodeScalars.compactMap { c -> Character? in
            if "'’ʼ`".unicodeScalars.contains(c) { return nil }
            return c == "-" ? " " : Character(c)
        }).trimmingCharacters(in: .whitespaces)
    }

    /// Levenshtein distance (for suggestions; names are short).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in 1...b.count {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
