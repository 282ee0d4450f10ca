import Foundation

/// A feature collection in a binary form that reads back as exactly the collection it was
/// made from (coordinates as the parsed doubles, properties and members in their order), in a
/// fraction of the time parsing its GeoJSON text takes. Little-endian; lengths as UInt32;
/// positions as pairs of IEEE doubles. No checksum of its own: whoever stores it keeps one.
public enum GeoJSONBinary {
    /// The bytes of `fc`, or nil when it holds what this form does not (a `coordinates`
    /// value outside a geometry: the reader never makes one).
    public static func encode(_ fc: GeoJSONFeatureCollection) -> Data? {
        var w = Writer()
        w.u32(UInt32(fc.features.count))
        for f in fc.features {
            w.u8(f.id == nil ? 0 : 1)
            guard w.value(f.id ?? .null), w.members(f.properties) else { return nil }
            w.geometry(f.geometry)
        }
        guard w.members(fc.foreignMembers) else { return nil }
        return Data(w.bytes)
    }

    /// The collection in `data`; nil when the bytes are not one (cut short, an unknown tag, a
    /// count past the end): the caller then reads the GeoJSON text.
    public static func decode(_ data: Data) -> GeoJSONFeatureCollection? {
        data.withUnsafeBytes { raw -> GeoJSONFeatureCollection? in
            var r = Reader(raw: raw)
            guard let n = r.count(minimumBytes: 7) else { return nil }
            var features: [GeoJSONFeature] = []
            features.reserveCapacity(n)
            for _ in 0..<n {
                guard let hasID = r.u8(), hasID <= 1, let id = r.value(depth: 0), let properties = r.members(depth: 0),
                      let geometry = r.geometry(depth: 0) else { return nil }
                features.append(GeoJSONFeature(geometry: geometry, properties: properties, id: hasID == 1 ? id : nil))
            }
            guard let foreign = r.members(depth: 0), r.atEnd else { return nil }
            return GeoJSONFeatureCollection(features: features, foreignMembers: foreign)
        }
    }

    // Value tags.
    private static let null: UInt8 = 0, falseTag: UInt8 = 1, trueTag: UInt8 = 2, number: UInt8 = 3, string: UInt8 = 4
    private static let array: UInt8 = 5, object: UInt8 = 6
    /// Deeper nesting is refused (a crafted file must not exhaust the stack).
    private static let maxDepth = 64

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func string(_ s: String) { let b = Array(s.utf8); u32(UInt32(b.count)); bytes.append(contentsOf: b) }

        mutating func value(_ v: JSONValue) -> Bool {
            switch v {
            case .null: u8(GeoJSONBinary.null)
            case .bool(let b): u8(b ? GeoJSONBinary.trueTag : GeoJSONBinary.falseTag)
            case .number(let x): u8(GeoJSONBinary.number); f64(x)
            case .string(let s): u8(GeoJSONBinary.string); string(s)
            case .array(let items):
                u8(GeoJSONBinary.array); u32(UInt32(items.count))
                for item in items { guard value(item) else { return false } }
            case .object(let members): u8(GeoJSONBinary.object); return self.members(members)
            case .coordinates: return false
            }
            return true
        }

        mutating func members(_ members: [(key: String, value: JSONValue)]) -> Bool {
            u32(UInt32(members.count))
            for m in members {
                string(m.key)
                guard value(m.value) else { return false }
            }
            return true
        }

        mutating func positions(_ ps: [Position]) {
            u32(UInt32(ps.count))
            for p in ps { f64(p.x); f64(p.y) }
        }

