import Foundation
import FrontlineSupport

/// The figures of snapshots, measured once and kept: a snapshot's figures never change once
/// its bytes are fixed, so measuring them again on every call was the largest waste left.
///
/// An entry is keyed by its snapshot's source, date, byte count and CRC-32 of its bytes; the
/// whole store by a `context` (the regions' and the baseline's bytes, the measuring rules'
/// version and the sliver rule): a store made under another context is not read at all, and an
/// edited snapshot no longer matches its entry. Figures are kept as the exact bits of the
/// doubles, so what comes out of the store is what measuring gives, to the byte.
final class FigureStore: @unchecked Sendable {
    struct Key: Hashable {
        let source: String
        let date: DayDate
        let size: Int
        let crc: UInt32
    }

    /// One region's figures; `km2` holds the statuses the measurement gave, zeros included.
    struct RegionFigures: Equatable {
        var areaKm2: Double
        var km2: [ControlStatus: Double]
        var sliverKm2: Double
        var frontKm: Double
    }

    struct AbroadFigures: Equatable {
        var km2: Double
        var frontKm: Double
    }

    struct Entry: Equatable {
        var statuses: [ControlStatus]
        var regions: [RegionFigures]
        /// Land held abroad by country code: km² and front km.
        var abroad: [String: AbroadFigures] = [:]
    }

    let context: UInt32
    /// The regions' ISO codes in the dataset's order: an entry's regions follow it.
    let isos: [String]
    private let entries: Locked<[Key: Slot]>
    private let added = Locked(0)

    /// An entry as measured, or as read from a store file and not yet decoded: a map needs one
    /// entry of a thousand, and decoding them all cost every process about 8 ms.
    enum Slot {
        case decoded(Entry)
        case encoded(EncodedBytes, offset: Int)
    }

    /// A store file's bytes, shared by the slots that point into it.
    final class EncodedBytes: Sendable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    init(context: UInt32, isos: [String], entries: [Key: Entry] = [:]) {
        self.context = context
        self.isos = isos
        self.entries = Locked(entries.mapValues { .decoded($0) })
    }

    init(context: UInt32, isos: [String], slots: [Key: Slot]) {
        self.context = context
        self.isos = isos
        self.entries = Locked(slots)
    }

    var count: Int { entries.value.count }
    /// Entries stored since the store was read (what a save would add).
    var addedCount: Int { added.value }
    /// Every entry, decoded.
    var all: [Key: Entry] { entries.value.compactMapValues(decode) }

    /// The key of a snapshot as it is now (nil when it cannot be read: measuring will say why).
    static func key(_ ref: SnapshotRef) -> Key? {
        guard let data = ref.content() else { return nil }
        return Key(source: ref.source, date: ref.date, size: data.count, crc: Checksum.crc32Value(data))
    }

    func entry(_ key: Key) -> Entry? {
        guard let slot = entries.value[key] else { return nil }
        if case .decoded(let e) = slot { return e }
        guard let e = decode(slot) else { return nil }
        entries.update { $0[key] = .decoded(e) }
        return e
    }

    /// (The file was read to its end when the store was opened, so an entry decodes; nil
    /// only if it somehow does not.)
    private func decode(_ slot: Slot) -> Entry? {
        switch slot {
        case .decoded(let e): return e
        case .encoded(let file, let offset):
            var r = ByteReader(file.bytes, at: offset)
            return Self.readEntry(&r, regions: isos.count)
        }
    }

    /// Records the figures of `key`; counted as added only if they differ from what was held.
    func store(_ key: Key, _ entry: Entry) {
        let before = entries.value[key].flatMap(decode)
        entries.update { $0[key] = .decoded(entry) }
        if before != entry { added.update { $0 += 1 } }
    }

    /// Takes the entries of another store made under the same context (the user's cache
    /// beside the dataset's own figures).
    func merge(_ other: FigureStore) {
        guard other.context == context, other.isos == isos else { return }
        let theirs = other.entries.value
        entries.update { $0.merge(theirs) { mine, _ in mine } }
    }
}

extension FigureStore.Entry {
    /// The entry of a measured state (its regions in the dataset's order).
    init(_ state: ControlState) {
        statuses = state.statuses
        regions = state.regions.map { .init(areaKm2: $0.areaKm2, km2: $0.km2, sliverKm2: $0.sliverKm2, frontKm: $0.frontKm) }
        abroad = Dictionary(state.abroad.map { ($0.country, FigureStore.AbroadFigures(km2: $0.km2, frontKm: $0.frontKm)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The state the entry stands for on `date`, with the regions' names from the dataset.
    func state(_ ref: SnapshotRef, asOf date: DayDate, regions set: RegionSet) -> ControlState {
        let named = zip(set.regions, regions).map { r, f in
            RegionControl(iso: r.iso, names: r.names, areaKm2: f.areaKm2, km2: f.km2, sliverKm2: f.sliverKm2, frontKm: f.frontKm)
        }
        var state = ControlState(date: date, snapshotDate: ref.date, source: ref.source, statuses: statuses, regions: named)
        let names = set.abroad?.countries ?? [:]
        state.abroad = abroad.keys.sorted().map { c in
            AbroadControl(country: c, names: names[c] ?? Names(same: c, in: set.languages),
                          km2: abroad[c]!.km2, frontKm: abroad[c]!.frontKm)
        }
        return state
    }
}
