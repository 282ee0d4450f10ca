/// Conversion between GeoJSON values and GEOS geometries.
extension GeoJSONGeometry {
    /// The GEOS geometry for this GeoJSON geometry. Validity is not checked here: callers
    /// decide whether to repair (`Geometry.makeValid`) or reject.
    public func geometry() throws -> Geometry {
        switch self {
        case .point(let p): return try .point(p)
        case .multiPoint(let ps): return try .multiPoint(ps.map { try .point($0) })
        case .lineString(let ps): return try .lineString(ps)
        case .multiLineString(let ls): return try .multiLineString(ls.map { try .lineString($0) })
        case .polygon(let rings): return try .polygon(rings)
        case .multiPolygon(let polys): return try .multiPolygon(polys.map { try .polygon($0) })
        case .geometryCollection(let gs): return try .collection(gs.map { try $0.geometry() })
        }
    }
}

extension Geometry {
    /// The GeoJSON value of this geometry. Polygonal geometries come out as MultiPolygon
    /// when they have several parts, so a snapshot layer is always one feature.
    public var geoJSON: GeoJSONGeometry {
        switch kind {
        case .point: return .point(points.first ?? Position(0, 0))
        case .multiPoint: return .multiPoint(points)
        case .lineString, .linearRing: return .lineString(lines.first ?? [])
        case .multiLineString: return .multiLineString(lines)
        case .polygon: return .polygon(polygons.first ?? [])
        case .multiPolygon: return .multiPolygon(polygons)
        case .collection: return .geometryCollection(parts.map { $0.geoJSON })
        }
    }
}
