import ArgumentParser
import Foundation
import FrontlineControl

extension Frontline {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Area held by each side, per region and national, on a date or over a period.",
            discussion: """
            Areas are geodesic km² on WGS84; shares are of each region's land area (regions \
            clipped to the GSHHG land). --basis admin measures the administrative units with \
            their waters instead, national shares of the official total: the basis DeepStateMap \
            publishes. A date between snapshots uses the newest snapshot before it, and says so.
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var age: AgeOptions

        @Option(help: ArgumentHelp("The date (YYYY-MM-DD).", valueName: "date"))
        var date: DayDate?

        @Option(help: ArgumentHelp("Start of a time series (YYYY-MM-DD).", valueName: "date"))
        var from: DayDate?

        @Option(help: ArgumentHelp("End of a time series (YYYY-MM-DD).", valueName: "date"))
        var to: DayDate?

        @Option(help: ArgumentHelp("Step of a time series, e.g. 7d or 2w (default: every snapshot).", valueName: "interval"))
        var every: DayInterval?

        @Option(help: ArgumentHelp("Only these regions (ISO 3166-2 codes, e.g. UA-14).", valueName: "iso"))
        var region: [String] = []

        @Option(help: ArgumentHelp("Snapshot source (default: the newest snapshot of any source).", valueName: "source"))
        var source: String?

        @Option(help: "Output format.")
        var format: TextFormat = .table

        @Flag(help: "Raw overlay figures, without coastline reconciliation.")
        var raw = false

        @Option(help: "land: the regions' land, with the coastline rule (default); admin: administrative units with their waters, national shares of the official total, as DeepStateMap publishes them.")
        var basis: Basis = .land

        @Option(help: ArgumentHelp("Threads for a time series (default: all cores).", valueName: "n"))
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            if date != nil && (from != nil || to != nil) {
                throw ValidationError("give either --date or --from/--to, not both")
            }
            if date == nil && (from == nil || to == nil) {
                throw ValidationError("give --date D, or --from D1 and --to D2 for a time series")
            }
            if let from, let to, from > to {
                throw ValidationError("--from \(from) is after --to \(to); swap them")
            }
            if let every, every.days < 1 { throw ValidationError("--every must be at least 1 day, e.g. 7d") }
            if every != nil && date != nil { throw ValidationError("--every needs --from and --to") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            try Basis.check(raw: raw, basis: basis)
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let picked = try dataset.regions.resolve(region)
                let regions = picked.map(\.iso)
                let rule: SliverRule = raw ? .none : SliverRule()
                // The total row covers what is shown: the country, one region, or a selection.
                let scope = picked.isEmpty ? dataset.info.title : picked.count == 1 ? picked[0].names.primary : "Total of \(picked.count) regions"
                let formatter = StatsFormatter(nationalName: scope)
                if let date {
                    try age.check(dataset, date, source: source)
                    var state = try dataset.control(asOf: date, source: source, sliverRule: rule, basis: basis)
                    Console.noteSnapshot(state)
                    if !regions.isEmpty { state = state.filtered(regions) }
                    // How fast the front moved before the date, with the same rules as `diff`.
                    // The rate is measured on land (the change filter's basis): given on that basis only.
                    var rate = format == .csv || basis == .admin ? nil : try dataset.advanceRate(asOf: date, source: source, sliverRule: rule,
                                                                               filter: raw ? .none : ChangeFilter())
                    if !regions.isEmpty { rate = rate?.filtered(regions) }
                    switch format {
                    case .table: try Console.out(formatter.table(state, rate: rate))
                    case .json: try Console.out(formatter.json(state, rate: rate))
                    case .csv: try Console.out(formatter.csv([state]))
                    }
                    return
                }
                let dates = try dataset.seriesDates(from: from!, to: to!, everyDays: every?.days, source: source)
                var states = try dataset.series(dates, source: source, sliverRule: rule, basis: basis, jobs: jobs) { done, total in
                    Console.progress("measuring", done, total)
                }
                if !regions.isEmpty { states = states.map { $0.filtered(regions) } }
                switch format {
                case .table: try Console.out(formatter.seriesTable(states))
                case .json: try Console.out(formatter.seriesJSON(states))
                case .csv: try Console.out(formatter.csv(states))
                }
            }
        }
    }
}
