import Foundation
import FrontlineSupport

/// The store's file: little-endian binary, entries sorted by source and date (same figures,
/// same bytes), read in one pass.
///
///     "FLFIGS3\n"  context u32  regions u16  (iso: u8 length + UTF-8)...  entries u32
///     entry: source (u8 length + UTF-8)  date i32 (days since 1970)  size u64  crc u32
///            statuses u8 (bit per ControlStatus case)
///            per region: present u8 (bit per status)  area f64  km2 f64 per present status  sliver f64  front f64
///            abroad u8, each: country (u8 length + UTF-8)  km2 f64  front f64
extension FigureStore {
    static let magic = Array("FLFIGS3\n".utf8)

    func encoded() -> Data {
        var w = ByteWriter()
        Self.writeHeader(Self.magic, context: context, isos: isos, &w)
        let sorted = all.sorted { ($0.key.source, $0.key.date) < ($1.key.source, $1.key.date) }
        w.u32(UInt32(sorted.count))
        for (key, entry) in sorted {
            Self.write(key, &w)
            Self.write(entry, &w)
        }
        return w.data
    }

    /// What every store file starts with: its magic, the context and the regions' ISO codes.
    static func writeHeader(_ magic: [UInt8], context: UInt32, isos: [String], _ w: inout ByteWriter) {
        w.bytes(magic)
        w.u32(context)
        w.u16(UInt16(isos.count))
        for iso in isos { w.string(iso) }
    }

    /// True when the header is `magic` with this context and these regions.
    static func readHeader(_ magic: [UInt8], context: UInt32, isos: [String], _ r: inout ByteReader) -> Bool {
        guard r.bytes(magic.count) == magic, r.u32() == context, let n = r.u16(), Int(n) == isos.count else { return false }
        return isos.allSatisfy { r.string() == $0 }
    }

    static func write(_ key: Key, _ w: inout ByteWriter) {
        w.string(key.source)
        w.u32(UInt32(bitPattern: Int32(key.date.daysSinceEpoch)))
        w.u64(UInt64(key.size))
        w.u32(key.crc)
    }

    static func write(_ entry: Entry, _ w: inout ByteWriter) {
        w.u8(bits(entry.statuses))
        for r in entry.regions {
            let present = ControlStatus.allCases.filter { r.km2[$0] != nil }
            w.u8(bits(present))
            w.f64(r.areaKm2)
            for s in present { w.f64(r.km2[s]!) }
            w.f64(r.sliverKm2)
            w.f64(r.frontKm)
        }
        w.u8(UInt8(entry.abroad.count))
        for c in entry.abroad.keys.sorted() { w.string(c); w.f64(entry.abroad[c]!.km2); w.f64(entry.abroad[c]!.frontKm) }
    }

    static func readKey(_ r: inout ByteReader) -> Key? {
        // A size past Int.max is a damaged file, not a key (and must not trap in the conversion).
        guard let source = r.string(), let day = r.u32(), let size = r.u64(), size <= UInt64(Int.max), let crc = r.u32() else { return nil }
        return Key(source: source, date: DayDate(daysSinceEpoch: Int(Int32(bitPattern: day))), size: Int(size), crc: crc)
    }

    static func readEntry(_ r: inout ByteReader, regions count: Int) -> Entry? {
        guard let statusBits = r.u8() else { return nil }
        var regions: [RegionFigures] = []
        regions.reserveCapacity(count)
        for _ in 0..<count {
            guard let bits = r.u8(), let area = r.f64() else { return nil }
            var km2: [ControlStatus: Double] = [:]
            for s in statuses(bits) { guard let v = r.f64() else { return nil }; km2[s] = v }
            guard let sliver = r.f64(), let front = r.f64() else { return nil }
            regions.append(RegionFigures(areaKm2: area, km2: km2, sliverKm2: sliver, frontKm: front))
        }
        guard let n = r.u8() else { return nil }
        var abroad: [String: AbroadFigures] = [:]
        for _ in 0..<n {
            guard let c = r.string(), let v = r.f64(), let f = r.f64() else { return nil }
            abroad[c] = AbroadFigures(km2: v, frontKm: f)
        }
        return Entry(statuses: statuses(statusBits), regions: regions, abroad: abroad)
    }

