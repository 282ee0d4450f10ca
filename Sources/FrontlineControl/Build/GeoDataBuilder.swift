import Foundation
import FrontlineGeo

/// Regenerates a dataset folder from the raw inputs (`frontline geodata`): regions clipped
/// to land, base layers, `dataset.json` and DeepState snapshots. Every output is written
/// atomically and deterministically, so a rebuild from the same inputs changes no byte.
public struct GeoDataBuilder {
    /// `GeoData/sources`: boundaries, land, Natural Earth layers, region names.
    public var sources: URL
    /// The dataset folder to write (`GeoData/ukraine`).
    public var output: URL
    /// A folder of DeepState daily files, or nil to leave snapshots alone.
    public var deepStateDaily: URL?
    public var selection: SnapshotSelection
    public var log: (String) -> Void

    /// The map extent (dataset.json) and the wider box base layers are clipped to, so that
    /// the canvas never shows the clip edge: the whole GSHHG source box.
    public static let ukraineExtent = Envelope(minX: 21.0, minY: 43.6, maxX: 41.5, maxY: 53.2)
    public static let baseExtent = Envelope(minX: 18.0, minY: 42.0, maxX: 45.0, maxY: 56.5)

    public init(sources: URL, output: URL, deepStateDaily: URL?, selection: SnapshotSelection, log: @escaping (String) -> Void) {
        self.sources = sources
        self.output = output
        self.deepStateDaily = deepStateDaily
        self.selection = selection
        self.log = log
    }

    /// Dates the documentation and tests quote, kept in the bundle whatever the gap rule.
    public static let quotedDates = Set(["2025-02-05", "2026-02-04", "2026-02-05", "2026-02-06"].compactMap { DayDate($0) })

    /// The first day of every month in the years given: monthly charts and diffs land on them.
    public static func firstsOfMonths(from: Int, to: Int) -> Set<DayDate> {
        Set((from...to).flatMap { y in (1...12).compactMap { DayDate(year: y, month: $0, day: 1) } })
    }

    public func buildAll() throws {
        try AtomicFile.makeFolder(output.appendingPathComponent("base"))
        try writeDatasetInfo()
        let land = try landMask()
        try buildRegions(land: land)
        try buildBase()
        if let deepStateDaily { try buildSnapshots(from: deepStateDaily) }
    }

    func source(_ name: String) -> URL { sources.appendingPathComponent(name) }

    /// The GSHHG full-resolution land: the mask that keeps Kherson on land and follows the coasts.
    func landMask() throws -> Geometry {
        let fc = try GeoJSONReader.read(contentsOf: source("gshhg-full-land.geojson"))
        return try Geometry.union(try fc.features.compactMap { try $0.geometry?.geometry().makeValid() })
    }

    func buildRegions(land: Geometry) throws {
        let fc = try RegionBuilder(boundaries: source("geoboundaries-UKR-ADM1-simplified.geojson"),
                                   land: land, names: source("region-names.csv")).build()
        try AtomicFile.write(GeoJSONWriter(decimals: 6).data(fc), to: output.appendingPathComponent("regions.geojson"))
        log("regions.geojson: \(fc.features.count) regions clipped to GSHHG land")
        let borders = try RegionBorders(regions: fc, land: land)
        for (name, lines) in [("region-borders", borders.internal), ("country-border", borders.external)] {
            let out = GeoJSONFeatureCollection(features: [GeoJSONFeature(geometry: lines.geoJSON)])
            try AtomicFile.write(GeoJSONWriter(decimals: 6).data(out), to: output.appendingPathComponent("base/\(name).geojson"))
            log("base/\(name).geojson: \(lines.lines.count) lines")
        }
    }

