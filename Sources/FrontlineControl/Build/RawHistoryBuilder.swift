import Foundation
import FrontlineGeo
import FrontlineSupport

/// DeepState's history from the full exports. Before the first daily file, and on a day the
/// daily archive misses, an export is the snapshot of its date (every export from `from`;
/// exports the checks flag are left out).
/// While the daily files run alongside the exports, a daily snapshot keeps its own occupied
/// layer and takes the grey zone, the liberated land and the land held abroad from the newest
/// export at most `statusAgeDays` old (`combine`): every status for as long as the source has it.
struct RawHistoryBuilder {
    let output: URL
    let log: (String) -> Void
    /// The first export bundled (the recipe's `rawFrom`).
    var from: DayDate
    /// How old an export's statuses may be to complete a daily snapshot: the weekly archive's step.
    var statusAgeDays = 7

    func build(from folder: URL) throws {
        let regions = try RegionSet.load(output.appendingPathComponent("regions.geojson"))
        let dir = output.appendingPathComponent("snapshots/\(DeepStateRawImporter.sourceID)")
        let exports = try DeepStateRawImporter.files(in: folder).map { url in
            (url: url, date: DeepStateRawImporter.date(ofExport: DeepStateRawImporter.exportTime(ofFile: url.lastPathComponent)!))
        }.filter { $0.date >= from }
        let daily = try dailyDates()
        let importer = try DeepStateRawImporter(regions: regions)
        var snapshots: [Snapshot] = []
        for (n, e) in exports.enumerated() {
            if let s = try importer.read(e.url, note: log).snapshots.first { snapshots.append(s) }
            if (n + 1) % 50 == 0 { log("read \(n + 1) of \(exports.count) exports") }
        }
        let flagged = Set(try SnapshotCheck().run(snapshots, regions: regions, baseline: try Baseline.load(output)).map {
            log("left out: \($0)")
            return $0.date
        })
        let usable = snapshots.filter { !flagged.contains($0.date) }
        try AtomicFile.makeFolder(dir)
        // An export stands for its date before the daily files, and on a day the daily archive
        // misses (2024-08-18 in the Kursk window): a snapshot of the source either way.
        let dailySet = Set(daily)
        let own = usable.filter { $0.date < daily.first! || !dailySet.contains($0.date) }
        for s in own {
            try AtomicFile.write(try SnapshotFile.data(s), to: dir.appendingPathComponent("\(s.date).geojson"))
        }
        // The export of the eve of the first daily file completes that file too.
        let combined = try combine(daily: daily, exports: usable, in: dir)
        log("snapshots/\(DeepStateRawImporter.sourceID): \(own.count) exports of their own (before \(daily.first!) or on a day without a daily file), \(combined) daily snapshots completed with an export's statuses")
    }

    /// Completes each daily snapshot with the statuses of the newest export on or before its
    /// date and at most `statusAgeDays` older. The layers stay disjoint: the daily occupied
    /// layer wins over the export's grey zone, both over liberated land.
    func combine(daily: [DayDate], exports: [Snapshot], in dir: URL) throws -> Int {
        var count = 0
        for d in daily {
            guard let e = exports.last(where: { $0.date <= d }), e.date.days(to: d) <= statusAgeDays else { continue }
            let url = dir.appendingPathComponent("\(d).geojson")
            let s = try SnapshotFile.read(url)
            guard let occupied = s.layers[.occupied] else { continue }
            var layers = e.layers
            layers[.occupied] = occupied
            try AtomicFile.write(try SnapshotFile.data(Snapshot(date: d, source: s.source, layers: try Snapshot.disjoint(layers), since: s.since)), to: url)
            count += 1
        }
        return count
    }

    /// The daily snapshots `--deepstate` has just written (the folder starts empty), by date.
    func dailyDates() throws -> [DayDate] {
        let dates = try Dataset.scanSnapshots(output.appendingPathComponent("snapshots"))
            .filter { $0.source == DeepStateRawImporter.sourceID && $0.packEntry == nil }.map(\.date).sorted()
        guard !dates.isEmpty else {
            throw FrontlineError.missingInput("--deepstate-raw needs the daily DeepState snapshots first (--deepstate): they say where the exports stop")
        }
        return dates
    }
}
