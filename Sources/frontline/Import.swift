import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineGeo

extension Frontline {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert outside archives into the dataset's snapshots (one file per date and source).",
            discussion: """
            Formats: deepstate (deepstatemap_data_YYYYMMDD.geojson daily files) and nzz \
            (NZZ/Liveuamap YYYY-MM-DD.json). PATH may be files or folders. Each snapshot is written \
            atomically; importing the same file again writes the same bytes.
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case deepstate, nzz }

        @Argument(help: "Format of the files.")
        var format: Format

        @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "path"))
        var paths: [String]

        @Option(help: ArgumentHelp("Source name (default: deepstate or liveuamap).", valueName: "name"))
        var source: String?

        @OptionGroup var data: DataOptions

        func validate() throws {
            if paths.isEmpty { throw ValidationError("name the files or folders to import") }
        }

        func files() throws -> [URL] {
            try paths.flatMap { p -> [URL] in
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                    throw FrontlineError.missingInput("no such file or folder: \(p)")
                }
                guard isDir.boolValue else { return [URL(fileURLWithPath: p)] }
                let ext = format == .nzz ? ".json" : ".geojson"
                return try FileManager.default.contentsOfDirectory(atPath: p).filter { $0.hasSuffix(ext) }.sorted()
                    .map { URL(fileURLWithPath: p).appendingPathComponent($0) }
            }
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let inputs = try files()
                let id = source ?? (format == .nzz ? NZZImporter.sourceID : DeepStateDailyImporter.sourceID)
                let dir = dataset.folder.appendingPathComponent("snapshots/\(id)")
                try AtomicFile.makeFolder(dir)
                for (n, url) in inputs.enumerated() {
                    let s = format == .nzz ? try NZZImporter.read(url, warn: Console.warn) : try DeepStateDailyImporter.read(url, warn: Console.warn)
                    let out = Snapshot(date: s.date, source: id, layers: s.layers, since: s.since)
                    try AtomicFile.write(try SnapshotFile.data(out), to: dir.appendingPathComponent("\(s.date).geojson"))
                    if !Console.stderrIsTerminal || n + 1 == inputs.count {
                        Console.note("\(url.lastPathComponent): \(s.date), \(Int(s.layers[.occupied].map { Geodesic.areaKm2($0) } ?? 0)) km² occupied as drawn by the source")
                    } else {
                        Console.progress("importing", n + 1, inputs.count)
                    }
                }
            }
        }
    }
}
