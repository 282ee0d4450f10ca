import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineRender
import FrontlineSupport

extension Frontline {
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "A report on a period: maps, change map, chart, table, summary, sources (HTML, Markdown or PDF).",
            discussion: """
            HTML is one self-contained file (images as data URIs, nothing fetched). Markdown writes \
            its images to an images/ folder beside it. PDF is multi-page A4 with vector maps. \
            Without -o the report goes to Output/report-FROM-TO.html under the current folder.
            """)

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("Start of the period (YYYY-MM-DD).", valueName: "date"))
        var from: DayDate

        @Option(help: ArgumentHelp("End of the period (YYYY-MM-DD).", valueName: "date"))
        var to: DayDate

        @Option(name: .shortAndLong, help: ArgumentHelp("Output: .html, .md or .pdf.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Report on these regions (ISO codes).", valueName: "iso"))
        var region: [String] = []

        @Option(help: ArgumentHelp("Title instead of the generated one.", valueName: "text"))
        var title: String?

        @Option(help: ArgumentHelp("Language of the report: one the dataset lists; default its first.", valueName: "code"))
        var lang: String?

        @Option(help: ArgumentHelp("Snapshot source.", valueName: "source"))
        var source: String?

        @Option(help: "land (default) or admin: the summary and the table on administrative units with their waters, national shares of the official total; maps and the chart stay on land.")
        var basis: Basis = .land

        enum Kind: String { case html, md, pdf }

        func kind(_ name: String) -> Kind? {
            Kind(rawValue: (name as NSString).pathExtension.lowercased())
        }

        func validate() throws {
            if from >= to { throw ValidationError("the period is empty: --from \(from) must be before --to \(to)") }
            if let output, kind(output) == nil { throw ValidationError("cannot tell the format of '\(output)': use .html, .md or .pdf") }
        }

        func run() throws {
            try Console.run {
                let dataset = try data.open()
                let target = try OutputPath.resolve(output, defaultName: "report-\(from)-\(to).html")
                var options = ReportBuilder.Options()
                options.regions = region
                options.title = title
                options.language = try lang.map(dataset.language) ?? dataset.info.primaryLanguage
                options.source = source
                options.basis = basis
                let report = try ReportBuilder(dataset: dataset).build(from: from, to: to, options: options)
                switch kind(target.lastPathComponent)! {
                case .html: try AtomicFile.write(Data(report.html().utf8), to: target)
                case .pdf: try AtomicFile.write(report.pdf(), to: target)
                case .md:
                    let md = report.markdown()
                    let folder = target.deletingLastPathComponent()
                    try AtomicFile.ownFolder(folder.appendingPathComponent("images"))
                    for file in md.files { try AtomicFile.write(file.data, to: folder.appendingPathComponent(file.path)) }
                    try AtomicFile.write(Data(md.text.utf8), to: target)
                }
                Console.note("wrote \(target.path)")
            }
        }
    }
}
