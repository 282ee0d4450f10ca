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

        @Flag(help: "Check the snapshots: area spikes against neighbours, territory held before 2022 left out. Exit 1 when a problem is found.")
        var check = false

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let sources = try source.map { s -> [String] in
                    guard dataset.timeline.bySource[s] != nil else {
                        throw FrontlineError.usage("unknown source '\(s)'; sources: \(dataset.timeline.sources.joined(separator: ", "))")
                    }
                    return [s]
                } ?? dataset.timeline.sources
                if check {
                    let problems = try SnapshotCheck().run(dataset, source: source)
                    for p in problems { Console.out("\(p)\n") }
                    Console.out("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(sources.map { dataset.timeline.bySource[$0]?.count ?? 0 }.reduce(0, +)) snapshots\n")
                    if !problems.isEmpty { throw ExitCode(1) }
                    return
                }
                Console.out(SnapshotListing(timeline: dataset.timeline, sources: sources).render(format: format.rawValue, allDates: dates))
            }
        }
    }
}
