import ArgumentParser
import FrontlineControl
import FrontlineServer
import Hummingbird
import FrontlineSupport

extension Frontline {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve tiles, maps, diffs and figures over HTTP, with a viewer page at /.",
            discussion: """
            GET /tiles/{date}/{z}/{x}/{y}.png (and @2x, ?overlay=1), /map/{date}.png|.svg|.pdf \
            (?size=WxH&region=ISO&theme=T&lang=L), /diff/{from}/{to}.png|.json, /stats/{date}.json, \
            /snapshots.json, /health. Binds to 127.0.0.1 unless --host says otherwise. When dates \
            not yet measured queue up, further ones get 503 with Retry-After rather than a wait.
            """)

        @OptionGroup var data: DataOptions

        @Option(help: ArgumentHelp("Address to listen on.", valueName: "host"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("Port.", valueName: "port"))
        var port = 8080

        @Option(help: ArgumentHelp("Memory for cached tiles and maps, MB.", valueName: "mb"))
        var cacheMb = 256

        @Option(help: ArgumentHelp("Close a connection silent this long, a half-sent request included, seconds.", valueName: "s"))
        var idleTimeout = 15

        @Option(help: ArgumentHelp("The address readers reach this server at (behind a proxy or CDN), written into TileJSON and style URLs; without it, the request's Host header.", valueName: "url"))
        var publicUrl: String?

        func validate() throws {
            if !(1...65535).contains(port) { throw ValidationError("--port must be 1...65535") }
            if cacheMb < 0 { throw ValidationError("--cache-mb must not be negative") }
            if idleTimeout < 1 { throw ValidationError("--idle-timeout must be at least 1 second") }
        }

        func run() async throws {
            let dataset: Dataset
            do { dataset = try data.open() } catch let e as FrontlineError {
                Console.error(e)
                throw ExitCode(e.exitCode)
            }
            let app: any ApplicationProtocol
            do {
                app = try FrontlineServer.buildApplication(dataset: dataset, host: host, port: port, cacheMB: cacheMb, idleTimeout: idleTimeout,
                                                           warmUp: true, publicURL: publicUrl)
            } catch let e as FrontlineError {
                Console.error(e)
                throw ExitCode(e.exitCode)
            }
            Console.note("serving \(dataset.info.title) on http://\(host):\(port)/")
            try await app.runService()
        }
    }
}
