import Foundation
import FrontlineGeo

/// Builds `base/`: context layers for maps (land, borders, rivers, lakes) clipped
/// to the dataset's extent, keeping only the properties a map needs.
public struct BaseLayerBuilder {
    public let extent: Envelope

    public init(extent: Envelope) { self.extent = extent }

    /// Polygons or lines clipped to the extent; `keep` names the properties kept (renamed).
    public func clip(_ fc: GeoJSONFeatureCollection, keep: [(from: String, to: String)],
                     simplify tolerance: Double = 0) throws -> GeoJSONFeatureCollection {
        let box = try Geometry.rectangle(extent)
        var out: [GeoJSONFeature] = []
        for f in fc.features {
            guard let g = f.geometry else { continue }
            var geom = try g.geometry()
            if geom.isPolygonal { geom = try geom.makeValid() }
            guard let e = geom.envelope, e.intersects(extent) else { continue }
            var clipped = try geom.intersection(box)
            if clipped.isEmpty { continue }
            if tolerance > 0 { clipped = try clipped.simplified(tolerance: tolerance) }
            if geom.isPolygonal { clipped = try clipped.polygonalParts() }
            out.append(GeoJSONFeature(geometry: clipped.geoJSON, properties: properties(f, keep)))
        }
        return GeoJSONFeatureCollection(features: out)
    }

    /// The sea inside the extent (extent minus land) and the coastline (land outline minus the
    /// extent's edges). Maps paint neighbouring land as background and the sea on top, so a
    /// canvas wider than the extent shows land, not a false coast, beyond it.
    public func waterAndCoast(land: GeoJSONFeatureCollection) throws -> (GeoJSONFeatureCollection, GeoJSONFeatureCollection) {
        let box = try Geometry.rectangle(extent)
        let landGeometry = try Geometry.union(try land.features.compactMap { try $0.geometry?.geometry() })
        let water = try box.difference(landGeometry).polygonalParts()
        let coast = try landGeometry.boundary().difference(try box.boundary()).lineMerged()
        return (GeoJSONFeatureCollection(features: [GeoJSONFeature(geometry: water.geoJSON)]),
                GeoJSONFeatureCollection(features: [GeoJSONFeature(geometry: coast.geoJSON)]))
    }

    private func properties(_ f: GeoJSONFeature, _ keep: [(from: String, to: String)]) -> [(key: String, value: JSONValue)] {
        keep.compactMap { k in f[property: k.from].map { (k.to, $0) } }
    }
}
