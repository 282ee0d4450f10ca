import Foundation
import FrontlineGeo
import FrontlineSupport

/// Where land held abroad is measured: the land of the neighbours the dataset lists
/// (`heldAbroadCountries`), outside the country's regions. A piece belongs to the country of
/// the nearest gazetteer place of a listed neighbour; pieces near no listed neighbour's place
/// (a polygon the source drew far away) are not counted. Plain values only: any thread builds
/// the GEOS geometries it needs, and only for a snapshot that holds land abroad.
public final class AbroadLand: Sendable {
    public let countries: [String: Names]
    private let folder: URL
    private let loaded = Locked<(land: [[[Position]]], places: [(country: String, at: Position)])?>(nil)

    /// A piece further than this (degrees) from every listed neighbour's place is not counted.
    static let maxPlaceDistance = 0.5

    public init(folder: URL, countries: [String: Names]) {
        self.folder = folder
        self.countries = countries
    }

    /// What `measure` finds: figures by country, the pieces (lon/lat polygons) and their front.
    public struct Measured {
        public var figures: [AbroadControl] = []
        public var polygons: [[[Position]]] = []
        public var front: [[Position]] = []
    }

    /// Within this distance (degrees, about 300 m) of the country's regions an edge of held land
    /// is the border, not the front.
    static let borderTolerance = 0.003

    /// The land held abroad in `layer`: on the listed neighbours' land outside the regions.
    public func measure(_ layer: Geometry, regions: RegionSet) throws -> Measured {
        guard let env = layer.envelope else { return Measured() }
        let (land, places) = try load()
        let box = env.expanded(by: 0.05)
        let near = land.filter { p in p.first.map { Envelope(of: $0)?.intersects(box) ?? false } ?? false }
        guard !near.isEmpty else { return Measured() }
        var piece = try layer.intersection(try Geometry.multiPolygon(coordinates: near).clipped(to: box)).polygonalParts()
        let inside = regions.regions.filter { $0.envelope.intersects(box) }.map(\.geometry)
        let home = inside.isEmpty ? nil : try Geometry.union(inside)
        if let home { piece = try piece.difference(home).polygonalParts() }
        let border = try home?.buffer(Self.borderTolerance)
        var km2: [String: Double] = [:], frontKm: [String: Double] = [:]
        var out = Measured()
        for part in piece.parts where !part.isEmpty {
            let at = try part.pointOnSurface()
            guard let nearest = places.min(by: { Self.d2($0.at, at) < Self.d2($1.at, at) }),
                  Self.d2(nearest.at, at) <= Self.maxPlaceDistance * Self.maxPlaceDistance else { continue }
            km2[nearest.country, default: 0] += Geodesic.areaKm2(part)
            // The front: the piece's outline where it does not run along the country's border.
            let edge = try part.boundary()
            let front = try border.map { try edge.difference($0) } ?? edge
            let lines = front.lines.filter { $0.count > 1 }
            frontKm[nearest.country, default: 0] += lines.reduce(0) { $0 + Geodesic.length($1) } / 1000
            out.polygons += part.polygons
            out.front += lines
        }
        out.figures = km2.keys.sorted().map { c in
            AbroadControl(country: c, names: countries[c] ?? Names(same: c, in: [.english]),
                          km2: km2[c]!, frontKm: frontKm[c] ?? 0)
        }
        return out
    }

    private static func d2(_ a: Position, _ b: Position) -> Double { (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) }

    private func load() throws -> (land: [[[Position]]], places: [(country: String, at: Position)]) {
        if let l = loaded.value { return l }
        let url = folder.appendingPathComponent("base/land.geojson")
        let fc: GeoJSONFeatureCollection
        do { fc = try OutlineStore.read("base/land.geojson", in: folder, bytes: Data(contentsOf: url)) } catch {
            throw FrontlineError.missingInput("\(url.path) is needed to measure land held abroad: \(error)")
        }
        let land = fc.features.flatMap { f -> [[[Position]]] in
            switch f.geometry {
            case .polygon(let p)?: return [p]
            case .multiPolygon(let ps)?: return ps
            default: return []
            }
        }
        let places = try Gazetteer.load(folder: folder).places.filter { countries[$0.country] != nil }.map { (country: $0.country, at: $0.position) }
        let l = (land, places)
        loaded.update { $0 = l }
        return l
    }
}
