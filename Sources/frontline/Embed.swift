import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineExport
import FrontlineSupport

extension Frontline {
    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "embed",
            abstract: "One self-contained HTML file with an interactive map of a period, for an article's iframe.",
            discussion: """
            A date slider over the snapshots of the period with a play button, the figures of \
            the date, a region's figures on hover, the legend and the sources. Leaflet is \
            inlined from Debian's libjs-leaflet; nothing is fetched. Prints an iframe snippet.
            """)

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("Start of the period (YYYY-MM-DD).", valueName: "date"))
        var from: DayDate

        @Option(help: ArgumentHelp("End of the period (YYYY-MM-DD).", valueName: "date"))
        var to: DayDate

        @Option(name: .shortAndLong, help: ArgumentHelp("Output file (.html).", valueName: "file"))
        var output: String

        @Option(help: ArgumentHelp("Only these regions (ISO codes).", valueName: "iso"))
        var region: [String] = []

        @Option(help: ArgumentHelp("The page's title (default: the place and the period).", valueName: "text"))
        var title: String?

        @Option(help: ArgumentHelp("Language of the page: one the dataset lists; default its first.", valueName: "code"))
        var lang: String?

        @Option(help: ArgumentHelp("A link back from the page (the full map, the article).", valueName: "url"))
        var link: String?

        @Option(help: ArgumentHelp("Simplification tolerance in degrees (0.005 is about 500 m).", valueName: "deg"))
        var tolerance: Double = 0.005

        @Option(help: ArgumentHelp("Snapshot source.", valueName: "source"))
        var source: String?

        @Option(help: ArgumentHelp("One frame every DAYS days (default: every snapshot up to \(Embed.everySnapshotUpTo) days, weekly up to two years, fortnightly beyond: the page stays about 10 MB).", valueName: "days"))
        var every: Int?

        /// Longer periods default to sparser frames: the bundle has a snapshot a day.
        static let everySnapshotUpTo = 120

        /// The frame step for a period of `days` when none is given.
        static func defaultStep(days: Int) -> Int? { days > 730 ? 14 : days > everySnapshotUpTo ? 7 : nil }

        func validate() throws {
            if from >= to { throw ValidationError("the period is empty: --from \(from) must be before --to \(to)") }
            if let link, !Markup.isWebLink(link) {
                throw ValidationError("--link must be an http:// or https:// address, got '\(link)'")
            }
            guard output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm") else {
                throw ValidationError("the embed is an HTML file: give -o FILE.html")
            }
            if !(tolerance > 0 && tolerance <= 0.1) { throw ValidationError("--tolerance must be above 0 and at most 0.1 degrees") }
            if let every, every < 1 { throw ValidationError("--every must be at least 1 day") }
        }

        func run() throws {
            try Console.run {
                let target = try OutputPath.resolve(output, defaultName: "")
                let leaflet = try EmbedPage.Leaflet.installed()
                let dataset = try data.open()
                let picked = try dataset.regions.resolve(region)
                let lang = try self.lang.map(dataset.language) ?? dataset.info.primaryLanguage
                let words = dataset.wording(lang)
                let step = every ?? Embed.defaultStep(days: from.days(to: to))
                let frames = try dataset.embedFrames(from: from, to: to, every: step, regions: region, tolerance: tolerance, source: source) { done, total in
                    Console.progress("measuring", done, total)
                }
                let place = picked.count == 1 ? dataset.info.regionTitle(name: picked[0].name(lang), kind: picked[0].kind, lang) : dataset.info.name(lang)
                let sources = Array(Set(frames.frames.map(\.state.source))).sorted()
                let page = EmbedPage(frames: frames, info: dataset.info, attribution: dataset.attribution(for: sources),
                                     title: title ?? EmbedPage.defaultTitle(place: place, from: from, to: to, words: words),
                                     words: words, link: link)
                let html = Data(page.html(leaflet: leaflet).utf8)
                try AtomicFile.write(html, to: target)
                Console.note(String(format: "wrote %@: %d snapshots, %.1f MB", target.path, frames.frames.count, Double(html.count) / 1_048_576))
                try Console.out(EmbedPage.iframe(src: target.lastPathComponent, title: page.title))
            }
        }
    }
}
