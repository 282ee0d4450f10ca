import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineRender
import FrontlineSupport

extension Frontline {
    struct Chart: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chart",
            abstract: "A time-series chart: km² or % held, the front line's length, the rate of advance, or monthly km² gained and lost.",
            discussion: "Without -o the chart goes to Output/chart-FROM-TO.png under the current folder.")

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("Start of the period (YYYY-MM-DD).", valueName: "date"))
        var from: DayDate

        @Option(help: ArgumentHelp("End of the period (YYYY-MM-DD).", valueName: "date"))
        var to: DayDate

        @Option(help: ArgumentHelp("One line per region (ISO codes); default: the national total.", valueName: "iso"))
        var region: [String] = []

        @Option(help: "Status to chart (held_abroad: land held across the border, km²).")
        var status: ControlStatus = .occupied

        @Option(help: """
            km2 or pct per date; front-km: the front line's length; rate: net km² per day over \
            the 30 days before each date; change: monthly bars of km² gained and lost.
            """)
        var metric: ChartMetric = .km2

        @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .png, .svg or .pdf.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Snapshot source.", valueName: "source"))
        var source: String?

        @OptionGroup var map: MapOptionGroup

        func validate() throws {
            if from >= to { throw ValidationError("the period is empty: --from \(from) must be before --to \(to)") }
            if status.isAbroad && (metric != .km2 || !region.isEmpty) {
                throw ValidationError("--status held_abroad is charted in km², nationally: it is no region's and no share of the country")
            }
            try map.check(output: output)
            if !map.hide.isEmpty { throw ValidationError("--hide is for maps: a chart draws the one status --status names") }
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let target = try OutputPath.resolve(output, defaultName: "chart-\(from)-\(to).png")
                let picture = try map.options(format: OutputFormat(fileName: target.lastPathComponent)!,
                                          defaultSize: PictureSize(width: 1200, height: 700), dataset: dataset)
                var options = ChartRenderer.Options()
                options.width = picture.width
                options.height = picture.height
                options.dpi = picture.dpi
                options.theme = picture.theme
                options.language = picture.language
                options.format = picture.format
                options.metric = metric
                options.status = status
                options.regions = region
                options.source = source
                let chart = try ChartRenderer(dataset: dataset).render(from: from, to: to, options: options)
                try AtomicFile.write(chart.data, to: target)
                Console.note("wrote \(target.path)")
            }
        }
    }
}

extension ControlStatus: ExpressibleByArgument {}
extension ChartMetric: ExpressibleByArgument {}
