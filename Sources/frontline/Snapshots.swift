import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

extension Frontline {
    struct Snapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snapshots",
            abstract: "List the snapshots: sources, dates and gaps; or check them.",
            discussion: """
            --check looks for area spikes against both neighbours and for territory held before 2022 \
            left out, in the dataset's snapshots or, given PATHs, in outside files read as `import` \
            would read them (deepstate daily, deepstate-raw and nzz files are told apart by their \
            names) without writing anything. Exit 1 when a problem is found.
            """)

        @OptionGroup var data: DataOptions

        @Argument(help: ArgumentHelp("With --check: outside files or folders to check instead of the dataset.", valueName: "path"))
        var paths: [String] = []

        @Option(help: ArgumentHelp("Only this source.", valueName: "source"))
        var source: String?

        @Option(help: "Output format.")
        var format: TextFormat = .table

        @Flag(help: "List every date, not only the summary per source.")
        var dates = false

        @Flag(help: "Check the snapshots (see above). Exit 1 when a problem is found.")
        var check = false

        @Flag(help: "Measure every snapshot not yet measured and store the figures with the dataset (figures.bin), as `import` does.")
        var storeFigures = false

        @Flag(help: "Move the snapshot files of each source (snapshots/<source>/*.geojson) into its pack (snapshots/<source>.pack).")
        var pack = false

        @Option(help: ArgumentHelp("Write every snapshot (of --source, from --from to --to) as GeoJSON files DIR/<source>/YYYY-MM-DD.geojson.", valueName: "dir"))
        var export: String?

        @Option(help: ArgumentHelp("With --export: the first date.", valueName: "date"))
        var from: DayDate?

        @Option(help: ArgumentHelp("With --export: the last date.", valueName: "date"))
        var to: DayDate?

        func validate() throws {
            let commands = [storeFigures, pack, export != nil, check].filter { $0 }.count
            if commands > 1 { throw ValidationError("--store-figures, --pack, --export and --check are commands of their own: give one") }
            if (from != nil || to != nil) && export == nil { throw ValidationError("--from and --to go with --export") }
            if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
            if !paths.isEmpty && !check { throw ValidationError("paths are only read with --check") }
            if storeFigures && (check || dates) { throw ValidationError("--store-figures is a command of its own: leave out --check and --dates") }
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                if storeFigures {
                    let n = try dataset.storeFigures { done, total in Console.progress("measuring", done, total) }
                    Console.endProgress()
                    try Console.out("figures of \(n) snapshots in \(dataset.figuresFile.path)\n")
                    return
                }
                if pack { return try packFiles(dataset) }
                if let export { return try exportFiles(dataset, to: export) }
                if check {
                    let (problems, count) = paths.isEmpty ? try checkDataset(dataset) : try checkFiles(dataset)
                    for p in problems { try Console.out("\(p)\n") }
                    if paths.isEmpty && source == nil { try Console.out(try coverage(dataset)) }
                    try Console.out("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(count) snapshots\n")
                    if !problems.isEmpty { throw ExitCode(1) }
                    return
                }
                try Console.out(SnapshotListing(timeline: dataset.timeline, sources: try sources(dataset)).render(format: format.rawValue, allDates: dates))
            }
        }

        /// `--pack`: each source's snapshot files into its pack.
        func packFiles(_ dataset: Dataset) throws {
            for s in try sources(dataset) {
                let n = try SnapshotPacker.pack(snapshots: dataset.folder.appendingPathComponent("snapshots"), source: s)
                try Console.out("\(s): \(n) snapshots in snapshots/\(s).pack\n")
            }
        }

        /// `--export DIR`: the snapshots of the period as files, packed or not.
        func exportFiles(_ dataset: Dataset, to folder: String) throws {
            let refs = try sources(dataset).flatMap { dataset.timeline.bySource[$0] ?? [] }
                .filter { ref in from.map { ref.date >= $0 } ?? true }.filter { ref in to.map { ref.date <= $0 } ?? true }
            guard !refs.isEmpty else {
                throw FrontlineError.missingInput("no snapshots between \(from?.description ?? "the first") and \(to?.description ?? "the last")")
            }
            try SnapshotPacker.export(refs, to: URL(fileURLWithPath: folder)) { Console.progress("exporting", $0, $1) }
            Console.endProgress()
            try Console.out("\(refs.count) snapshots written to \(folder)\n")
        }

        /// What a date can get: the largest snapshot age over the record, and the step at
        /// each switch of the standing source.
        func coverage(_ dataset: Dataset) throws -> String {
            var lines: [String] = []
            if let age = dataset.timeline.largestAge() {
                lines.append("largest snapshot age: \(age.days) day\(age.days == 1 ? "" : "s") (on \(age.on))")
            }
            lines += try dataset.sourceSwitches().map(\.description)
            return lines.map { $0 + "\n" }.joined()
        }

        func sources(_ dataset: Dataset) throws -> [String] {
            guard let s = source else { return dataset.timeline.sources }
            guard dataset.timeline.bySource[s] != nil else {
                throw FrontlineError.usage("unknown source '\(s)'; sources: \(dataset.timeline.sources.joined(separator: ", "))")
            }
            return [s]
        }

        func checkDataset(_ dataset: Dataset) throws -> ([SnapshotCheck.Problem], Int) {
            let count = try sources(dataset).map { dataset.timeline.bySource[$0]?.count ?? 0 }.reduce(0, +)
            return (try SnapshotCheck().run(dataset, source: source), count)
        }

        /// Outside files, grouped by format (each format is a source of its own), read in memory.
        func checkFiles(_ dataset: Dataset) throws -> ([SnapshotCheck.Problem], Int) {
            var byFormat: [ImportFormat: [URL]] = [:]
            for path in paths {
                let isFolder = try InputPath.isFolder(path)
                let urls = isFolder
                    ? try InputPath.names(in: URL(fileURLWithPath: path)).sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0) }
                    : [URL(fileURLWithPath: path)]
                for url in urls {
                    guard let f = ImportFormat.detect(url.lastPathComponent) else {
                        if !isFolder { throw FrontlineError.usage("\(url.lastPathComponent): not a deepstate, deepstate-raw or nzz file name") }
                        continue
                    }
                    byFormat[f, default: []].append(url)
                }
            }
            guard !byFormat.isEmpty else { throw FrontlineError.missingInput("no files to check in \(paths.joined(separator: ", "))") }
            var problems: [SnapshotCheck.Problem] = []
            var count = 0
            let baseline = try dataset.baselinePolygons().map { try Geometry.multiPolygon(coordinates: $0) }
            for (format, urls) in byFormat.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let importer = try SnapshotImporter(format: format, regions: dataset.regions)
                let files = format == .deepstateRaw ? DeepStateRawImporter.lastOfEachDay(urls) : urls
                var snapshots: [Snapshot] = []
                for (n, url) in files.enumerated() {
                    snapshots += try importer.read(url, note: { _ in }).snapshots
                    Console.progress("reading \(format.rawValue)", n + 1, files.count)
                }
                let addsBaseline = dataset.info.sources.first { $0.id == importer.source }?.addsBaseline == true
                problems += try SnapshotCheck().run(snapshots, regions: dataset.regions, baseline: addsBaseline ? nil : baseline)
                count += snapshots.count
            }
            return (problems, count)
        }
    }
}
