import Foundation
import FrontlineSupport

/// The figures of changes between two snapshots (`ChangeSet` without its shapes), measured
/// once and kept like a snapshot's figures (`FigureStore`): keyed by both snapshots' keys and
/// the change filter, under the same context. The rate of advance that `stats --date` prints
/// is two such changes; without the store they were most of its time.
final class ChangeFigureStore: @unchecked Sendable {
    struct Key: Hashable {
        let from: FigureStore.Key
        let to: FigureStore.Key
        let filterBits: UInt64
    }

    struct RegionEntry: Equatable {
        var statuses: [ControlStatus: StatusChange]
        var freedKm2: Double
    }

    struct Entry: Equatable {
        var from: FigureStore.Entry
        var to: FigureStore.Entry
        var statuses: [ControlStatus]
        var regions: [RegionEntry]
    }

    let context: UInt32
    let isos: [String]
    private let entries: Locked<[Key: Entry]>
    private let added = Locked(0)

    init(context: UInt32, isos: [String], entries: [Key: Entry] = [:]) {
        (self.context, self.isos, self.entries) = (context, isos, Locked(entries))
    }

    var addedCount: Int { added.value }
    var all: [Key: Entry] { entries.value }
    func entry(_ key: Key) -> Entry? { entries.value[key] }

    func store(_ key: Key, _ entry: Entry) {
        entries.update { e in
            if e.updateValue(entry, forKey: key) != entry { added.update { $0 += 1 } }
        }
    }
}

extension ChangeFigureStore.Entry {
    init(_ c: ChangeSet) {
        from = FigureStore.Entry(c.from)
        to = FigureStore.Entry(c.to)
        statuses = c.statuses
        regions = c.regions.map { .init(statuses: $0.statuses, freedKm2: $0.freedKm2) }
    }

    /// The change set the entry stands for, between the asked dates.
    func changeSet(_ a: SnapshotRef, _ b: SnapshotRef, from: DayDate, to: DayDate, regions set: RegionSet, filter: ChangeFilter) -> ChangeSet {
        let changes = zip(set.regions, regions).map { r, e in
            RegionChange(iso: r.iso, names: r.names, areaKm2: r.areaKm2, statuses: e.statuses, freedKm2: e.freedKm2)
        }
        return ChangeSet(from: self.from.state(a, asOf: from, regions: set), to: self.to.state(b, asOf: to, regions: set),
                         statuses: statuses, regions: changes, filterHalfWidthDegrees: filter.halfWidthDegrees)
    }
}

/// The file: "FLCHGS3\n", context u32, regions as in `FigureStore`, entries u32, then per
/// entry both keys, the filter's bits, both states as `FigureStore` writes an entry, the
/// statuses, and per region the statuses present (bits), six f64 per status and the freed km².
extension ChangeFigureStore {
    static let magic = Array("FLCHGS3\n".utf8)

    func encoded() -> Data {
        var w = ByteWriter()
        FigureStore.writeHeader(Self.magic, context: context, isos: isos, &w)
        let sorted = all.sorted { ($0.key.from.source, $0.key.from.date, $0.key.to.source, $0.key.to.date, $0.key.filterBits)
            < ($1.key.from.source, $1.key.from.date, $1.key.to.source, $1.key.to.date, $1.key.filterBits) }
        w.u32(UInt32(sorted.count))
        for (key, e) in sorted {
            FigureStore.write(key.from, &w)
            FigureStore.write(key.to, &w)
            w.u64(key.filterBits)
            FigureStore.write(e.from, &w)
            FigureStore.write(e.to, &w)
            w.u8(FigureStore.bits(e.statuses))
            for r in e.regions {
                let present = ControlStatus.allCases.filter { r.statuses[$0] != nil }
                w.u8(FigureStore.bits(present))
                for s in present {
                    let c = r.statuses[s]!
                    for v in [c.fromKm2, c.fromPercent, c.toKm2, c.toPercent, c.gainedKm2, c.lostKm2] { w.f64(v) }
                }
                w.f64(r.freedKm2)
            }
        }
        return w.data
    }

    static func decode(_ data: Data, context: UInt32, isos: [String]) -> ChangeFigureStore? {
        var r = ByteReader(data)
        guard FigureStore.readHeader(magic, context: context, isos: isos, &r), let count = r.u32() else { return nil }
        var entries: [Key: Entry] = [:]
        for _ in 0..<count {
            guard let a = FigureStore.readKey(&r), let b = FigureStore.readKey(&r), let filter = r.u64(),
                  let from = FigureStore.readEntry(&r, regions: isos.count), let to = FigureStore.readEntry(&r, regions: isos.count),
                  let statusBits = r.u8() else { return nil }
            var regions: [RegionEntry] = []
            for _ in isos {
                guard let bits = r.u8() else { return nil }
                var statuses: [ControlStatus: StatusChange] = [:]
                for s in FigureStore.statuses(bits) {
                    var v: [Double] = []
                    for _ in 0..<6 { guard let x = r.f64() else { return nil }; v.append(x) }
                    statuses[s] = StatusChange(fromKm2: v[0], fromPercent: v[1], toKm2: v[2], toPercent: v[3], gainedKm2: v[4], lostKm2: v[5])
                }
                guard let freed = r.f64() else { return nil }
                regions.append(RegionEntry(statuses: statuses, freedKm2: freed))
            }
            entries[Key(from: a, to: b, filterBits: filter)] = Entry(from: from, to: to, statuses: FigureStore.statuses(statusBits), regions: regions)
        }
        guard r.atEnd else { return nil }
        return ChangeFigureStore(context: context, isos: isos, entries: entries)
    }
}
