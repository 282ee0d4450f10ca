import Foundation
import FrontlineGeo
import FrontlineSupport

/// A dataset folder (DESIGN.md "GeoData layout"): `dataset.json`, `regions.geojson`, `base/`
/// and `snapshots/<source>/YYYY-MM-DD.geojson`. Regions are read at load; snapshots on demand.
// @unchecked: every stored property is immutable or behind a lock, but `regions`, whose GEOS
// geometries belong to the opening thread: other threads measure with `portable()` copies.
public final class Dataset: @unchecked Sendable {
    public let folder: URL
    public let info: DatasetInfo
    public let regions: RegionSet
    public let timeline: Timeline
    /// Where warnings (repairs, fallbacks) go; the CLI prints them to stderr.
    public let warn: @Sendable (String) -> Void
    /// The baseline as plain coordinates, read once: any thread can rebuild it as a GEOS
    /// geometry without parsing and repairing the file again.
    private let baselineCache = Locked<(polygons: [[[Position]]], wholeRegions: Set<String>)??>(nil)
    /// The figure stores read in this process, by context (`Dataset+Figures`).
    let figureStores = Locked<[UInt32: FigureStore]>([:])
    /// The figures' contexts computed in this process, by rule and basis (`Dataset+Figures`).
    let figureContexts = Locked<[String: UInt32]>([:])
    /// The wording catalogues read in this process, by language code (`Dataset+Language`).
    let wordings = Locked<[String: Wording]>([:])
    /// The change figure stores read in this process, by context (`Dataset+ChangeFigures`).
    let changeStores = Locked<[UInt32: ChangeFigureStore]>([:])
    /// The administrative units of `--basis admin`, read when first asked for (`Basis`). Like
    /// `regions`, their geometries are used by one thread at a time (other threads measure
    /// with portable copies); the Handoff only carries them across the lock.
    let adminRegions = Locked<Handoff<RegionSet>?>(nil)

    public init(folder: URL, warn: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.folder = folder
        self.warn = warn
        let infoURL = folder.appendingPathComponent("dataset.json")
        do {
            info = try JSONDecoder().decode(DatasetInfo.self, from: Data(contentsOf: infoURL))
        } catch let e as DecodingError {
            throw FrontlineError.badData("\(infoURL.path): \(Dataset.describe(e))")
        } catch {
            throw FrontlineError.missingInput("cannot read \(infoURL.path)")
        }
        if let problem = info.numberProblem { throw FrontlineError.badData("\(infoURL.path): \(problem)") }
        var regions = try RegionSet.load(folder.appendingPathComponent("regions.geojson"), languages: info.languageList, validated: info.regionsChecksum, warn: warn)
        let read = info
        regions.abroad = read.heldAbroadCountries.map { table in
            AbroadLand(folder: folder, countries: Dictionary(uniqueKeysWithValues: table.keys.map { ($0, read.countryNames($0)) }))
        }
        self.regions = regions
        timeline = Timeline(try Dataset.scanSnapshots(folder.appendingPathComponent("snapshots")), periods: info.sourcePeriods ?? [])
    }

    /// Opens the dataset `--data-dir` / `$FRONTLINE_DATA` / the bundled GeoData points to.
    public static func open(dataDir: String?, warn: @escaping @Sendable (String) -> Void = { _ in }) throws -> Dataset {
        try Dataset(folder: DataDirectory.locate(explicit: dataDir), warn: warn)
    }

    /// Reads the snapshot a timeline entry points to, with the baseline added for sources
    /// that leave out what was held before 2022.
    public func snapshot(_ ref: SnapshotRef) throws -> Snapshot {
        let s = try readSnapshot(ref)
        // The file's name places it on the timeline; a date member that says otherwise is a
        // misplaced or damaged file, and using it would put its figures on the wrong day.
        guard s.date == ref.date else {
            throw FrontlineError.badData("\(ref.location): its 'date' member is \(s.date), its file name says \(ref.date)")
        }
        guard info.sources.first(where: { $0.id == ref.source })?.addsBaseline == true else { return s }
        // A source that leaves out what was held before 2022 measures 30 % low without the
        // baseline: a missing file is an error, never a smaller figure.
        guard let baseline = try baselineWithRegions() else {
            throw FrontlineError.missingInput("\(folder.appendingPathComponent(Baseline.fileName).path) is missing: dataset.json says source '\(ref.source)' needs it")
        }
        var layers = s.layers
        do {
            let g = try Geometry.multiPolygon(coordinates: baseline.polygons)
            layers[.occupied] = try layers[.occupied].map { try $0.union(g) } ?? g
        } catch {
            throw FrontlineError.badData(in: ref.location, error)
        }
        return Snapshot(date: s.date, source: s.source, layers: layers, since: s.since, whollyOccupied: baseline.wholeRegions)
    }

