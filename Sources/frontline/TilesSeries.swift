import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport
import FrontlineTiles

extension Frontline.Tiles {
    /// `frontline tiles series`: a pyramid per snapshot of a period in one folder for static
    /// hosting, tiles unchanged since the previous date stored once, and a TileJSON with the dates.
    struct Series: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "series",
            abstract: "Tile pyramids of every snapshot of a period in one folder: DIR/<date>/{z}/{x}/{y}.pbf|png and DIR/tilejson.json with the dates.",
            discussion: """
            Each folder is named by the date of its snapshot (the date of the data). A tile whose \
            bytes equal the previous date's is a hard link to it, stored once. DIR/tilejson.json \
            (TileJSON 3.0) points at the newest date and lists every date in `dates`, with \
            `date_tiles` the URL template for any of them; vector series also get a style.json, \
            at the top and in each date's folder.
            """)

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("First date (YYYY-MM-DD).", valueName: "date"))
        var from: DayDate

        @Option(help: ArgumentHelp("Last date (YYYY-MM-DD).", valueName: "date"))
        var to: DayDate

        @Option(help: ArgumentHelp("Days between dates, e.g. 7d or 1w; 1d takes every snapshot.", valueName: "interval"))
        var every: DayInterval = DayInterval(argument: "1d")!

        @Option(help: ArgumentHelp("Zoom levels, e.g. 0-8 or 6.", valueName: "z0-z1"))
        var zoom: ZoomRange

        @Option(help: "png (raster) or mvt (Mapbox Vector Tiles 2.1).")
        var format: TileFormat = .mvt

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder of the series.", valueName: "dir"))
        var output: String

        @Option(help: ArgumentHelp("The URL the folder is served at, for tilejson.json and style.json.", valueName: "url"))
        var url: String?

        @Option(help: ArgumentHelp("Threads (default: all cores).", valueName: "n"))
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: ArgumentHelp("Snapshot source.", valueName: "source"))
        var source: String?

        func validate() throws {
            if from > to { throw ValidationError("--from \(from) is after --to \(to)") }
            if every.days < 1 { throw ValidationError("--every must be at least 1 day, e.g. 7d") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if format == .mvt, !VectorPyramid.zoomLimit.contains(zoom.range.upperBound) {
                throw ValidationError("vector tiles go from zoom 0 to 16, not \(zoom.range.lowerBound)-\(zoom.range.upperBound)")
            }
        }

        /// The distinct snapshots standing for the dates of the period, oldest first.
        func snapshotDates(_ dataset: Dataset) throws -> [DayDate] {
            var dates: [DayDate] = [], day = from
            while day <= to {
                let ref = try dataset.timeline.snapshot(asOf: day, source: source).ref
                if dates.last != ref.date { dates.append(ref.date) }
                day = day.adding(days: every.days)
            }
            return dates
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let dates = try snapshotDates(dataset)
                let ext = format == .mvt ? "pbf" : "png"
                let series = try TileSeriesFolder(folder: URL(fileURLWithPath: output), fileExtension: ext)
                let extent = dataset.info.extentEnvelope
                let base = url.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
                let started = Date()
                do {
                    var files: [String: Data] = [:]
                    for (i, date) in dates.enumerated() {
                        let sink = try series.sink(for: date.description)
                        let job = TileJob(dataset: dataset, date: date, source: source, extent: extent, zooms: zoom.range, jobs: jobs)
                        let progress: @Sendable (Int, Int) -> Void = { done, total in Console.progress("\(date) (\(i + 1)/\(dates.count))", done, total) }
                        if format == .mvt {
                            // The date is the folder's: per-feature snapshot fields would change every tile.
                            let (_, m) = try job.vector(gzip: false, dropping: ["snapshot", "source"], to: sink, progress: progress)
                            let folder = base + "\(date)/"
                            try AtomicFile.write(Data(TileJSON.document(m, tiles: folder + "{z}/{x}/{y}.pbf", date: date.description).utf8),
                                                 to: sink.folder.appendingPathComponent("tilejson.json"))
                            try AtomicFile.write(Data(TileJSON.style(m, tileJSON: folder + "tilejson.json", palette: .light).utf8), to: sink.folder.appendingPathComponent("style.json"))
                            files = webFiles(m, dates: dates, base: base)
                        } else {
                            let (_, state) = try job.raster(overlay: false, scale: 1, shard: (0, 1), to: sink, progress: progress)
                            let m = TileMetadata(name: "Frontline \(dataset.info.title) series", description: "Territorial control, \(dates.count) dates",
                                                 attribution: dataset.attribution(for: [state.source]).joined(separator: " · "),
                                                 bounds: extent, minZoom: zoom.range.lowerBound, maxZoom: zoom.range.upperBound, overlay: false)
                            files = webFiles(m, dates: dates, base: base)
                        }
                        try series.added(date.description)
                    }
                    Console.endProgress()
                    try series.finish(files: files)
                } catch {
                    series.discard()
                    throw error
                }
                let t = series.tally
                Console.note("wrote \(dates.count) dates, \(t.tiles) tiles in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; "
                             + "\(t.linked) unchanged from the previous date stored once (\(t.linkedBytes / 1024) of \(t.bytes / 1024) KiB)")
            }
        }

        /// The series' TileJSON (the newest date, every date) and, for vector tiles, its style.
        func webFiles(_ m: TileMetadata, dates: [DayDate], base: String) -> [String: Data] {
            let newest = dates.last!.description, ext = format == .mvt ? "pbf" : "png"
            let doc = TileJSON.document(m, tiles: base + newest + "/{z}/{x}/{y}." + ext, date: newest,
                                        dates: dates.map(\.description), dateTiles: base + "{date}/{z}/{x}/{y}." + ext)
            var files = ["tilejson.json": Data(doc.utf8)]
            if format == .mvt { files["style.json"] = Data(TileJSON.style(m, tileJSON: base + "tilejson.json", palette: .light).utf8) }
            return files
        }
    }
}
