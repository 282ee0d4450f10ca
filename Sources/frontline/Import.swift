import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

extension Frontline {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Convert outside archives into the dataset's snapshots (one file per date and source).",
            discussion: """
            Formats:
              deepstate      DeepStateMap daily files (deepstatemap_data_YYYYMMDD.geojson), or the unified \
            deepstate-map-data.geojson(.gz) with one feature per date
              deepstate-raw  full DeepStateMap exports (<unix-seconds>.geojson): occupied, contested and \
            liberated layers by tag or fill colour; the last export of each UTC day is kept
              nzz            NZZ/Liveuamap files (YYYY-MM-DD.json)
              geojson        any FeatureCollection; give --date or --date-property, optionally --status-property
            PATH may be files or folders. Invalid rings are repaired (--strict: refused). The import is \
            atomic: snapshots are staged and moved into the store only when every input has been read; \
            importing the same file again changes nothing. The new snapshots are then checked (area \
            spikes, territory held before 2022 left out) and problems are printed as warnings.
            """)

        @Argument(help: "Format of the files: deepstate, deepstate-raw, nzz or geojson.")
        var format: ImportFormat

        @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "path"))
        var paths: [String]

        @Option(help: ArgumentHelp("Source name, the folder under snapshots/ (default: deepstate, liveuamap or geojson).", valueName: "name"))
        var source: String?

        @Option(help: ArgumentHelp("geojson: the date every feature shows.", valueName: "YYYY-MM-DD"))
        var date: DayDate?

        @Option(help: ArgumentHelp("geojson: the feature property holding its date.", valueName: "name"))
        var dateProperty: String?

        @Option(help: ArgumentHelp("geojson: the feature property holding occupied, contested or liberated (default: all occupied).", valueName: "name"))
        var statusProperty: String?

        @Flag(help: "Refuse invalid polygons instead of repairing them.")
        var strict = false

        @Flag(help: "Skip the checks after the import.")
        var noCheck = false

        @OptionGroup var data: DataOptions

        func validate() throws {
            if paths.isEmpty { throw ValidationError("name the files or folders to import") }
            if format == .geojson && date == nil && dateProperty == nil {
                throw ValidationError("geojson needs --date YYYY-MM-DD or --date-property NAME")
            }
            if let s = source, s.isEmpty || s.hasPrefix(".") || !s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                throw ValidationError("--source must be a plain name (letters, digits, - and _), got '\(s)'")
            }
        }

        func run() throws {
            try Console.run {
                let started = Date()
                let dataset = try data.open()
                var importer = try SnapshotImporter(format: format, source: source, regions: dataset.regions)
                importer.strict = strict
                importer.date = date
                importer.dateProperty = dateProperty
                importer.statusProperty = statusProperty
                let inputs = try ImportInputs.files(paths, format: format)
                let staging = try SnapshotStaging(dataset: dataset.folder, source: importer.source)
                var count = 0
                do {
                    for (n, url) in inputs.enumerated() {
                        let file = try importer.read(url, note: Console.warn)
                        for s in file.snapshots { try staging.add(s) }
                        count += file.snapshots.count
                        Console.progressLine("[\(n + 1)/\(inputs.count)] \(file.summary)")
                    }
                } catch {
                    staging.discard()
                    throw error
                }
                Console.endProgress()
                let outcome = try staging.commit()
                try Console.out(String(format: "imported %d snapshot%@ from %d file%@ into %@: %d written, %d unchanged (%.1f s)\n",
                                   count, count == 1 ? "" : "s", inputs.count, inputs.count == 1 ? "" : "s",
                                   staging.target.path, outcome.written.count, outcome.unchanged.count, Date().timeIntervalSince(started)))
                if !noCheck { try check(dataset.folder, importer.source, Set(outcome.written + outcome.unchanged)) }
                StoredFigures.refresh(dataset.folder)
            }
        }

        /// The checks of `snapshots --check` on the imported dates, as warnings.
        private func check(_ folder: URL, _ source: String, _ dates: Set<DayDate>) throws {
            let problems = try SnapshotCheck().run(try Dataset(folder: folder), source: source).filter { dates.contains($0.date) }
            for p in problems { Console.warn("check: \(p)") }
        }
    }
}

extension ImportFormat: ExpressibleByArgument {}

/// The input files named on the command line: files as given, folders expanded by format.
enum ImportInputs {
    static func files(_ paths: [String], format: ImportFormat) throws -> [URL] {
        let urls = try paths.flatMap { p -> [URL] in
            try InputPath.isFolder(p) ? try format.files(in: URL(fileURLWithPath: p)) : [URL(fileURLWithPath: p)]
        }
        guard !urls.isEmpty else { throw FrontlineError.missingInput("no \(format.rawValue) files in \(paths.joined(separator: ", "))") }
        // Raw exports: only the last of each day is read (files named otherwise are refused
        // by the importer, so they are kept for it to say so).
        if format == .deepstateRaw {
            let others = urls.filter { DeepStateRawImporter.exportTime(ofFile: $0.lastPathComponent) == nil }
            let kept = DeepStateRawImporter.lastOfEachDay(urls)
            let dropped = urls.count - others.count - kept.count
            if dropped > 0 { Console.note("\(dropped) earlier export\(dropped == 1 ? "" : "s") of the same day left out: the last of each day is kept") }
            return others + kept
        }
        return urls
    }
}
