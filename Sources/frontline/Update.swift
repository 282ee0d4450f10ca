import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineSupport
import FrontlineUpdate

extension Frontline {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Fetch the DeepState daily files missing since the newest snapshot and import them.",
            discussion: """
            From the data/ folder of github.com/cyterat/deepstate-map-data (the files the bundle \
            comes from), or --from-url. Each day is fetched into .update/ beside the store and \
            checked; the snapshots are imported in one atomic step when all have arrived, with \
            the checks of import. An interrupted run changes nothing and the next fetches only \
            what is missing. Offline or a dropped connection: exit 69; a corrupt file: 65; a \
            URL without the archive: 66.
            """)

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("The archive's folder URL (default: the deepstate-map-data repository's data/).", valueName: "url"))
        var fromURL: String?

        @Option(help: ArgumentHelp("Also a full DeepState export (<unix-seconds>.geojson): grey zone and liberated land, for its day.", valueName: "url"))
        var exportURL: String?

        @Option(help: ArgumentHelp("Source to update (daily DeepState files).", valueName: "source"))
        var source: String = DeepStateDailyImporter.sourceID

        @Option(help: ArgumentHelp("Last day to fetch (default: today, UTC).", valueName: "date"))
        var until: DayDate?

        func validate() throws {
            if let exportURL, URL(string: exportURL)?.scheme.map({ ["http", "https", "file"].contains($0.lowercased()) }) != true {
                throw ValidationError("--export-url must be an http(s) or file URL, got '\(exportURL)'")
            }
            if let fromURL {
                guard let url = URL(string: fromURL), let scheme = url.scheme?.lowercased(), ["http", "https", "file"].contains(scheme) else {
                    throw ValidationError("--from-url must be an http(s) or file URL, got '\(fromURL)'")
                }
            }
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let today = DayDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
                var update = DailyUpdate(dataset: dataset, base: fromURL.flatMap(URL.init(string:)) ?? DailyUpdate.defaultURL, source: source)
                update.exportURL = exportURL.flatMap(URL.init(string:))
                let outcome = try update.run(until: until ?? today, note: Console.note) { done, total in
                    Console.progress("fetching", done, total)
                }
                Console.endProgress()
                if outcome.imported.isEmpty && outcome.missing.isEmpty {
                    try Console.out("\(source) is up to date: the newest snapshot is \(outcome.since)\n")
                } else {
                    let range = outcome.imported.isEmpty ? "" : " (\(outcome.imported.first!) to \(outcome.imported.last!))"
                    try Console.out("imported \(outcome.imported.count) snapshot\(outcome.imported.count == 1 ? "" : "s")\(range); "
                                    + "\(outcome.missing.count) day\(outcome.missing.count == 1 ? "" : "s") without a file in the archive\n")
                }
                let problems = try SnapshotCheck().run(try Dataset(folder: dataset.folder), source: source).filter { Set(outcome.imported).contains($0.date) }
                for p in problems { Console.warn("check: \(p)") }
                if !outcome.imported.isEmpty { StoredFigures.refresh(dataset.folder) }
            }
        }
    }
}
