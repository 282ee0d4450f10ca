import FrontlineGeo
import FrontlineSupport

/// The repair policy every importer shares for one feature's geometry: polygons are kept
/// (members of a GeometryCollection too), lines and points are not territory and are skipped,
/// invalid rings (crossing edges included) are repaired with a note, empty and zero-area parts are dropped with a note.
enum ImportedGeometry {
    /// Valid polygons of `g`, or nil when nothing polygonal remains; no geometry is an error. `at` names the feature in
    /// notes and errors ("file: feature 3").
    static func polygons(_ g: GeoJSONGeometry?, at: String, note: (String) -> Void) throws -> Geometry? {
        // A feature that is there but holds no geometry is a damaged file (none of the 1,237
        // files of the real archives has one), not a feature to skip in silence.
        guard let g else { throw FrontlineError.badData("\(at): no geometry (\"geometry\": null)") }
        guard let polygonal = polygonalPart(g) else { return nil }
        let result: Geometry
        do {
            let (valid, repair) = try polygonal.geometry().validPolygonal(repairCrossings: true)
            if let repair { note("\(at): \(repair)") }
            result = valid
        } catch { throw FrontlineError.badData(in: at, error) }
        guard !result.isEmpty, result.planarArea > 0 else {
            note("\(at): dropped an empty or zero-area polygon")
            return nil
        }
        return result
    }

    /// One layer from the polygons of many features: the one union step of every importer
    /// (an empty layer when there are none).
    static func union(_ parts: [Geometry], in file: String) throws -> Geometry {
        do {
            switch parts.count {
            case 0: return try Geometry.multiPolygon([])
            case 1: return parts[0]
            default: return try Geometry.union(parts)
            }
        } catch { throw FrontlineError.badData(in: file, error) }
    }

    /// The polygons of a geometry as one GeoJSON value (GeometryCollections flattened).
    static func polygonalPart(_ g: GeoJSONGeometry) -> GeoJSONGeometry? {
        switch g {
        case .polygon, .multiPolygon: return g
        case .geometryCollection(let members):
            let polys = members.compactMap(polygonalPart).flatMap { m -> [[[Position]]] in
                if case .polygon(let p) = m { return [p] }
                if case .multiPolygon(let ps) = m { return ps }
                return []
            }
            return polys.isEmpty ? nil : .multiPolygon(polys)
        default: return nil
        }
    }
}
