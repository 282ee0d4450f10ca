import ArgumentParser
import FrontlineRender

/// Picture options shared by `render` and `diff`.
struct MapOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Picture size in pixels (points for SVG/PDF); default 1600x1200 for maps, 1200x700 for charts, 800x600 for timelapses.", valueName: "WxH"))
    var size: PictureSize?

    @Option(help: ArgumentHelp("Resolution: text and lines scale with dpi/96.", valueName: "n"))
    var dpi: Double = 96

    @Option(help: "Colour theme.")
    var theme: Theme.Name = .light

    @Option(help: "Language of titles, labels and legend.")
    var lang: MapLanguage = .en

    @Option(help: ArgumentHelp("Title instead of the generated one.", valueName: "text"))
    var title: String?

    @Flag(help: "Leave out region and place labels.")
    var noLabels = false

    /// Checks the picture options, and that `output` (when given) names a picture format.
    func check(output: String? = nil) throws {
        if let output, OutputFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the format of '\(output)': use a .png, .svg or .pdf file name")
        }
        if !(24...2400).contains(dpi) { throw ValidationError("--dpi must be between 24 and 2400") }
    }

    /// The options, at `--size` or at the command's own default size.
    func options(format: OutputFormat, defaultSize: PictureSize = PictureSize(width: 1600, height: 1200)) -> MapOptions {
        var o = MapOptions()
        o.width = (size ?? defaultSize).width
        o.height = (size ?? defaultSize).height
        o.dpi = dpi
        o.theme = theme
        o.language = lang
        o.title = title
        o.labels = !noLabels
        o.format = format
        return o
    }
}
