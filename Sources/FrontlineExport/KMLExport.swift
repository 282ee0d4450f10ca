import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// KML 2.2 (OGC 12-007): a Document with the provenance as its description, a Style per
/// meaning (status, change, front, regions, places), a Folder per layer, each feature a
/// Placemark with its fields as ExtendedData. Google Earth, QGIS and GDAL read it.
enum KMLExport {
    /// Style id → (line aabbggrr, line width, fill aabbggrr or nil for no fill).
    static let styles: [(id: String, line: String, width: Double, fill: String?)] = [
        ("occupied", "ff1e26b3", 1, "801e26b3"), ("contested", "ff808080", 1, "80a0a0a0"), ("liberated", "ff3c8c2e", 1, "803c8c2e"),
        ("gained", "ff0c59e8", 1, "cc0c59e8"), ("lost", "ffd16f1c", 1, "ccd16f1c"), ("freed", "ffd16f1c", 1, "ccd16f1c"),
        ("front", "ff04063d", 2.5, nil), ("regions", "ff5f5f5f", 1, "00ffffff"), ("held", "ff404040", 1, nil),
    ]

    static func encode(_ set: ExportSet) -> Data {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<kml xmlns="http://www.opengis.net/kml/2.2">"# + "\n<Document>\n"
        out += "<name>\(escape(set.layers.map(\.title).joined(separator: "; ")))</name>\n"
        out += "<description>\(escape(set.provenance.line))</description>\n"
        for s in styles {
            out += "<Style id=\"\(s.id)\"><LineStyle><color>\(s.line)</color><width>\(s.width)</width></LineStyle>"
            out += s.fill.map { "<PolyStyle><color>\($0)</color></PolyStyle>" } ?? "<PolyStyle><fill>0</fill></PolyStyle>"
            out += "</Style>\n"
        }
        for layer in set.layers {
            out += "<Folder><name>\(escape(layer.name))</name><description>\(escape(layer.title))</description>\n"
            for f in layer.features { placemark(layer, f, into: &out) }
            out += "</Folder>\n"
        }
        out += "</Document>\n</kml>\n"
        return Data(out.utf8)
    }

    private static func placemark(_ layer: ExportLayer, _ f: ExportLayer.Feature, into out: inout String) {
        let values = Dictionary(zip(layer.fields.map(\.name), f.values), uniquingKeysWith: { a, _ in a })
        func text(_ k: String) -> String? { if case .text(let s)? = values[k] { return s } else { return nil } }
        let name = text("name_en") ?? [text("region"), text("change"), text("status")].compactMap { $0 }.joined(separator: " · ")
        let style: String
        switch layer.layer {
        case .change: style = text("change") ?? "gained"
        case .front: style = "front"
        case .regions: style = "regions"
        default: style = text("status") ?? "held"
        }
        out += "<Placemark><name>\(escape(name))</name>"
        if f.shape.isPolygonal || layer.layer == .front { out += "<styleUrl>#\(styles.contains { $0.id == style } ? style : "held")</styleUrl>" }
        out += "<ExtendedData>"
        for (field, v) in zip(layer.fields, f.values) {
            out += "<Data name=\"\(escape(field.name))\"><value>\(escape(CSVExport.cell(v)))</value></Data>"
        }
        out += "</ExtendedData>"
        geometry(f.shape, into: &out)
        out += "</Placemark>\n"
    }

    private static func geometry(_ s: ExportLayer.Shape, into out: inout String) {
        func coordinates(_ ps: [Position]) -> String {
            "<coordinates>" + ps.map { "\(CSVExport.coordinate($0.x)),\(CSVExport.coordinate($0.y))" }.joined(separator: " ") + "</coordinates>"
        }
        switch s {
        case .point(let p): out += "<Point>\(coordinates([p]))</Point>"
        case .lines(let lines):
            out += "<MultiGeometry>" + lines.map { "<LineString>\(coordinates($0))</LineString>" }.joined() + "</MultiGeometry>"
        case .polygons(let polys):
            out += "<MultiGeometry>"
            for rings in polys.map(RingOrientation.oriented) {
                out += "<Polygon><outerBoundaryIs><LinearRing>\(coordinates(rings[0]))</LinearRing></outerBoundaryIs>"
                for hole in rings.dropFirst() { out += "<innerBoundaryIs><LinearRing>\(coordinates(hole))</LinearRing></innerBoundaryIs>" }
                out += "</Polygon>"
            }
            out += "</MultiGeometry>"
        }
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}

extension ExportLayer.Shape {
    var isPolygonal: Bool { if case .polygons = self { return true } else { return false } }
}
