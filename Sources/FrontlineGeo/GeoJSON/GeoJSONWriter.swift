import Foundation

/// Writes GeoJSON deterministically: members in a fixed order, no whitespace except one
/// feature per line, coordinates rounded to `decimals` places (6 places is about 0.1 m).
/// The same input always gives the same bytes.
public struct GeoJSONWriter {
    public var decimals: Int

    public init(decimals: Int = 6) {
        precondition((0...15).contains(decimals))
        self.decimals = decimals
    }

    public func data(_ fc: GeoJSONFeatureCollection) -> Data {
        var out = "{\"type\":\"FeatureCollection\""
        for m in fc.foreignMembers {
            out += ","
            JSONText.string(m.key, into: &out)
            out += ":"
            write(m.value, into: &out)
        }
        out += ",\"features\":[\n"
        for (n, f) in fc.features.enumerated() {
            write(f, into: &out)
            out += n + 1 < fc.features.count ? ",\n" : "\n"
        }
        out += "]}\n"
        return Data(out.utf8)
    }

    public func string(_ g: GeoJSONGeometry) -> String {
        var out = ""
        write(g, into: &out)
        return out
    }

    func write(_ f: GeoJSONFeature, into out: inout String) {
        out += "{\"type\":\"Feature\""
        if let id = f.id {
            out += ",\"id\":"
            write(id, into: &out)
        }
        out += ",\"properties\":"
        write(.object(f.properties), into: &out)
        out += ",\"geometry\":"
        if let g = f.geometry { write(g, into: &out) } else { out += "null" }
        out += "}"
    }

    func write(_ g: GeoJSONGeometry, into out: inout String) {
        out += "{\"type\":\"\(g.typeName)\","
        switch g {
        case .point(let p): out += "\"coordinates\":"; write(p, into: &out)
        case .multiPoint(let ps), .lineString(let ps): out += "\"coordinates\":"; write(ps, into: &out)
        case .multiLineString(let ls), .polygon(let ls): out += "\"coordinates\":"; write(ls, into: &out)
        case .multiPolygon(let polys):
            out += "\"coordinates\":["
            for (n, rings) in polys.enumerated() {
                if n > 0 { out += "," }
                write(rings, into: &out)
            }
            out += "]"
        case .geometryCollection(let gs):
            out += "\"geometries\":["
            for (n, g) in gs.enumerated() {
                if n > 0 { out += "," }
                write(g, into: &out)
            }
            out += "]"
        }
        out += "}"
    }

    private func write(_ lines: [[Position]], into out: inout String) {
        out += "["
        for (n, ps) in lines.enumerated() {
            if n > 0 { out += "," }
            write(ps, into: &out)
        }
        out += "]"
    }

    private func write(_ ps: [Position], into out: inout String) {
        out += "["
        for (n, p) in ps.enumerated() {
            if n > 0 { out += "," }
            write(p, into: &out)
        }
        out += "]"
    }

    private func write(_ p: Position, into out: inout String) {
        out += "["
        out += JSONText.fixed(p.x, decimals: decimals)
        out += ","
        out += JSONText.fixed(p.y, decimals: decimals)
        out += "]"
    }

    func write(_ v: JSONValue, into out: inout String) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONText.number(d)
        case .string(let s): JSONText.string(s, into: &out)
        case .array(let items):
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (n, m) in members.enumerated() {
                if n > 0 { out += "," }
                JSONText.string(m.key, into: &out)
                out += ":"
                write(m.value, into: &out)
            }
            out += "}"
        case .coordinates(let c): write(c, into: &out)
        }
    }

    private func write(_ c: CoordinateNode, into out: inout String) {
        switch c {
        case .position(let p): write(p, into: &out)
        case .positions(let ps): write(ps, into: &out)
        case .list(let l):
            out += "["
            for (n, item) in l.enumerated() {
                if n > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        }
    }
}

/// JSON text helpers shared by the GeoJSON writer and the CLI's JSON output.
public enum JSONText {
    /// A number as JSON: integers without a fraction, others in Swift's shortest round-trip form.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// `d` rounded to `decimals` places, as a number.
    public static func rounded(_ d: Double, _ decimals: Int) -> Double {
        let k = pow(10, Double(decimals))
        return (d * k).rounded() / k
    }

    /// `d` rounded to `decimals` places, trailing zeros removed: 35.4987590 → "35.498759".
    public static func fixed(_ d: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let scaled = (abs(d) * scale).rounded()
        guard scaled < 9e15 else { return number(d) }
        let n = Int64(scaled)
        let whole = n / Int64(scale)
        var frac = n % Int64(scale)
        var sign = d < 0 && n != 0 ? "-" : ""
        if n == 0 { sign = "" }
        guard frac != 0 else { return sign + String(whole) }
        var width = decimals
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        let digits = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: width - digits.count) + digits
    }

    /// Appends `s` as a JSON string literal with the escapes RFC 8259 requires.
    public static func string(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }

    public static func string(_ s: String) -> String {
        var out = ""
        string(s, into: &out)
        return out
    }
}
