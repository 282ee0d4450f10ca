import Foundation
import FrontlineGeo
import FrontlineSupport

/// The shapes a map draws of one snapshot (`ControlGeometry`: held land per region and status,
/// free parts, front line), kept in the user cache once measured: a map spent 60 of its 140 ms
/// measuring them again. One file per snapshot (`<source>-<date>.bin` in a folder per dataset
/// and context), which starts with the snapshot's key: a file for other bytes is measured
/// again and replaced. Coordinates are the doubles' bits, so a map drawn from the store is the
/// same pixels.
///
///     "FLSHPS2\n"  key (as FigureStore writes it)  regions u16
///     per region, then the land held abroad (`ControlGeometry.abroadKey`): iso  held statuses u8 (bits)  per status: base, cutouts (polygons)
///                 free parts (polygons)  front (lines)
///     polygons: u32 count, each rings u32, each ring points u32 then x, y f64 per point
enum ShapeStore {
    static let magic = Array("FLSHPS2\n".utf8)

    static func fileName(_ ref: SnapshotRef) -> String { "\(ref.source)-\(ref.date).bin" }

    static func encode(_ g: ControlGeometry, key: FigureStore.Key, isos: [String]) -> Data {
        var w = ByteWriter()
        w.bytes(magic)
        FigureStore.write(key, &w)
        w.u16(UInt16(isos.count))
        for iso in isos + [ControlGeometry.abroadKey] {
            w.string(iso)
            let r = g.byRegion[iso]
            let held = ControlStatus.allCases.filter { r?.held[$0] != nil }
            w.u8(FigureStore.bits(held))
            for s in held {
                polygons(r!.held[s]!.base, &w)
                polygons(r!.held[s]!.cutouts, &w)
            }
            polygons(r?.freeParts ?? [], &w)
            lines(r?.front ?? [], &w)
        }
        return w.data
    }

    /// The shapes, or nil when the file is for other bytes, other regions, or not a store.
    static func decode(_ data: Data, key: FigureStore.Key, isos: [String]) -> ControlGeometry? {
        var r = ByteReader(data)
        guard r.bytes(magic.count) == magic, FigureStore.readKey(&r) == key, let n = r.u16(), Int(n) == isos.count else { return nil }
        var regions: [(iso: String, geometry: RegionGeometry)] = []
        for iso in isos + [ControlGeometry.abroadKey] {
            guard r.string() == iso, let bits = r.u8() else { return nil }
            var held: [ControlStatus: HeldShape] = [:]
            for s in FigureStore.statuses(bits) {
                guard let base = polygons(&r), let cutouts = polygons(&r) else { return nil }
                held[s] = HeldShape(base: base, cutouts: cutouts)
            }
            guard let free = polygons(&r), let front = lines(&r) else { return nil }
            if iso != ControlGeometry.abroadKey || !held.isEmpty { regions.append((iso, RegionGeometry(held: held, freeParts: free, front: front))) }
        }
        guard r.atEnd else { return nil }
        return ControlGeometry(regions)
    }

    private static func lines(_ ls: [[Position]], _ w: inout ByteWriter) {
        w.u32(UInt32(ls.count))
        for l in ls {
            w.u32(UInt32(l.count))
            for p in l { w.f64(p.x); w.f64(p.y) }
        }
    }

    private static func polygons(_ ps: [[[Position]]], _ w: inout ByteWriter) {
        w.u32(UInt32(ps.count))
        for p in ps { lines(p, &w) }
    }

    private static func lines(_ r: inout ByteReader) -> [[Position]]? {
        guard let n = r.u32(), Int(n) <= r.remaining / 4 else { return nil }
        var out: [[Position]] = []
        out.reserveCapacity(Int(n))
        for _ in 0..<n {
            guard let count = r.u32(), Int(count) <= r.remaining / 16 else { return nil }
            var line: [Position] = []
            line.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let x = r.f64(), let y = r.f64() else { return nil }
                line.append(Position(x, y))
            }
            out.append(line)
        }
        return out
    }

    private static func polygons(_ r: inout ByteReader) -> [[[Position]]]? {
        guard let n = r.u32(), Int(n) <= r.remaining / 4 else { return nil }
        var out: [[[Position]]] = []
        for _ in 0..<n {
            guard let p = lines(&r) else { return nil }
            out.append(p)
        }
        return out
    }
}

extension Dataset {
    /// The user cache's folder of shapes for this dataset and the rule's context.
    func shapesFolder(_ rule: SliverRule) -> URL? {
        figuresCacheFile(figuresContext(rule)).map { f in
            f.deletingLastPathComponent().appendingPathComponent(f.deletingPathExtension().lastPathComponent.replacingOccurrences(of: "figures-", with: "shapes-"))
        }
    }

    /// The stored shapes of `ref` if its bytes still match `key`.
    func storedShapes(_ ref: SnapshotRef, key: FigureStore.Key, rule: SliverRule) -> ControlGeometry? {
        guard let dir = shapesFolder(rule),
              let data = FileManager.default.contents(atPath: dir.appendingPathComponent(ShapeStore.fileName(ref)).path) else { return nil }
        return ShapeStore.decode(data, key: key, isos: regions.regions.map(\.iso))
    }

    /// Keeps the shapes; a cache that cannot be written costs time, never a picture.
    func storeShapes(_ g: ControlGeometry, _ ref: SnapshotRef, key: FigureStore.Key, rule: SliverRule) {
        guard let dir = shapesFolder(rule) else { return }
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? AtomicFile.write(ShapeStore.encode(g, key: key, isos: regions.regions.map(\.iso)), to: dir.appendingPathComponent(ShapeStore.fileName(ref)))
    }
}