        mutating func geometry(_ g: GeoJSONGeometry?) {
            switch g {
            case nil: u8(0)
            case .point(let p)?: u8(1); f64(p.x); f64(p.y)
            case .multiPoint(let ps)?: u8(2); positions(ps)
            case .lineString(let ps)?: u8(3); positions(ps)
            case .multiLineString(let ls)?: u8(4); u32(UInt32(ls.count)); ls.forEach { positions($0) }
            case .polygon(let rings)?: u8(5); u32(UInt32(rings.count)); rings.forEach { positions($0) }
            case .multiPolygon(let polys)?:
                u8(6); u32(UInt32(polys.count))
                for rings in polys { u32(UInt32(rings.count)); rings.forEach { positions($0) } }
            case .geometryCollection(let gs)?: u8(7); u32(UInt32(gs.count)); gs.forEach { geometry($0) }
            }
        }
    }

    private struct Reader {
        let raw: UnsafeRawBufferPointer
        var i = 0
        var atEnd: Bool { i == raw.count }

        mutating func u8() -> UInt8? {
            guard i < raw.count else { return nil }
            defer { i += 1 }
            return raw[i]
        }
        mutating func u32() -> UInt32? {
            guard raw.count - i >= 4 else { return nil }
            defer { i += 4 }
            return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
        }
        mutating func f64() -> Double? {
            guard raw.count - i >= 8 else { return nil }
            defer { i += 8 }
            return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
        }
        /// A count whose items take at least `minimumBytes` each and fit in what is left.
        mutating func count(minimumBytes: Int) -> Int? {
            guard let n = u32().map(Int.init), n <= (raw.count - i) / max(1, minimumBytes) else { return nil }
            return n
        }
        mutating func string() -> String? {
            guard let n = count(minimumBytes: 1) else { return nil }
            defer { i += n }
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[i..<i + n]), as: UTF8.self)
        }

        mutating func value(depth: Int) -> JSONValue? {
            guard depth < GeoJSONBinary.maxDepth, let tag = u8() else { return nil }
            switch tag {
            case GeoJSONBinary.null: return .null
            case GeoJSONBinary.falseTag: return .bool(false)
            case GeoJSONBinary.trueTag: return .bool(true)
            case GeoJSONBinary.number: return f64().map { .number($0) }
            case GeoJSONBinary.string: return string().map { .string($0) }
            case GeoJSONBinary.array:
                guard let n = count(minimumBytes: 1) else { return nil }
                var items: [JSONValue] = []
                for _ in 0..<n { guard let v = value(depth: depth + 1) else { return nil }; items.append(v) }
                return .array(items)
            case GeoJSONBinary.object: return members(depth: depth + 1).map { .object($0) }
            default: return nil
            }
        }

        mutating func members(depth: Int) -> [(key: String, value: JSONValue)]? {
            guard depth < GeoJSONBinary.maxDepth, let n = count(minimumBytes: 5) else { return nil }
            var out: [(key: String, value: JSONValue)] = []
            out.reserveCapacity(n)
            for _ in 0..<n {
                guard let k = string(), let v = value(depth: depth) else { return nil }
                out.append((k, v))
            }
            return out
        }

        mutating func positions() -> [Position]? {
            guard let n = count(minimumBytes: 16) else { return nil }
            var out = [Position]()
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(Position(f64()!, f64()!)) }  // bytes counted above
            return out
        }

        mutating func list<T>(_ item: (inout Reader) -> T?) -> [T]? {
            guard let n = count(minimumBytes: 4) else { return nil }
            var out: [T] = []
            out.reserveCapacity(n)
            for _ in 0..<n { guard let x = item(&self) else { return nil }; out.append(x) }
            return out
        }

        /// `.some(nil)` is a feature without geometry; nil is bytes that are not a geometry.
        mutating func geometry(depth: Int) -> GeoJSONGeometry?? {
            guard depth < GeoJSONBinary.maxDepth, let tag = u8() else { return nil }
            switch tag {
            case 0: return .some(nil)
            case 1:
                guard let x = f64(), let y = f64() else { return nil }
                return .point(Position(x, y))
            case 2: return positions().map { .multiPoint($0) }
            case 3: return positions().map { .lineString($0) }
            case 4: return list { $0.positions() }.map { .multiLineString($0) }
            case 5: return list { $0.positions() }.map { .polygon($0) }
            case 6: return list { r in r.list { $0.positions() } }.map { .multiPolygon($0) }
            case 7:
                // A member without geometry is not a geometry of a collection.
                return list { r in r.geometry(depth: depth + 1) ?? nil }.map { .geometryCollection($0) }
            default: return nil
            }
        }
    }
}
