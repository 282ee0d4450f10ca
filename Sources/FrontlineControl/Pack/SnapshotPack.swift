import Foundation
import FrontlineGeo
import FrontlineSupport

/// A snapshot pack opened for reading (`SnapshotPackFormat`): the table of dates is read at
/// once, a date's snapshot is decoded when asked for. The whole file is checked against its
/// CRC when opened: a damaged pack is a `.badData` error, never a wrong polygon.
public final class SnapshotPack: Sendable {
    public let url: URL
    public let dates: [DayDate]
    private let bytes: Data
    private let chainOffsets: [UInt32]
    private let entries: [(offset: Int, length: Int)]
    private let chainStart: Int
    private let entryStart: Int

    /// Packs opened in this process, by path, with the size and date they had.
    private static let opened = Locked<[String: (stamp: FileStamp?, pack: SnapshotPack)]>([:])

    /// The pack at `url`, read once per process while the file stays as it was.
    public static func open(_ url: URL) throws -> SnapshotPack {
        let stamp = FileStamp(path: url.path)
        if let o = opened.value[url.path], stamp != nil, o.stamp == stamp { return o.pack }
        let pack = try SnapshotPack(url)
        opened.update { $0[url.path] = (stamp, pack) }
        return pack
    }

    public convenience init(_ url: URL) throws {
        // Mapped, not read: the pages come from the page cache without a copy into fresh
        // memory. (A pack is only ever replaced by a rename, so the mapped file stays whole.)
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { throw FrontlineError.missingInput("cannot read snapshot pack \(url.path)") }
        try self.init(data, url: url)
    }

    /// The pack in `data` (`url` names it in messages). `verifyingChecksum: false` is for the
    /// fuzzer, which must reach the parser with bytes whose CRC does not match: every offset
    /// and count is checked anyway, so a crafted file is an error too, never a trap.
    public init(_ data: Data, url: URL, verifyingChecksum: Bool = true) throws {
        self.url = url
        bytes = data
        let bad = FrontlineError.badData("\(url.path): not a snapshot pack, or damaged (rebuild it with frontline geodata)")
        guard data.count >= SnapshotPackFormat.magic.count + 12 else { throw bad }
        if verifyingChecksum {
            let stored = data.suffix(4).withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
            guard Checksum.crc32Value(data.prefix(data.count - 4)) == stored else { throw bad }
        }
        let table: (chains: [UInt32], dates: [DayDate], entries: [(Int, Int)], chainStart: Int, entryStart: Int)? = data.withUnsafeBytes { raw in
            var r = PackReader(raw)
            guard Array(raw.prefix(SnapshotPackFormat.magic.count)) == SnapshotPackFormat.magic else { return nil }
            r.i = SnapshotPackFormat.magic.count
            guard let nChains = r.u32(), let nEntries = r.u32(), Int(nChains) + Int(nEntries) < raw.count else { return nil }
            var chains: [UInt32] = []
            chains.reserveCapacity(Int(nChains) + 1)
            for _ in 0...Int(nChains) { guard let o = r.u32() else { return nil }; chains.append(o) }
            var dates: [DayDate] = [], entries: [(Int, Int)] = []
            for _ in 0..<Int(nEntries) {
                guard let d = r.u32(), let o = r.u32(), let l = r.u32() else { return nil }
                dates.append(DayDate(daysSinceEpoch: Int(Int32(bitPattern: d))))
                entries.append((Int(o), Int(l)))
            }
            let chainStart = r.i, entryStart = chainStart + Int(chains.last!)
            // Every offset inside the file, chains ascending: decoding can then trust them.
            guard zip(chains, chains.dropFirst()).allSatisfy({ $0 <= $1 }), entryStart <= raw.count - 4,
                  entries.allSatisfy({ $0.0 + $0.1 <= raw.count - 4 - entryStart }),
                  zip(dates, dates.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
            return (chains, dates, entries, chainStart, entryStart)
        }
        guard let table else { throw bad }
        chainOffsets = table.chains
        dates = table.dates
        entries = table.entries.map { (offset: $0.0, length: $0.1) }
        chainStart = table.chainStart
        entryStart = table.entryStart
    }

    /// The index of `date`'s entry, nil when the pack has none.
    public func index(of date: DayDate) -> Int? {
        var lo = 0, hi = dates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dates[mid] < date { lo = mid + 1 } else { hi = mid }
        }
        return lo < dates.count && dates[lo] == date ? lo : nil
    }

