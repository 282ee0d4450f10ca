import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineRender
import FrontlineSupport

extension Frontline {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Draw the map of territorial control on a date (PNG, SVG or PDF).",
            discussion: """
            The format follows the file extension. Without -o the map goes to \
            Output/control-YYYY-MM-DD.png under the current folder.
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var age: AgeOptions

        @Option(help: ArgumentHelp("The date (YYYY-MM-DD).", valueName: "date"))
        var date: DayDate

        @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .png, .svg or .pdf.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Frame these regions (ISO codes, e.g. UA-14) with their neighbours as context.", valueName: "iso"))
        var region: [String] = []

        @OptionGroup var map: MapOptionGroup

        @Option(help: ArgumentHelp("Snapshot source (default: the newest snapshot of any source).", valueName: "source"))
        var source: String?

        @Option(help: ArgumentHelp("""
            Draw the land newly occupied in this period before the date in a stronger tone, \
            e.g. 30d or 4w (a change against that date, with the rules of diff).
            """, valueName: "interval"))
        var advances: DayInterval?

        func validate() throws {
            try map.check(output: output)
            if let advances, !(1...366).contains(advances.days) {
                throw ValidationError("--advances must be 1 to 366 days, e.g. 30d")
            }
        }

        func run() throws {
            try Console.run {
                // The base layers load while the dataset opens and the snapshot is measured.
                let folder = try data.folder()
                let base = BaseMap.load(folder, warmUp: Canvas.warmUpText)
                let dataset = try Dataset(folder: folder, warn: Console.warn)
                try age.check(dataset, date, source: source)
                let target = try OutputPath.resolve(output, defaultName: "control-\(date).png")
                var options = try map.options(format: OutputFormat(fileName: target.lastPathComponent)!, dataset: dataset)
                options.regions = region
                options.source = source
                options.advancesDays = advances?.days
                let map = try MapRenderer(context: MapContext(dataset: dataset, base: base)).render(date: date, options: options)
                Console.noteSnapshot(map.state)
                try AtomicFile.write(map.data, to: target)
                try self.map.writeQAReport(map.inspection)
                Console.note("wrote \(target.path)")
            }
        }
    }
}

extension Theme.Name: ExpressibleByArgument {}
extension PicturePreset: ExpressibleByArgument {}
extension PaperPage: ExpressibleByArgument {}

/// `1600x1200`: both sides 1...20000.
struct PictureSize: ExpressibleByArgument {
    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (1...MapOptions.maximumSide).contains(w), (1...MapOptions.maximumSide).contains(h) else { return nil }
        self.init(width: w, height: h)
    }

    var defaultValueDescription: String { "\(width)x\(height)" }
}
