import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

extension Frontline {
    struct Places: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "places",
            abstract: "Who holds a town on a date, how far it is from the front, and since when.",
            discussion: """
            QUERY is a place of the gazetteer by its English or Ukrainian name (case, accents \
            and apostrophes ignored), with ", REGION" (ISO code or name) for namesakes, e.g. \
            "Pokrovsk, UA-14" or "Mykolaivka, Donetsk"; or a point as "lat,lon". The status is \
            read from the snapshot standing for the date: occupied, contested or held. With \
            --history, the periods of each status over the whole record, each change bounded \
            by the two snapshots between which it happened.
            """)

        @OptionGroup var data: DataOptions

        @Argument(help: ArgumentHelp("Place name, \"name, region\" or \"lat,lon\".", valueName: "query"))
        var query: String?

        @Option(help: ArgumentHelp("The date (default: the dataset's newest snapshot).", valueName: "date"))
        var date: DayDate?

        @Flag(help: "The periods of each status over the whole record.")
        var history = false

        @Flag(help: "The settlements that changed hands between --from and --to.")
        var changed = false

        @Option(help: ArgumentHelp("Start of the period (with --changed).", valueName: "date"))
        var from: DayDate?

        @Option(help: ArgumentHelp("End of the period (with --changed).", valueName: "date"))
        var to: DayDate?

        @Option(help: ArgumentHelp("Only these regions (with --changed).", valueName: "iso"))
        var region: [String] = []

        @Option(help: ArgumentHelp("Only settlements of at least this many people (with --changed).", valueName: "n"))
        var minPopulation = 0

        @Option(help: "Output format.")
        var format: TextFormat = .table

        func validate() throws {
            if changed {
                guard query == nil else { throw ValidationError("--changed lists settlements; give no place") }
                guard from != nil, to != nil else { throw ValidationError("--changed needs --from D1 and --to D2") }
                guard date == nil, !history else { throw ValidationError("--date and --history are for one place, not --changed") }
                if minPopulation < 0 { throw ValidationError("--min-population cannot be negative") }
            } else {
                guard query != nil else { throw ValidationError("give a place (e.g. Pokrovsk), or --changed --from D1 --to D2") }
                guard from == nil, to == nil, region.isEmpty, minPopulation == 0 else {
                    throw ValidationError("--from, --to, --region and --min-population go with --changed")
                }
            }
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let lookup = PlaceLookup(gazetteer: try Gazetteer.load(folder: dataset.folder), regions: dataset.regions, info: dataset.info)
                if changed { return try listChanged(dataset, lookup) }
                let r = try dataset.placeReport(try lookup.find(query!), asOf: date, history: history)
                let f = PlaceFormatter(lookup: lookup)
                switch format {
                case .table: try Console.out(f.table(r))
                case .json: try Console.out(f.json(r))
                case .csv: try Console.out(f.csv(r))
                }
            }
        }

        private func listChanged(_ dataset: Dataset, _ lookup: PlaceLookup) throws {
            let c = try dataset.changedPlaces(from: from!, to: to!, regions: region, minPopulation: minPopulation, gazetteer: lookup.gazetteer)
            let picked = try dataset.regions.resolve(region)
            let scope = picked.isEmpty ? dataset.info.title : picked.map { $0.names.primary }.joined(separator: ", ")
            let f = PlaceFormatter(lookup: lookup)
            switch format {
            case .table: try Console.out(f.changedTable(c, scope: scope))
            case .json: try Console.out(f.changedJSON(c))
            case .csv: try Console.out(f.changedCSV(c))
            }
        }
    }
}