    /// The store in `data`, or nil when it was made under another context or for other
    /// regions, or is not a store at all: figures are then measured, never guessed. Only the
    /// keys are read here; each entry is stepped over, and decoded when it is asked for.
    static func decode(_ data: Data, context: UInt32, isos: [String]) -> FigureStore? {
        let file = EncodedBytes([UInt8](data))
        var r = ByteReader(file.bytes, at: 0)
        guard readHeader(magic, context: context, isos: isos, &r), let count = r.u32() else { return nil }
        var slots: [Key: Slot] = [:]
        slots.reserveCapacity(Int(min(count, 100_000)))
        for _ in 0..<count {
            guard let key = readKey(&r) else { return nil }
            let offset = r.offset
            guard skipEntry(&r, regions: isos.count) else { return nil }
            slots[key] = .encoded(file, offset: offset)
        }
        guard r.atEnd else { return nil }
        return FigureStore(context: context, isos: isos, slots: slots)
    }

    /// Moves past one entry as `readEntry` would read it, building nothing.
    static func skipEntry(_ r: inout ByteReader, regions count: Int) -> Bool {
        guard r.u8() != nil else { return false }
        for _ in 0..<count {
            // The area, each present status, the sliver and the front: 8 bytes each.
            guard let bits = r.u8(), r.skip(8 * (3 + bits.nonzeroBitCount)) else { return false }
        }
        guard let n = r.u8() else { return false }
        for _ in 0..<n {
            guard r.string() != nil, r.skip(16) else { return false }
        }
        return true
    }

    static func bits(_ statuses: [ControlStatus]) -> UInt8 {
        ControlStatus.allCases.enumerated().reduce(0) { b, e in statuses.contains(e.element) ? b | (1 << e.offset) : b }
    }

    static func statuses(_ bits: UInt8) -> [ControlStatus] {
        ControlStatus.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element)
    }
}

/// Appends little-endian values.
struct ByteWriter {
    var data = Data()
    mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func u8(_ v: UInt8) { data.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func string(_ s: String) {
        let b = Array(s.utf8.prefix(255))
        u8(UInt8(b.count))
        bytes(b)
    }
}

/// Reads little-endian values; nil past the end (a cut file is no store, not a trap).
struct ByteReader {
    private let b: [UInt8]
    private var i = 0
    init(_ data: Data) { b = [UInt8](data) }
    /// A reader of `bytes` from `offset` (the array is shared, not copied).
    init(_ bytes: [UInt8], at offset: Int) { b = bytes; i = min(max(0, offset), bytes.count) }
    var atEnd: Bool { i == b.count }
    var offset: Int { i }
    mutating func skip(_ n: Int) -> Bool {
        guard n >= 0, b.count - i >= n else { return false }
        i += n
        return true
    }
    var remaining: Int { b.count - i }
    mutating func bytes(_ n: Int) -> [UInt8]? {
        guard n >= 0, b.count - i >= n else { return nil }
        defer { i += n }
        return Array(b[i..<i + n])
    }
    private mutating func uint(_ n: Int) -> UInt64? {
        guard b.count - i >= n else { return nil }
        var v: UInt64 = 0
        for k in 0..<n { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
        i += n
        return v
    }
    mutating func u8() -> UInt8? { uint(1).map { UInt8($0) } }
    mutating func u16() -> UInt16? { uint(2).map { UInt16($0) } }
    mutating func u32() -> UInt32? { uint(4).map { UInt32($0) } }
    mutating func u64() -> UInt64? { uint(8) }
    mutating func f64() -> Double? { uint(8).map { Double(bitPattern: $0) } }
    mutating func string() -> String? {
        guard let n = u8(), let bytes = bytes(Int(n)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
