import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineRender
import FrontlineTiles
import FrontlineSupport

extension Frontline {
    struct Tiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tiles",
            abstract: "XYZ map tiles of control on a date: a {z}/{x}/{y}.png folder, an MBTiles file or a PMTiles archive.",
            subcommands: [Render.self, Series.self, Merge.self], defaultSubcommand: Render.self)

        struct Render: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "render",
                abstract: "Render a tile pyramid (the default: `frontline tiles --date D --zoom 0-8 ...`).",
                discussion: """
                Full-style tiles are written for every tile touching the extent; --overlay tiles \
                (transparent but for the control layers and the front line) are written only where \
                there is something to show. --shard i/n renders every n-th tile from the i-th, for \
                splitting a pyramid over machines; merge the MBTiles parts with `frontline tiles merge`.
                """)

            @OptionGroup var data: DataOptions
            @OptionGroup var age: AgeOptions

            @Option(help: ArgumentHelp("The date (YYYY-MM-DD).", valueName: "date"))
            var date: DayDate

            @Option(help: ArgumentHelp("Zoom levels, e.g. 0-8 or 6.", valueName: "z0-z1"))
            var zoom: ZoomRange

            @Option(help: ArgumentHelp("dataset, or minlon,minlat,maxlon,maxlat.", valueName: "extent"))
            var extent: String = "dataset"

            @Option(name: .shortAndLong, help: ArgumentHelp("Folder for {z}/{x}/{y}.png tiles.", valueName: "dir"))
            var output: String?

            @Option(help: ArgumentHelp("MBTiles file to write.", valueName: "file"))
            var mbtiles: String?

            @Option(help: ArgumentHelp("PMTiles v3 archive to write (one file for static hosting).", valueName: "file"))
            var pmtiles: String?

            @Flag(help: "Transparent tiles with only the control layers, to lay over a base map.")
            var overlay = false

            @Option(help: "png (raster) or mvt (Mapbox Vector Tiles 2.1: control, front, regions, places, borders).")
            var format: TileFormat = .png

            @Option(help: ArgumentHelp("Vector tiles in a folder: the URL the folder is served at, for tilejson.json and style.json (MapLibre needs absolute URLs).", valueName: "url"))
            var url: String?

            @Option(help: ArgumentHelp("1 for 256-pixel tiles, 2 for 512-pixel (high-density screens).", valueName: "1|2"))
            var scale: Int = 1

            @Option(help: ArgumentHelp("Render only part i of n (0-based), e.g. 0/4.", valueName: "i/n"))
            var shard: String = "0/1"

            @Option(help: ArgumentHelp("Threads (default: all cores).", valueName: "n"))
            var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

            @Option(help: ArgumentHelp("Snapshot source.", valueName: "source"))
            var source: String?

            func validate() throws {
                if [output, mbtiles, pmtiles].compactMap({ $0 }).count != 1 {
                    throw ValidationError("give one of -o DIR, --mbtiles FILE or --pmtiles FILE")
                }
                if format == .mvt {
                    if overlay || scale != 1 { throw ValidationError("--overlay and --scale are for raster tiles; vector tiles carry no style") }
                    if shard != "0/1" { throw ValidationError("--shard is for raster tiles") }
                    if !VectorPyramid.zoomLimit.contains(zoom.range.upperBound) {
                        throw ValidationError("vector tiles go from zoom 0 to 16, not \(zoom.range.lowerBound)-\(zoom.range.upperBound)")
                    }
                }
                if pmtiles != nil, shard != "0/1" {
                    throw ValidationError("--shard writes parts for `tiles merge`, which joins MBTiles: shard into MBTiles, or write the PMTiles whole")
                }
                if ![1, 2].contains(scale) { throw ValidationError("--scale must be 1 or 2") }
                if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
                _ = try parsedShard()
                _ = try parsedExtent(nil)
            }

            func parsedShard() throws -> (index: Int, count: Int) {
                let p = shard.split(separator: "/").compactMap { Int($0) }
                guard p.count == 2, p[1] >= 1, (0..<p[1]).contains(p[0]) else {
                    throw ValidationError("--shard must be i/n with 0 <= i < n, e.g. 0/4")
                }
                return (p[0], p[1])
            }

            func parsedExtent(_ dataset: Dataset?) throws -> Envelope {
                if extent == "dataset" {
                    return dataset?.info.extentEnvelope ?? Envelope(minX: -180, minY: -85, maxX: 180, maxY: 85)
                }
                let v = extent.split(separator: ",").compactMap { Double($0) }
                guard v.count == 4, v[0] < v[2], v[1] < v[3], Position(v[0], v[1]).isValidLonLat, Position(v[2], v[3]).isValidLonLat else {
                    throw ValidationError("--extent must be 'dataset' or minlon,minlat,maxlon,maxlat")
                }
                return Envelope(minX: v[0], minY: v[1], maxX: v[2], maxY: v[3])
            }

            func run() throws {
                if format == .mvt { return try runVector() }
                try Console.run {
                    let dataset = try data.open()
                    try age.check(dataset, date, source: source)
                    let sink: TileSink
                    if let mbtiles {
                        sink = try MBTilesWriter(target: URL(fileURLWithPath: mbtiles))
                    } else if let pmtiles {
                        sink = try PMTilesWriter(target: URL(fileURLWithPath: pmtiles))
                    } else {
                        sink = try DirectoryTileSink(folder: URL(fileURLWithPath: output!))
                    }
                    let started = Date()
                    do {
                        let job = TileJob(dataset: dataset, date: date, source: source, extent: try parsedExtent(dataset), zooms: zoom.range, jobs: jobs)
                        let (n, _) = try job.raster(overlay: overlay, scale: scale, shard: try parsedShard(), to: sink) { done, total in
                            let rate = Double(done) / max(0.001, Date().timeIntervalSince(started))
                            Console.progress(String(format: "tiles (%.0f/s, ETA %.0f s)", rate, Double(total - done) / max(rate, 0.001)), done, total)
                        }
                        Console.note("wrote \(n) tiles in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                    } catch {
                        sink.discard()
                        throw error
                    }
                }
            }

            /// TileJSON 3.0 and a MapLibre style beside a folder of vector tiles.
            func writeWebFiles(_ folder: URL, _ m: TileMetadata) throws {
                let base = url.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
                try AtomicFile.write(Data(TileJSON.document(m, tiles: base + "{z}/{x}/{y}.pbf", date: date.description).utf8),
                                     to: folder.appendingPathComponent("tilejson.json"))
                try AtomicFile.write(Data(TileJSON.style(m, tileJSON: base + "tilejson.json", palette: .light).utf8), to: folder.appendingPathComponent("style.json"))
            }

            /// Vector tiles: the world of the date cut into MVT, to a folder of .pbf, MBTiles or PMTiles.
            func runVector() throws {
                try Console.run {
                    let dataset = try data.open()
                    try age.check(dataset, date, source: source)
                    let sink: TileSink
                    if let mbtiles {
                        sink = try MBTilesWriter(target: URL(fileURLWithPath: mbtiles))
                    } else if let pmtiles {
                        sink = try PMTilesWriter(target: URL(fileURLWithPath: pmtiles), kind: .mvt)
                    } else {
                        sink = try DirectoryTileSink(folder: URL(fileURLWithPath: output!), fileExtension: "pbf")
                    }
                    let started = Date()
                    do {
                        let job = TileJob(dataset: dataset, date: date, source: source, extent: try parsedExtent(dataset), zooms: zoom.range, jobs: jobs)
                        let (n, metadata) = try job.vector(gzip: output == nil, to: sink) { done, total in Console.progress("vector tiles", done, total) }
                        Console.endProgress()
                        if let output { try writeWebFiles(URL(fileURLWithPath: output), metadata) }
                        Console.note("wrote \(n) vector tiles in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                    } catch {
                        sink.discard()
                        throw error
                    }
                }
            }
        }

        struct Merge: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "merge", abstract: "Merge MBTiles files (e.g. shards) or PMTiles archives into one.",
                discussion: "The output's extension picks the format: .pmtiles joins PMTiles archives, anything else MBTiles. Where inputs overlap, the later one wins.")

            @Argument(help: ArgumentHelp("MBTiles files or PMTiles archives to merge, all of one format.", valueName: "file"))
            var inputs: [String]

            @Option(name: .shortAndLong, help: ArgumentHelp("The merged file (.mbtiles or .pmtiles).", valueName: "file"))
            var output: String

            func validate() throws {
                if inputs.isEmpty { throw ValidationError("name the MBTiles or PMTiles files to merge") }
                let pmtiles = Self.isPMTiles(output)
                if let odd = inputs.first(where: { Self.isPMTiles($0) != pmtiles }) {
                    throw ValidationError("\(odd) is not \(pmtiles ? "a PMTiles archive" : "an MBTiles file") like the output \(output): merge files of one format")
                }
            }

            static func isPMTiles(_ path: String) -> Bool { path.lowercased().hasSuffix(".pmtiles") }

            func run() throws {
                try Console.run {
                    let urls = inputs.map { URL(fileURLWithPath: $0) }, target = URL(fileURLWithPath: output)
                    if Self.isPMTiles(output) { try PMTilesWriter.merge(urls, into: target) } else { try MBTilesWriter.merge(urls, into: target) }
                    Console.note("wrote \(output)")
                }
            }
        }
    }
}

enum TileFormat: String, ExpressibleByArgument, CaseIterable {
    case png, mvt
}

/// `0-8` or `6`: zoom levels 0...22.
struct ZoomRange: ExpressibleByArgument {
    let range: ClosedRange<Int>
    init?(argument: String) {
        let p = argument.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard let lo = p.first ?? nil, let hi = p.count == 2 ? p[1] : lo, p.count <= 2, 0 <= lo, lo <= hi, hi <= TileCoord.maxZoom else { return nil }
        range = lo...hi
    }
}
