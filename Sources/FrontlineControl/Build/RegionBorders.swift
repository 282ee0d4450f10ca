import FrontlineGeo

/// The lines a map draws between and around regions, each once: `internal` are the borders
/// between two regions, `external` the land border of the whole set (its coasts are drawn
/// by the coastline layer). Stroking each region's ring instead draws every shared border
/// twice (darker, and twice the work).
struct RegionBorders {
    let `internal`: Geometry
    let external: Geometry

    init(regions fc: GeoJSONFeatureCollection, land: Geometry) throws {
        let polygons = try fc.features.compactMap { try $0.geometry?.geometry() }
        let all = try Geometry.union(try polygons.map { try $0.boundary() })
        let outline = try Geometry.union(polygons).boundary()
        `internal` = try all.difference(outline).lineMerged()
        external = try outline.difference(try land.boundary()).lineMerged()
    }
}