    /// The territory held before 2022 (`baseline.geojson`), nil when the dataset has none.
    public func baselinePolygons() throws -> [[[Position]]]? { try baselineWithRegions()?.polygons }

    /// The baseline's polygons and the regions it holds whole, read once.
    private func baselineWithRegions() throws -> (polygons: [[[Position]]], wholeRegions: Set<String>)? {
        if let cached = baselineCache.value { return cached }
        let loaded = try Baseline.loadWithRegions(folder).map { (polygons: $0.geometry.polygons, wholeRegions: $0.wholeRegions) }
        baselineCache.update { $0 = .some(loaded) }
        return loaded
    }

    /// Attribution lines for a map or table using `sources` (snapshot sources by id); for
    /// `figuresOnly` (a chart) only the lines of what the figures are measured with.
    /// Lines sharing a prefix ("Control: ") are joined: "Control: DeepStateMap.Live, Liveuamap / NZZ".
    public func attribution(for sources: [String], figuresOnly: Bool = false) -> [String] {
        let named = info.sources.filter { sources.contains($0.id) }.map(\.attribution)
        let prefix = "Control: "
        let control = named.filter { $0.hasPrefix(prefix) }
        let joined = control.count > 1 ? [prefix + control.map { String($0.dropFirst(prefix.count)) }.joined(separator: ", ")] : control
        return joined + named.filter { !$0.hasPrefix(prefix) } + (figuresOnly ? info.figureAttribution ?? info.attribution : info.attribution)
    }

    /// The snapshot file's content of `ref`, from its file or its pack.
    private func readSnapshot(_ ref: SnapshotRef) throws -> Snapshot {
        guard let n = ref.packEntry else { return try SnapshotFile.read(URL(fileURLWithPath: ref.path), warn: warn) }
        let fc = try SnapshotPack.open(URL(fileURLWithPath: ref.path)).collection(n)
        return try SnapshotFile.snapshot(fc, file: ref.location, folderSource: ref.source, warn: warn)
    }

    /// Every entry of `snapshots/<source>.pack` and every `snapshots/<source>/YYYY-MM-DD.geojson`;
    /// a file stands for its date over the pack's entry (what `import` adds to a packed
    /// dataset wins); other files are ignored. A damaged pack is an error.
    static func scanSnapshots(_ dir: URL) throws -> [SnapshotRef] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return [] }
        // Keyed by source and day: a file beside a pack stands for the pack's entry.
        struct Slot: Hashable { let source: String; let day: Int }
        var refs: [Slot: SnapshotRef] = [:]
        for name in names.sorted() where name.hasSuffix("." + SnapshotPackFormat.fileExtension) && !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name), source = url.deletingPathExtension().lastPathComponent
            let pack = try SnapshotPack.open(url)
            for (n, date) in pack.dates.enumerated() {
                refs[Slot(source: source, day: date.daysSinceEpoch)] = SnapshotRef(date: date, source: source, path: url.path, packEntry: n)
            }
        }
        for source in names where !source.hasPrefix(".") {
            let sdir = dir.appendingPathComponent(source)
            for name in (try? fm.contentsOfDirectory(atPath: sdir.path)) ?? [] where name.hasSuffix(".geojson") {
                guard let date = DayDate(String(name.dropLast(".geojson".count))) else { continue }
                refs[Slot(source: source, day: date.daysSinceEpoch)] = SnapshotRef(date: date, source: source, path: sdir.appendingPathComponent(name).path)
            }
        }
        return Array(refs.values)
    }

    private static func describe(_ e: DecodingError) -> String {
        switch e {
        case .keyNotFound(let k, _): return "missing member '\(k.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "wrong type at '\(c.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted(let c): return c.debugDescription
        @unknown default: return "invalid"
        }
    }
}
