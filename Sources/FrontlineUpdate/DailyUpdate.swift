import Foundation
import FrontlineControl
import FrontlineSupport

/// Brings a dataset's daily snapshots up to date from an archive of DeepState daily files
/// (`deepstatemap_data_YYYYMMDD.geojson` under one URL, as in the `data/` folder of
/// github.com/cyterat/deepstate-map-data).
///
/// Each missing day is fetched into a cache beside the store (`.update/<source>/`), written
/// whole or not at all, and read by the importer as soon as it arrives (a corrupt file is
/// refused, named, and not kept). Only when every day has been fetched are the snapshots staged
/// and moved into the store in one step: a dropped connection or a bad file leaves the store
/// as it was, and the next run fetches only the days not yet in the cache.
public struct DailyUpdate {
    public static let defaultURL = URL(string: "https://raw.githubusercontent.com/cyterat/deepstate-map-data/main/data/")!

    public let dataset: Dataset
    public let base: URL
    public let source: String
    public var fetcher = HTTPFetcher()
    /// A full DeepState export (`<unix-seconds>.geojson`) to fetch and import too: it has the
    /// grey zone and liberated land the daily files leave out, and replaces a daily snapshot
    /// of its day.
    public var exportURL: URL?

    public init(dataset: Dataset, base: URL = DailyUpdate.defaultURL, source: String = DeepStateDailyImporter.sourceID) {
        self.dataset = dataset
        self.base = base.absoluteString.hasSuffix("/") ? base : base.appendingPathComponent("")
        self.source = source
    }

    public struct Outcome: Sendable {
        public let since: DayDate
        public let until: DayDate
        public let imported: [DayDate]
        /// Days the archive has no file for (it has gaps).
        public let missing: [DayDate]
    }

    var cache: URL { dataset.folder.appendingPathComponent(".update/\(source)") }

    static func fileName(_ d: DayDate) -> String {
        let c = d.components
        return String(format: "deepstatemap_data_%04d%02d%02d.geojson", c.year, c.month, c.day)
    }

    /// Fetches and imports every day after the source's newest snapshot up to `until`.
    public func run(until: DayDate, note: (String) -> Void = { _ in }, progress: (Int, Int) -> Void = { _, _ in }) throws -> Outcome {
        guard let newest = dataset.timeline.bySource[source]?.last?.date else {
            throw FrontlineError.missingInput("the dataset has no '\(source)' snapshots to update from")
        }
        let days = stride(from: newest.daysSinceEpoch + 1, through: until.daysSinceEpoch, by: 1).map(DayDate.init(daysSinceEpoch:))
        guard !days.isEmpty || exportURL != nil else { return Outcome(since: newest, until: until, imported: [], missing: []) }
        try AtomicFile.makeFolder(cache)
        let export = try exportURL.map(fetchExport)
        var have: [DayDate] = [], missing: [DayDate] = []
        for (i, d) in days.enumerated() {
            defer { progress(i + 1, days.count) }
            if try fetch(d) { have.append(d) } else { missing.append(d) }
        }
        if have.isEmpty && !days.isEmpty { try checkArchive(newest) }
        for d in missing { note("no file for \(d) in the archive (it has gaps)") }
        let imported = try importCached(have, export: export)
        for d in have { try? FileManager.default.removeItem(at: cache.appendingPathComponent(Self.fileName(d))) }
        if let export { try? FileManager.default.removeItem(at: export) }
        return Outcome(since: newest, until: until, imported: imported, missing: missing)
    }

    /// One day into the cache, checked by the importer; false when the archive has no file.
    private func fetch(_ d: DayDate) throws -> Bool {
        let name = Self.fileName(d)
        let cached = cache.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: cached.path) { return true }  // fetched by an earlier run
        let url = base.appendingPathComponent(name)
        guard case .body(let data) = try fetcher.get(url) else { return false }
        // Read before it is kept: a corrupt or truncated file never reaches the cache. The
        // importer knows a daily file by its name, so the probe keeps it, in a folder of its own.
        let incoming = cache.appendingPathComponent(".incoming-\(getpid())")
        try AtomicFile.makeFolder(incoming)
        defer { try? FileManager.default.removeItem(at: incoming) }
        let probe = incoming.appendingPathComponent(name)
        try AtomicFile.write(data, to: probe)
        do { _ = try DeepStateDailyImporter.read(probe) } catch {
            throw FrontlineError.badData("\(url.absoluteString): \(error)")
        }
        try FileManager.default.moveItem(at: probe, to: cached)
        return true
    }

    /// The full export, checked by the raw importer, into the cache under its own name (the
    /// importer reads the export's time from it).
    private func fetchExport(_ url: URL) throws -> URL {
        let name = url.lastPathComponent
        guard DeepStateRawImporter.exportTime(ofFile: name) != nil else {
            throw FrontlineError.usage("--export-url must name a DeepState export, <unix-seconds>.geojson, not '\(name)'")
        }
        let kept = cache.appendingPathComponent("exports/\(name)")
        if FileManager.default.fileExists(atPath: kept.path) { return kept }
        guard case .body(let data) = try fetcher.get(url) else {
            throw FrontlineError.missingInput("no DeepState export at \(url.absoluteString) (HTTP 404)")
        }
        let incoming = cache.appendingPathComponent(".incoming-\(getpid())")
        try AtomicFile.makeFolder(incoming)
        defer { try? FileManager.default.removeItem(at: incoming) }
        let probe = incoming.appendingPathComponent(name)
        try AtomicFile.write(data, to: probe)
        do { _ = try SnapshotImporter(format: .deepstateRaw, source: source, regions: dataset.regions).read(probe, note: { _ in }) } catch {
            throw FrontlineError.badData("\(url.absoluteString): \(error)")
        }
        try AtomicFile.makeFolder(kept.deletingLastPathComponent())
        try FileManager.default.moveItem(at: probe, to: kept)
        return kept
    }

    /// With no file for any day, the URL must still hold the archive: the file of the newest
    /// snapshot must be there. Otherwise the URL is wrong, and saying "up to date" would lie.
    private func checkArchive(_ newest: DayDate) throws {
        let url = base.appendingPathComponent(Self.fileName(newest))
        guard case .body = try fetcher.get(url) else {
            throw FrontlineError.missingInput("\(base.absoluteString) holds no DeepState daily files (not even \(Self.fileName(newest))): is it the archive's data/ folder?")
        }
    }

    /// The cached days, imported in one atomic step.
    private func importCached(_ days: [DayDate], export: URL?) throws -> [DayDate] {
        guard !days.isEmpty || export != nil else { return [] }
        let importer = try SnapshotImporter(format: .deepstate, source: source, regions: dataset.regions)
        let staging = try SnapshotStaging(dataset: dataset.folder, source: source)
        do {
            for d in days {
                let file = try importer.read(cache.appendingPathComponent(Self.fileName(d)), note: { _ in })
                for s in file.snapshots { try staging.add(s) }
            }
            // Staged last: the export replaces the daily snapshot of its day.
            if let export {
                let raw = try SnapshotImporter(format: .deepstateRaw, source: source, regions: dataset.regions)
                for s in try raw.read(export, note: { _ in }).snapshots { try staging.add(s) }
            }
        } catch {
            staging.discard()
            throw error
        }
        let outcome = try staging.commit()
        return (outcome.written + outcome.unchanged).sorted()
    }
}
