import Foundation
import FrontlineGeo
import FrontlineSupport

/// DeepState's history before its daily files, from the full exports: from `from` (October
/// 2022, where the Liveuamap history hands over) until the day before the first daily
/// snapshot, the sparsest set with no gap over `maxGapDays`, plus the exports that stand for
/// the dates the documentation quotes. Exports the checks flag are left out.
struct RawHistoryBuilder {
    let output: URL
    let log: (String) -> Void
    /// The first export bundled, and the dates whose export on or before is always bundled
    /// (the recipe's `rawFrom` and `keepRawDates`).
    var from: DayDate
    var quotedDates: [DayDate]
    /// 28: every second export of the fortnightly archive, inside the 31 days and
    /// GeoData's 25 MB.
    var maxGapDays = 28

    func build(from folder: URL) throws {
        let regions = try RegionSet.load(output.appendingPathComponent("regions.geojson"))
        let dir = output.appendingPathComponent("snapshots/\(DeepStateRawImporter.sourceID)")
        let exports = try DeepStateRawImporter.files(in: folder).map { url in
            (url: url, date: DeepStateRawImporter.date(ofExport: DeepStateRawImporter.exportTime(ofFile: url.lastPathComponent)!))
        }
        let firstDaily = try self.firstDaily(besides: Set(exports.map(\.date)))
        let importer = try DeepStateRawImporter(regions: regions)
        let snapshots = try exports.filter { $0.date >= from && $0.date < firstDaily }.compactMap {
            try importer.read($0.url, note: log).snapshots.first
        }
        let flagged = Set(try SnapshotCheck().run(snapshots, regions: regions, baseline: try Baseline.load(output)).map {
            log("left out: \($0)")
            return $0.date
        })
        let usable = snapshots.filter { !flagged.contains($0.date) }
        let always = Set(quotedDates.compactMap { q in usable.map(\.date).filter { $0 <= q }.max() })
        let keep = Set(SnapshotSelection(maxGapDays: maxGapDays, always: always).select(usable.map(\.date)))
        try AtomicFile.makeFolder(dir)
        for s in usable where keep.contains(s.date) {
            try AtomicFile.write(try SnapshotFile.data(s), to: dir.appendingPathComponent("\(s.date).geojson"))
        }
        log("snapshots/\(DeepStateRawImporter.sourceID): \(keep.count) of \(snapshots.count) exports from \(from) to \(firstDaily.adding(days: -1))")
    }

    /// Where the daily files take over: the first DeepState snapshot in the folder that is
    /// not on an export's date (those are this builder's own output of an earlier run).
    func firstDaily(besides exportDates: Set<DayDate>) throws -> DayDate {
        let dates = try Dataset.scanSnapshots(output.appendingPathComponent("snapshots"))
            .filter { $0.source == DeepStateRawImporter.sourceID && !exportDates.contains($0.date) }.map(\.date)
        guard let first = dates.min() else {
            throw FrontlineError.missingInput("--deepstate-raw needs the daily DeepState snapshots first (--deepstate): they say where the exports stop")
        }
        return first
    }
}
