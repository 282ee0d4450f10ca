import ArgumentParser
import FrontlineSupport

@main
struct Frontline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline",
        abstract: "Territorial control: measure it, map it, compare dates.",
        discussion: """
        Data come from --data-dir, else $FRONTLINE_DATA, else the bundled GeoData.
        Exit codes: 64 usage, 65 bad data, 66 missing input, 69 a server that cannot be reached, 73 cannot write output, 74 a failed write to stdout.
        """,
        version: FrontlineVersion.string,
        subcommands: [Snapshots.self, Stats.self, Places.self, Render.self, Diff.self, Chart.self, Timelapse.self, ReportCommand.self, Tiles.self, Export.self, Embed.self, Serve.self, Import.self, Update.self, GeoDataCommand.self]
    )
}
