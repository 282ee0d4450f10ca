import Foundation
import FrontlineControl
import FrontlineGeo

/// RFC 7946 GeoJSON: one FeatureCollection, every layer's features with a `layer` property,
/// rings by the right-hand rule, no `crs` member (WGS84 lon/lat is the only CRS), the
/// provenance as a foreign member. Seven decimals: about a centimetre.
enum GeoJSONExport {
    static let decimals = 7

    static func encode(_ set: ExportSet) -> Data {
        let features = set.layers.flatMap { layer in
            layer.features.map { f in
                GeoJSONFeature(geometry: geometry(f.shape), properties: [("layer", .string(layer.name))] + properties(layer, f))
            }
        }
        let p = set.provenance
        let provenance: JSONValue = .object([
            ("dataset", .string(p.dataset)), ("snapshots", .array(p.snapshots.map { .string($0) })),
            ("attribution", .array(p.attribution.map { .string($0) })), ("licences", .array(p.licences.map { .string($0) })),
            ("tool", .string(p.tool)),
        ])
        let fc = GeoJSONFeatureCollection(features: features, foreignMembers: [
            // GDAL names the layer after `name`: short, the dataset, snapshots and layers.
            ("name", .string("\(p.dataset) \(p.snapshots.joined(separator: " to ")): \(set.layers.map(\.name).joined(separator: ", "))")),
            ("frontline", provenance),
        ])
        return GeoJSONWriter(decimals: decimals).data(fc)
    }

    static func geometry(_ s: ExportLayer.Shape) -> GeoJSONGeometry {
        switch s {
        case .point(let p): return .point(p)
        case .lines(let l): return l.count == 1 ? .lineString(l[0]) : .multiLineString(l)
        case .polygons(let polys):
            let oriented = polys.map(RingOrientation.oriented)
            return oriented.count == 1 ? .polygon(oriented[0]) : .multiPolygon(oriented)
        }
    }

    static func properties(_ layer: ExportLayer, _ f: ExportLayer.Feature) -> [(key: String, value: JSONValue)] {
        zip(layer.fields, f.values).map { field, v in
            switch v {
            case .text(let s): return (field.name, .string(s))
            case .integer(let i): return (field.name, .number(Double(i)))
            case .real(let d): return (field.name, .number((d * 1000).rounded() / 1000))
            case .null: return (field.name, .null)
            }
        }
    }
}
