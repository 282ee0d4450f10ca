import Foundation
import FrontlineGeo
import FrontlineSupport

/// `outlines.bin`: the dataset's GeoJSON outlines (regions, baseline, base layers) in
/// `GeoJSONBinary` form, so that a process opens them in about a millisecond instead of parsing
/// 2.7 MB of text (20 ms of CPU at every start). Written by `frontline geodata`.
///
/// Never trusted across a change: each entry names its GeoJSON file with that file's size and
/// CRC-32, and is used only for exactly those bytes (a file edited by hand is parsed, as if
/// there were no binary); each entry's own bytes carry a CRC-32 too, checked before decoding.
///
/// Layout: "FLOUTL1\n", u32 count, then per entry: u16 name length, name (UTF-8, relative to
/// the dataset folder), u64 size and u32 CRC-32 of the GeoJSON, u32 CRC-32 and u64 length of
/// the binary, the binary. Little-endian.
public final class OutlineStore: Sendable {
    public static let fileName = "outlines.bin"
    static let magic = Array("FLOUTL1\n".utf8)

    struct Entry {
        let size: Int
        let crc: UInt32
        let payloadCRC: UInt32
        let range: Range<Int>
    }

    private let data: Data
    private let entries: [String: Entry]

    public init?(_ data: Data) {
        // Read in place: only the index is walked, the payloads are not copied.
        let parsed = data.withUnsafeBytes { raw -> [String: Entry]? in
            var i = 0
            func take(_ n: Int) -> UnsafeRawBufferPointer? {
                guard n >= 0, raw.count - i >= n else { return nil }
                defer { i += n }
                return UnsafeRawBufferPointer(rebasing: raw[i..<i + n])
            }
            func uint(_ n: Int) -> UInt64? { take(n).map { b in b.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } } }
            guard take(Self.magic.count).map(Array.init) == Self.magic, let n = uint(4) else { return nil }
            var entries: [String: Entry] = [:]
            for _ in 0..<n {
                guard let len = uint(2), let name = take(Int(len)), let size = uint(8), size <= UInt64(Int.max),
                      let crc = uint(4), let payloadCRC = uint(4), let length = uint(8), length <= UInt64(raw.count - i) else { return nil }
                let start = i
                i += Int(length)
                // Ranges in `data`'s own indices (a slice does not start at 0).
                let range = (data.startIndex + start)..<(data.startIndex + i)
                entries[String(decoding: name, as: UTF8.self)] = Entry(size: Int(size), crc: UInt32(crc), payloadCRC: UInt32(payloadCRC), range: range)
            }
            return i == raw.count ? entries : nil
        }
        guard let parsed else { return nil }
        self.data = data
        self.entries = parsed
    }

    /// The names the store holds, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The collection of `name` if the store holds it for exactly `bytes` (whose CRC-32 is
    /// `crc` when the caller already took it), else nil.
    func collection(_ name: String, bytes: Data, crc: UInt32? = nil) -> GeoJSONFeatureCollection? {
        guard let e = entries[name], e.size == bytes.count, e.crc == crc ?? Checksum.crc32Value(bytes) else { return nil }
        let payload = data.subdata(in: e.range)
        guard Checksum.crc32Value(payload) == e.payloadCRC else { return nil }
        return GeoJSONBinary.decode(payload)
    }

    // MARK: reading a dataset's GeoJSON

    /// The GeoJSON file `name` of a dataset `folder`, whose bytes are `bytes`: from the
    /// folder's outlines when they were made from these bytes, else parsed. `crc`: the bytes'
    /// CRC-32, when the caller already took it.
    public static func read(_ name: String, in folder: URL, bytes: Data, crc: UInt32? = nil) throws -> GeoJSONFeatureCollection {
        if let fc = open(folder)?.collection(name, bytes: bytes, crc: crc) { return fc }
        return try GeoJSONReader.read(bytes)
    }

    /// The folder's store, opened once per process (again if the file changes).
    static func open(_ folder: URL) -> OutlineStore? {
        let url = folder.appendingPathComponent(fileName)
        guard let stamp = FileStamp(path: url.path) else { return nil }
        let key = url.standardizedFileURL.path
        if let o = opened.value[key], o.stamp == stamp { return o.store }
        // Mapped: a store is only ever replaced by a rename, so the mapped file stays whole.
        let store = (try? Data(contentsOf: url, options: .alwaysMapped)).flatMap(OutlineStore.init)
        opened.update { $0[key] = (stamp, store) }
        return store
    }

    private static let opened = Locked([String: (stamp: FileStamp, store: OutlineStore?)]())

    // MARK: writing

    /// Writes `outlines.bin` for the GeoJSON files of `folder` (those at its top and in
    /// `base/`), each parsed and encoded; returns the names written.
    @discardableResult
    public static func write(folder: URL) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw FrontlineError.missingInput("no dataset folder at \(folder.path)")
        }
        var w = ByteWriter()
        w.bytes(magic)
        let names = geoJSONNames(in: folder)
        var written: [String] = []
        var body = ByteWriter()
        for name in names {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let fc: GeoJSONFeatureCollection
            do { fc = try GeoJSONReader.read(bytes) } catch { throw FrontlineError.badData(in: name, error) }
            guard let payload = GeoJSONBinary.encode(fc) else { continue }
            let nameBytes = Array(name.utf8)
            body.u16(UInt16(nameBytes.count))
            body.bytes(nameBytes)
            body.u64(UInt64(bytes.count))
            body.u32(Checksum.crc32Value(bytes))
            body.u32(Checksum.crc32Value(payload))
            body.u64(UInt64(payload.count))
            body.bytes(Array(payload))
            written.append(name)
        }
        w.u32(UInt32(written.count))
        try AtomicFile.write(w.data + body.data, to: folder.appendingPathComponent(fileName))
        return written
    }

    /// `*.geojson` at the top of `folder` and in `base/`, sorted (snapshots are in packs).
    static func geoJSONNames(in folder: URL) -> [String] {
        let fm = FileManager.default
        let top = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".geojson") && !$0.hasPrefix(".") }
        let base = ((try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("base").path)) ?? [])
            .filter { $0.hasSuffix(".geojson") && !$0.hasPrefix(".") }.map { "base/\($0)" }
        return (top + base).sorted()
    }
}
