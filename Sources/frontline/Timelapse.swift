import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineRender
import FrontlineSupport

extension Frontline {
    struct Timelapse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timelapse",
            abstract: "An animated GIF of the control map over a period, with a date stamp and the km² held.")

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("Start of the period (YYYY-MM-DD).", valueName: "date"))
        var from: DayDate

        @Option(help: ArgumentHelp("End of the period (YYYY-MM-DD).", valueName: "date"))
        var to: DayDate

        @Option(help: ArgumentHelp("Step between frames, e.g. 7d or 2w.", valueName: "interval"))
        var every: DayInterval = DayInterval(argument: "7d")!

        @Option(help: ArgumentHelp("Frame this region (ISO code).", valueName: "iso"))
        var region: [String] = []

        @Option(help: ArgumentHelp("Frames per second.", valueName: "n"))
        var fps: Double = 4

        @Option(name: .shortAndLong, help: ArgumentHelp("Output file (.gif).", valueName: "file"))
        var output: String

        @OptionGroup var map: MapOptionGroup

        @Option(help: ArgumentHelp("Snapshot source.", valueName: "source"))
        var source: String?

        func validate() throws {
            if from >= to { throw ValidationError("the period is empty: --from \(from) must be before --to \(to)") }
            if every.days < 1 { throw ValidationError("--every must be at least 1 day, e.g. 7d") }
            if !(fps > 0 && fps <= 50) { throw ValidationError("--fps must be between 0 and 50") }
            if !output.lowercased().hasSuffix(".gif") { throw ValidationError("the timelapse is a GIF: name the output FILE.gif") }
            try map.check()
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let target = try OutputPath.resolve(output, defaultName: "")
                var options = try map.options(format: .png, defaultSize: PictureSize(width: 800, height: 600), dataset: dataset)
                options.regions = region
                options.source = source
                let gif = try TimelapseRenderer(dataset: dataset).render(from: from, to: to, everyDays: every.days, fps: fps,
                                                                         options: options) { done, total in
                    Console.progress("rendering frames", done, total)
                }
                try AtomicFile.write(gif.data, to: target)
                Console.note("wrote \(target.path): \(gif.dates.count) frames, \(gif.data.count / 1024) KB")
            }
        }
    }
}
