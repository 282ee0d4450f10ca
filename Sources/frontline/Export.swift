import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineExport
import FrontlineSupport

extension Frontline {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the data of a date (or the change of a period) as GeoJSON, GeoPackage, KML or CSV.",
            discussion: """
            The format follows the extension of -o: .geojson (or .json), .gpkg, .kml, .csv. \
            Layers (--what): control (held land by region and status, the land the figures \
            count), front (the front line per region), regions (with their figures), places \
            (settlements with their status); with --from/--to: change (land gained, lost and \
            freed). A CSV holds one layer (default regions). Every file names its snapshots, \
            sources, licences and the tool.
            """)

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("The date (YYYY-MM-DD).", valueName: "date"))
        var date: DayDate?

        @Option(help: ArgumentHelp("Start of the period of a change export.", valueName: "date"))
        var from: DayDate?

        @Option(help: ArgumentHelp("End of the period of a change export.", valueName: "date"))
        var to: DayDate?

        @Option(help: ArgumentHelp("Layers, comma-separated (default: control,front,regions,places; change for a period).", valueName: "layers"))
        var what: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .geojson, .gpkg, .kml or .csv.", valueName: "file"))
        var output: String

        @Option(help: ArgumentHelp("Snapshot source (default: the newest snapshot of any source).", valueName: "source"))
        var source: String?

        var format: ExportFormat? { ExportFormat(fileName: output) }

        func validate() throws {
            if date != nil && (from != nil || to != nil) { throw ValidationError("give either --date or --from/--to, not both") }
            if date == nil && (from == nil || to == nil) { throw ValidationError("give --date D, or --from D1 and --to D2 for the change") }
            if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to); swap them") }
            if format == nil {
                throw ValidationError("unknown format of '\(output)': use .geojson, .gpkg, .kml or .csv")
            }
        }

        func layers() throws -> [ExportWhat] {
            let picked = try what.map(ExportWhat.parse) ?? (date == nil ? [.change] : format == .csv ? [.regions] : [.control, .front, .regions, .places])
            if date == nil, picked != [.change] {
                throw FrontlineError.usage("a period (--from/--to) exports the change layer only; give --date for \(picked.filter { $0 != .change }.map(\.rawValue).joined(separator: ", "))")
            }
            if format == .csv, picked.count > 1 {
                throw FrontlineError.usage("a CSV file holds one layer; give --what with one of: \(picked.map(\.rawValue).joined(separator: ", "))")
            }
            return picked
        }

        func run() throws {
            try Console.run {
                let target = try OutputPath.resolve(output, defaultName: "")
                let picked = try layers()
                let dataset = try data.open()
                let set = if let date {
                    try dataset.exportSet(asOf: date, what: picked, source: source)
                } else {
                    try dataset.exportChange(from: from!, to: to!, source: source)
                }
                try format!.write(set, to: target)
                Console.note("wrote \(target.path): \(set.layers.map { "\($0.name) \($0.features.count)" }.joined(separator: ", ")) features, from \(set.provenance.snapshots.joined(separator: " and "))")
            }
        }
    }
}
