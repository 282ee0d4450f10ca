import Foundation
import FrontlineGeo
import FrontlineSupport

/// Builds `regions.geojson`: the geoBoundaries ADM1 units clipped to a land polygon (the raw
/// boundaries extend into territorial waters, which would inflate every coastal share),
/// with the names and kinds from `region-names.csv`. Without a land polygon the units keep
/// their waters: the administrative basis (`--basis admin`).
public struct RegionBuilder {
    public let boundaries: URL
    public let land: Geometry?
    public let names: URL

    public init(boundaries: URL, land: Geometry?, names: URL) {
        self.boundaries = boundaries
        self.land = land
        self.names = names
    }

    public func build() throws -> GeoJSONFeatureCollection {
        let (languages, table) = try readNames()
        let fc = try GeoJSONReader.read(contentsOf: boundaries)
        let preparedLand = try land.map(PreparedGeometry.init)
        var features: [GeoJSONFeature] = []
        for (n, f) in fc.features.enumerated() {
            guard let iso = f[property: "shapeISO"]?.stringValue, let g = f.geometry else {
                throw FrontlineError.badData("\(boundaries.lastPathComponent): feature \(n) has no shapeISO or geometry")
            }
            guard let row = table[iso] else { throw FrontlineError.badData("\(names.lastPathComponent): no row for \(iso)") }
            let raw = try g.geometry().makeValid()
            let clipped = try land.map { land in try preparedLand!.contains(raw) ? raw : try raw.intersection(land).polygonalParts() } ?? raw
            // The label point is stored like Natural Earth's LABEL_X/LABEL_Y: found once here,
            // read by every map.
            let label = try Region.poleOfInaccessibility(clipped)
            features.append(GeoJSONFeature(geometry: clipped.geoJSON, properties: [
                ("iso", .string(iso))] + zip(languages, row.names).map { ($0.nameKey, .string($1)) } + [("kind", .string(row.kind)),
                ("label", .array([.number(JSONText.rounded(label.x, 4)), .number(JSONText.rounded(label.y, 4))])),
                ("area_km2", .number(JSONText.rounded(Geodesic.areaKm2(clipped), 3))),
            ]))
        }
        features.sort { ($0[property: "iso"]?.stringValue ?? "") < ($1[property: "iso"]?.stringValue ?? "") }
        return GeoJSONFeatureCollection(features: features)
    }

    /// `iso,name_<code>…,kind`: the names in the header's languages, and the kind.
    private func readNames() throws -> ([Language], [String: (names: [String], kind: String)]) {
        let header = (try? String(contentsOf: names, encoding: .utf8))?.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        let languages = header.dropFirst().dropLast().compactMap { Language(nameKey: $0) }
        guard header.count >= 3, header.first == "iso", header.last == "kind", languages.count == header.count - 2 else {
            throw FrontlineError.badData("\(names.lastPathComponent): the header must be iso,name_<code>…,kind")
        }
        return (languages, try CSVTable.read(names, columns: header.count).mapValues { (Array($0.dropLast()), $0.last!) })
    }
}
