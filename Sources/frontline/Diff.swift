import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineRender
import FrontlineSupport

extension Frontline {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What changed between two dates: km² gained and lost per region, and a change map.",
            discussion: """
            Prints the change table; with -o it also draws the change map (.png, .svg or .pdf). \
            --from must not be after --to (exit 64). A date before the data is exit 66. \
            --source A:B compares snapshots of two sources (on one date, where they disagree).
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var age: AgeOptions

        @Option(help: ArgumentHelp("The earlier date (YYYY-MM-DD).", valueName: "date"))
        var from: DayDate

        @Option(help: ArgumentHelp("The later date (YYYY-MM-DD).", valueName: "date"))
        var to: DayDate

        @Option(help: "Output format of the table.")
        var format: TextFormat = .table

        @Option(help: ArgumentHelp("Only these regions in the table; the map frames them.", valueName: "iso"))
        var region: [String] = []

        @Option(name: .shortAndLong, help: ArgumentHelp("Also draw the change map to this file (.png, .svg, .pdf).", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Sources as FROM:TO, or one source for both.", valueName: "a:b"))
        var source: String?

        @Option(help: ArgumentHelp("Source of the earlier snapshot.", valueName: "source"))
        var fromSource: String?

        @Option(help: ArgumentHelp("Source of the later snapshot.", valueName: "source"))
        var toSource: String?

        @Flag(help: "Raw figures: no coastline rule, no change filter.")
        var raw = false

        @Option(help: "land (default) or admin: administrative units with their waters, national shares of the official total (the table only).")
        var basis: Basis = .land

        @OptionGroup var map: MapOptionGroup

        func validate() throws {
            if from > to { throw ValidationError("--from \(from) is after --to \(to); swap them") }
            if source != nil && (fromSource != nil || toSource != nil) {
                throw ValidationError("give --source A:B or --from-source/--to-source, not both")
            }
            try map.check(output: output)
            if map.hide.contains(where: { $0 != .heldAbroad }) {
                throw ValidationError("a change map draws contested land as change and liberated land as free: --hide takes only held_abroad here")
            }
            if basis == .admin && output != nil { throw ValidationError("the change map is drawn on land: leave out -o, or --basis admin") }
            try Basis.check(raw: raw, basis: basis)
        }

        var sources: (String?, String?) {
            guard let source else { return (fromSource, toSource) }
            let parts = source.split(separator: ":", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : (source, source)
        }

        func run() throws {
            try Console.run {
                let target = try output.map { try OutputPath.resolve($0, defaultName: "") }
                let dataset = try data.open()
                let (fs, ts) = sources
                try age.check(dataset, from, source: fs)
                try age.check(dataset, to, source: ts)
                let picked = try dataset.regions.resolve(region)
                let result = try dataset.change(from: from, to: to, fromSource: fs, toSource: ts,
                                                sliverRule: raw ? .none : SliverRule(), filter: raw ? .none : ChangeFilter(), basis: basis)
                Console.noteSnapshot(result.changes.from)
                Console.noteSnapshot(result.changes.to)
                let changes = picked.isEmpty ? result.changes : result.changes.filtered(picked.map(\.iso))
                let scope = picked.isEmpty ? dataset.info.title : picked.count == 1 ? picked[0].names.primary : "Total of \(picked.count) regions"
                let formatter = ChangeFormatter(nationalName: scope)
                // The settlements that changed hands, from the same two snapshots.
                let gazetteer = try Gazetteer.load(folder: dataset.folder)
                let places = try dataset.changedPlaces(from: from, to: to, regions: picked.map(\.iso), fromSource: fs, toSource: ts, gazetteer: gazetteer)
                let placeFormatter = PlaceFormatter(lookup: PlaceLookup(gazetteer: gazetteer, regions: dataset.regions, info: dataset.info))
                switch format {
                case .table: try Console.out(formatter.table(changes) + "\n" + placeFormatter.changedSection(places, limit: 15))
                case .json: try Console.out(formatter.json(changes, settlements: placeFormatter.changedObject(places)))
                case .csv: try Console.out(formatter.csv(changes))
                }
                guard let output, let target else { return }
                var options = try map.options(format: OutputFormat(fileName: output)!, dataset: dataset)
                options.regions = region
                let bytes = try DiffRenderer(dataset: dataset).render(result, places: places, options: options)
                try AtomicFile.write(bytes.data, to: target)
                try map.writeQAReport(bytes.inspection)
                Console.note("wrote \(target.path)")
            }
        }
    }
}
