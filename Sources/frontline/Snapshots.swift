import ArgumentParser
import FrontlineControl

extension Frontline {
    struct Snapshots: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the snapshots: sources, dates and gaps.")

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("Only this source.", valueName: "source"))
        var source: String?

        @Option(help: "Output format.")
        var format: TextFormat = .table

        @Flag(help: "List every date, not only the summary per source.")
        var dates = false

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let sources = try source.map { s -> [String] in
                    guard dataset.timeline.bySource[s] != nil else {
                        throw FrontlineError.usage("unknown source '\(s)'; sources: \(dataset.timeline.sources.joined(separator: ", "))")
                    }
                    return [s]
                } ?? dataset.timeline.sources
                Console.out(SnapshotListing(timeline: dataset.timeline, sources: sources).render(format: format.rawValue, allDates: dates))
            }
        }
    }
}