    /// The snapshot file's content of entry `n`, as the file held it.
    public func collection(_ n: Int) throws -> GeoJSONFeatureCollection {
        let fc = bytes.withUnsafeBytes { raw -> GeoJSONFeatureCollection? in
            var r = PackReader(raw, at: entryStart + entries[n].offset)
            return decodeEntry(&r, raw: raw)
        }
        guard let fc else { throw FrontlineError.badData("\(url.path): the entry of \(dates[n]) is damaged") }
        return fc
    }

    /// Bytes that change whenever entry `n`'s content does: its record and every chain it
    /// uses, in order (the figure stores key snapshots by these).
    public func content(_ n: Int) -> Data {
        bytes.withUnsafeBytes { raw in
            let start = entryStart + entries[n].offset
            var out = Data(raw[start..<start + entries[n].length])
            var r = PackReader(raw, at: start)
            _ = decodeEntry(&r, raw: raw, coordinates: false) { id in
                let a = chainStart + Int(chainOffsets[id]), b = chainStart + Int(chainOffsets[id + 1])
                out.append(contentsOf: raw[a..<b])
            }
            return out
        }
    }

    /// The entry at `r`; with `coordinates: false` its rings stay empty and only `onChain` sees
    /// the chains (what `content` needs, at a fifth of the cost).
    private func decodeEntry(_ r: inout PackReader, raw: UnsafeRawBufferPointer, coordinates: Bool = true,
                             onChain: (Int) -> Void = { _ in }) -> GeoJSONFeatureCollection? {
        guard let nMembers = r.count(max: raw.count) else { return nil }
        var members: [(key: String, value: JSONValue)] = []
        for _ in 0..<nMembers {
            guard let k = r.string(), let v = r.string() else { return nil }
            members.append((k, .string(v)))
        }
        guard let nFeatures = r.count(max: raw.count) else { return nil }
        var features: [GeoJSONFeature] = []
        for _ in 0..<nFeatures {
            guard let nProps = r.count(max: raw.count) else { return nil }
            var props: [(key: String, value: JSONValue)] = []
            for _ in 0..<nProps {
                guard let k = r.string(), let v = r.string() else { return nil }
                props.append((k, .string(v)))
            }
            guard r.i < raw.count else { return nil }
            let kind = raw[r.i]
            r.i += 1
            guard kind == SnapshotPackFormat.polygon || kind == SnapshotPackFormat.multiPolygon,
                  let polygons = decodePolygons(&r, raw: raw, coordinates: coordinates, onChain: onChain) else { return nil }
            let geometry: GeoJSONGeometry = kind == SnapshotPackFormat.polygon && polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
            features.append(GeoJSONFeature(geometry: geometry, properties: props))
        }
        return GeoJSONFeatureCollection(features: features, foreignMembers: members)
    }

    private func decodePolygons(_ r: inout PackReader, raw: UnsafeRawBufferPointer, coordinates: Bool, onChain: (Int) -> Void) -> [[[Position]]]? {
        guard let nPolygons = r.count(max: raw.count) else { return nil }
        var polygons: [[[Position]]] = []
        polygons.reserveCapacity(nPolygons)
        for _ in 0..<nPolygons {
            guard let nRings = r.count(max: raw.count) else { return nil }
            var rings: [[Position]] = []
            for _ in 0..<nRings {
                guard let nChains = r.count(max: raw.count) else { return nil }
                var ring: [Position] = []
                for c in 0..<nChains {
                    guard let id = r.count(max: chainOffsets.count - 2) else { return nil }
                    if coordinates, !decodeChain(id, raw: raw, skipFirst: c > 0, into: &ring) { return nil }
                    onChain(id)
                }
                rings.append(ring)
            }
            polygons.append(rings)
        }
        return polygons
    }

    private func decodeChain(_ id: Int, raw: UnsafeRawBufferPointer, skipFirst: Bool, into ring: inout [Position]) -> Bool {
        let end = chainStart + Int(chainOffsets[id + 1])
        var r = PackReader(UnsafeRawBufferPointer(rebasing: raw[..<end]), at: chainStart + Int(chainOffsets[id]))
        guard let n = r.count(max: end) else { return false }
        var v = CoordinateChains.Vertex(x: 0, y: 0)
        for k in 0..<n {
            guard let dx = r.zigzag(), let dy = r.zigzag() else { return false }
            v.x &+= dx
            v.y &+= dy
            if k > 0 || !skipFirst { ring.append(CoordinateChains.position(v)) }
        }
        return true
    }
}

extension SnapshotRef {
    /// Bytes that change whenever the snapshot does: the file's, or its pack entry's content.
    public func content() -> Data? {
        guard let n = packEntry else { return FileManager.default.contents(atPath: path) }
        return (try? SnapshotPack.open(URL(fileURLWithPath: path)))?.content(n)
    }
}
