import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineSupport

extension Frontline {
    struct GeoDataCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "geodata",
            abstract: "Rebuild a dataset folder (regions, base layers, snapshots) from the raw sources.",
            discussion: """
            Regions and base layers come from --sources (GeoData/sources in a checkout). With \
            --deepstate, DeepState daily files are converted to snapshots: the sparsest set with no \
            gap over --max-gap days, plus the first of every month and the dates the README and \
            tests quote (2025-02-05, 2026-02-04..06), or every day with --every-day. With \
            --deepstate-raw, DeepState's history before its daily files comes from the full exports \
            (from 2022-10-02, at most 28 days apart, flagged exports left out).
            """)

        @Option(help: ArgumentHelp("Folder of raw inputs.", valueName: "dir"))
        var sources: String = "GeoData/sources"

        @Option(name: .shortAndLong, help: ArgumentHelp("Dataset folder to write (default: GeoData/<the recipe's dataset id>).", valueName: "dir"))
        var output: String?

        @Option(help: ArgumentHelp("Folder of deepstatemap_data_YYYYMMDD.geojson files.", valueName: "dir"))
        var deepstate: String?

        @Option(help: ArgumentHelp("DeepStateMap export (<unix-seconds>.geojson) to take the pre-2022 baseline from.", valueName: "file"))
        var baselineFrom: String?

        @Option(help: ArgumentHelp("Folder of NZZ/Liveuamap YYYY-MM-DD.json files (2022 history).", valueName: "dir"))
        var nzz: String?

        @Option(help: ArgumentHelp("Folder of full DeepStateMap exports (<unix-seconds>.geojson): DeepState's history from April 2022, and its grey zone, liberated land and land held abroad beside the daily files while the exports run.", valueName: "dir"))
        var deepstateRaw: String?

        @Option(help: ArgumentHelp("Longest gap between bundled daily snapshots, days (1: every file; the snapshot packs hold them all in a few MB).", valueName: "days"))
        var maxGap: Int = 1

        @Flag(help: "Convert every daily file (for a full data folder; too big to bundle).")
        var everyDay = false

        @Flag(help: "Only write outlines.bin, the binary form of the folder's GeoJSON outlines that processes open instead of parsing them (after the GeoJSON was edited by hand).")
        var outlinesOnly = false

        func validate() throws {
            if maxGap < 1 { throw ValidationError("--max-gap must be at least 1") }
        }

        func run() throws {
            try Console.run {
                if outlinesOnly {
                    guard let output else { throw FrontlineError.usage("--outlines-only needs the dataset folder (-o dir)") }
                    let names = try OutlineStore.write(folder: URL(fileURLWithPath: output))
                    Console.note("wrote \(OutlineStore.fileName): \(names.count) GeoJSON files")
                    return
                }
                let recipe = try GeoDataRecipe.load(sources: URL(fileURLWithPath: sources))
                let always = recipe.alwaysKept
                var builder = try GeoDataBuilder(
                    sources: URL(fileURLWithPath: sources), recipe: recipe, output: URL(fileURLWithPath: output ?? "GeoData/\(recipe.dataset.id)"),
                    deepStateDaily: deepstate.map { URL(fileURLWithPath: $0) },
                    selection: everyDay ? .everyDay : SnapshotSelection(maxGapDays: maxGap, always: always),
                    baselineExport: baselineFrom.map { URL(fileURLWithPath: $0) }, nzz: nzz.map { URL(fileURLWithPath: $0) },
                    log: { Console.note($0) })
                builder.deepStateRaw = deepstateRaw.map { URL(fileURLWithPath: $0) }
                try builder.buildAll()
            }
        }
    }
}