    func buildBase() throws {
        let b = BaseLayerBuilder(extent: GeoDataBuilder.baseExtent)
        let land = try b.clip(read("gshhg-full-land.geojson"), keep: [], simplify: 0.002)
        let (water, coast) = try b.waterAndCoast(land: land)
        let layers: [(String, GeoJSONFeatureCollection)] = [
            ("land", land),
            ("water", water),
            ("coast", coast),
            ("borders", try b.clip(read("naturalearth-10m-borders.geojson"),
                                   keep: [("adm0_a3_l", "left"), ("adm0_a3_r", "right"), ("type", "type")])),
            ("rivers", try b.clip(read("naturalearth-10m-rivers-europe.geojson").merging(read("naturalearth-10m-rivers.geojson")),
                                  keep: [("name", "name"), ("scalerank", "rank")])),
            ("lakes", try b.clip(read("naturalearth-10m-lakes-europe.geojson").merging(read("naturalearth-10m-lakes.geojson")),
                                 keep: [("name", "name"), ("scalerank", "rank")])),
            ("places", b.points(try read("naturalearth-10m-places.geojson"), nameKey: "NAME_EN",
                                names: try CSVTable.read(source("place-names.csv")).mapValues { ($0[0], $0[1]) },
                                keep: [("ADM0_A3", "country"), ("POP_MAX", "population"), ("SCALERANK", "rank"), ("ADM0CAP", "capital")],
                                sortKey: "POP_MAX")),
        ]
        for (name, fc) in layers {
            try AtomicFile.write(GeoJSONWriter(decimals: 5).data(fc), to: output.appendingPathComponent("base/\(name).geojson"))
            log("base/\(name).geojson: \(fc.features.count) features")
        }
    }

    func buildSnapshots(from folder: URL) throws {
        let files = try DeepStateDailyImporter.files(in: folder)
        let keep = Set(selection.select(files.map(\.date)))
        let dir = output.appendingPathComponent("snapshots/\(DeepStateDailyImporter.sourceID)")
        try AtomicFile.makeFolder(dir)
        var written = 0
        for (date, url) in files where keep.contains(date) {
            let snapshot = try DeepStateDailyImporter.read(url, warn: log)
            try AtomicFile.write(SnapshotFile.data(snapshot), to: dir.appendingPathComponent("\(date).geojson"))
            written += 1
        }
        log("snapshots/deepstate: \(written) of \(files.count) daily files")
    }

    func writeDatasetInfo() throws {
        let e = GeoDataBuilder.ukraineExtent
        let info = DatasetInfo(
            id: "ukraine", title: "Ukraine",
            projection: "+proj=lcc +lat_0=48.5 +lat_1=45 +lat_2=52 +lon_0=31 +datum=WGS84 +units=m +no_defs",
            extent: [e.minX, e.minY, e.maxX, e.maxY],
            attribution: ["Boundaries: geoBoundaries; © OpenStreetMap contributors", "Land: GSHHG", "Base: Natural Earth"],
            sources: [.init(id: "deepstate", name: "DeepStateMap.Live", attribution: "Control: DeepStateMap.Live",
                            licence: "GPL-3.0 (collection by github.com/cyterat/deepstate-map-data)",
                            url: "https://deepstatemap.live")],
            defaultDate: "2026-02-05", country: "UKR",
            names: ["en": "Ukraine", "uk": "Україна"],
            statusLabels: ["occupied": ["en": "Occupied by Russia", "uk": "Окуповано Росією"],
                           "contested": ["en": "Contested (grey zone)", "uk": "Сіра зона"],
                           "liberated": ["en": "Liberated by Ukraine", "uk": "Звільнено Україною"]])
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try enc.encode(info) + Data("\n".utf8), to: output.appendingPathComponent("dataset.json"))
    }

    private func read(_ name: String) throws -> GeoJSONFeatureCollection { try GeoJSONReader.read(contentsOf: source(name)) }
}

extension GeoJSONFeatureCollection {
    func merging(_ other: GeoJSONFeatureCollection) -> GeoJSONFeatureCollection {
        GeoJSONFeatureCollection(features: features + other.features, foreignMembers: foreignMembers)
    }
}
