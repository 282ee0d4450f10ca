import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// One layer as CSV (RFC 4180): its fields, the geometry as WKT (GDAL, QGIS and pandas read a
/// `WKT` column), lon/lat columns for points, and the provenance on every row, so a row taken
/// alone still says where it came from.
enum CSVExport {
    static func encode(_ set: ExportSet) throws -> Data {
        guard set.layers.count == 1, let layer = set.layers.first else {
            throw FrontlineError.usage("a CSV file holds one layer; give --what with one of: \(set.layers.map(\.name).joined(separator: ", "))")
        }
        let points = layer.kind == .point
        var out = (layer.fields.map(\.name) + (points ? ["lon", "lat"] : []) + ["WKT", "provenance"]).map(field).joined(separator: ",") + "\r\n"
        let provenance = field(set.provenance.line)
        for f in layer.features {
            var cells = f.values.map(cell)
            if case .point(let p) = f.shape { cells += [coordinate(p.x), coordinate(p.y)] }
            cells += [field(wkt(f.shape)), provenance]
            out += cells.joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }

    static func cell(_ v: ExportLayer.Value) -> String {
        switch v {
        case .text(let s): return field(s)
        case .integer(let i): return String(i)
        case .real(let d): return String(format: "%.3f", d)
        case .null: return ""
        }
    }

    static func field(_ s: String) -> String { StatsFormatter.csvField(s) }

    static func coordinate(_ v: Double) -> String { String(format: "%.7f", v) }

    static func wkt(_ s: ExportLayer.Shape) -> String {
        func ring(_ r: [Position]) -> String { "(" + r.map { "\(coordinate($0.x)) \(coordinate($0.y))" }.joined(separator: ",") + ")" }
        switch s {
        case .point(let p): return "POINT (\(coordinate(p.x)) \(coordinate(p.y)))"
        case .lines(let l): return "MULTILINESTRING (" + l.map(ring).joined(separator: ",") + ")"
        case .polygons(let polys):
            return "MULTIPOLYGON (" + polys.map { "(" + RingOrientation.oriented($0).map(ring).joined(separator: ",") + ")" }.joined(separator: ",") + ")"
        }
    }
}
