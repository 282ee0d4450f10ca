import FrontlineControl
import ArgumentParser
import Foundation
import FrontlineRender
import FrontlineSupport

/// Picture options shared by `render` and `diff`.
struct MapOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Picture size in pixels (points for SVG/PDF); default 1600x1200 for maps, 1200x700 for charts, 800x600 for timelapses.", valueName: "WxH"))
    var size: PictureSize?

    @Option(help: ArgumentHelp("A picture size by use: square 1080x1080, portrait 1080x1350, landscape 1200x675, story 1080x1920.", valueName: "name"))
    var preset: PicturePreset?

    @Option(help: ArgumentHelp("PDF page, landscape: a4 (the default for PDF), a3 or letter.", valueName: "name"))
    var page: PaperPage?

    @Option(help: ArgumentHelp("Resolution: text and lines scale with dpi/96, so 3200x2400 at 192 looks like 1600x1200 at 96 (default 96; a --preset for phones draws larger).", valueName: "n"))
    var dpi: Double?

    @Option(help: "Colour theme.")
    var theme: Theme.Name = .light

    @Option(help: ArgumentHelp("Language of titles, labels and legend: one the dataset lists (the bundled one: en, uk); default its first.",
                               valueName: "code"))
    var lang: String?

    @Option(help: ArgumentHelp("Title instead of the generated one.", valueName: "text"))
    var title: String?

    @Flag(help: "Leave out region and place labels.")
    var noLabels = false

    @Option(help: ArgumentHelp("Leave a status off the map, its legend and its figures: contested, liberated or held_abroad (repeatable).",
                               valueName: "status"))
    var hide: [ControlStatus] = []

    @Option(help: ArgumentHelp("Also write the QA matrix's inspection of the picture (JSON: the rules it breaks) to this file.",
                               valueName: "file", visibility: .hidden))
    var qaReport: String?

    /// Writes the inspection when `--qa-report` asked for it.
    func writeQAReport(_ inspection: MapInspection?) throws {
        guard let qaReport, let inspection else { return }
        try AtomicFile.write(Data(inspection.json.utf8), to: try OutputPath.resolve(qaReport, defaultName: "qa.json"))
    }

    /// Checks the picture options, and that `output` (when given) names a picture format.
    func check(output: String? = nil) throws {
        if let output, OutputFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the format of '\(output)': use a .png, .svg or .pdf file name")
        }
        if hide.contains(.occupied) { throw ValidationError("--hide cannot leave out occupied land: it is what the map shows") }
        if let dpi, !(24...2400).contains(dpi) { throw ValidationError("--dpi must be between 24 and 2400") }
        if [size != nil, preset != nil, page != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --size, --preset and --page")
        }
        if page != nil, let output, OutputFormat(fileName: output) != .pdf {
            throw ValidationError("--page is for PDF files; use --size or --preset for '\(output)'")
        }
    }

    /// The options, at `--size`, `--preset` or `--page`, or at the command's own default size
    /// (an A4 page for a PDF).
    func options(format: OutputFormat, defaultSize: PictureSize = PictureSize(width: 1600, height: 1200), dataset: Dataset) throws -> MapOptions {
        var o = MapOptions()
        let chosen = size.map { ($0.width, $0.height) } ?? preset?.size ?? page?.size
            ?? (format == .pdf ? PaperPage.a4.size : (defaultSize.width, defaultSize.height))
        (o.width, o.height) = chosen
        o.dpi = dpi ?? preset?.dpi ?? 96
        o.theme = theme
        o.language = try lang.map(dataset.language) ?? dataset.info.primaryLanguage
        o.title = title
        o.labels = !noLabels
        o.format = format
        o.inspect = qaReport != nil
        o.hidden = Set(hide)
        return o
    }
}
