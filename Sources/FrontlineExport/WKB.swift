import Foundation
import FrontlineControl
import FrontlineGeo

/// Well-known binary (ISO 19125, little endian, XY): what GeoPackage stores after its header.
/// An encoding of the measured coordinates, no geometry operation.
enum WKB {
    static func encode(_ shape: ExportLayer.Shape) -> Data {
        var out = Data()
        switch shape {
        case .point(let p):
            header(1, into: &out)  // Point
            double(p.x, &out); double(p.y, &out)
        case .lines(let lines):
            header(5, into: &out)  // MultiLineString
            uint32(UInt32(lines.count), &out)
            for l in lines {
                header(2, into: &out)
                points(l, &out)
            }
        case .polygons(let polygons):
            header(6, into: &out)  // MultiPolygon
            uint32(UInt32(polygons.count), &out)
            for rings in polygons {
                header(3, into: &out)
                uint32(UInt32(rings.count), &out)
                for r in rings { points(r, &out) }
            }
        }
        return out
    }

    private static func header(_ type: UInt32, into out: inout Data) {
        out.append(1)  // little endian
        uint32(type, &out)
    }

    private static func points(_ ps: [Position], _ out: inout Data) {
        uint32(UInt32(ps.count), &out)
        for p in ps { double(p.x, &out); double(p.y, &out) }
    }

    static func uint32(_ v: UInt32, _ out: inout Data) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    static func double(_ v: Double, _ out: inout Data) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
}
