import Foundation
import FrontlineGeo
import FrontlineSupport

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
    /// A DeepStateMap export to take the pre-2022 baseline from (ORDLO, Tuzla), or nil.
    public var baselineExport: URL?
    /// A folder of NZZ/Liveuamap files for the 2022 history, or nil.
    public var nzz: URL?
    /// A folder of full DeepStateMap exports for DeepState's history before its daily files
    /// (with contested and liberated layers), or nil.
    public var deepStateRaw: URL?

    /// What to build (`sources/recipe.json`): the dataset's description and the parameters.
    public let recipe: GeoDataRecipe

    /// `recipe` is read from `sources` unless the caller has read it already.
    public init(sources: URL, recipe: GeoDataRecipe? = nil, output: URL, deepStateDaily: URL?, selection: SnapshotSelection,
                baselineExport: URL? = nil, nzz: URL? = nil, log: @escaping (String) -> Void) throws {
        self.baselineExport = baselineExport
        self.nzz = nzz
        self.sources = sources
        self.output = output
        self.deepStateDaily = deepStateDaily
        self.selection = selection
        self.log = log
        self.recipe = try recipe ?? GeoDataRecipe.load(sources: sources)
    }

    public func buildAll() throws {
        try AtomicFile.makeFolder(output.appendingPathComponent("base"))
        let land = try landMask()
        try buildRegions(land: land)
        try writeDatasetInfo(regionsChecksum: try validatedRegionsChecksum())
        try buildBase()
        try buildGazetteer()
        if let deepStateDaily {
            try clearSnapshots(DeepStateDailyImporter.sourceID)
            try buildSnapshots(from: deepStateDaily)
        }
        if let baselineExport { try buildBaseline(from: baselineExport) }
        if let nzz {
            try clearSnapshots(NZZImporter.sourceID)
            try buildLiveuamap(from: nzz)
        }
        if let deepStateRaw {
            try RawHistoryBuilder(output: output, log: log, from: recipe.rawFrom).build(from: deepStateRaw)
        }
        if deepStateDaily != nil || nzz != nil { try packSnapshots() }
        try writeOutlines()
    }

    /// The binary form of the folder's GeoJSON outlines (`OutlineStore`), written last.
    func writeOutlines() throws {
        let names = try OutlineStore.write(folder: output)
        log("\(OutlineStore.fileName): \(names.count) GeoJSON files, \(kilobytes(output.appendingPathComponent(OutlineStore.fileName))) KB")
    }

    /// A source rebuilt from its archive starts empty: nothing of an earlier build stays.
    func clearSnapshots(_ source: String) throws {
        let dir = output.appendingPathComponent("snapshots")
        for url in [dir.appendingPathComponent(source), dir.appendingPathComponent(SnapshotPackFormat.fileName(source: source))] {
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
    }

    /// Every source's snapshot files into its pack (GeoData/README.md "Snapshot packs").
    func packSnapshots() throws {
        let dir = output.appendingPathComponent("snapshots")
        for source in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where !source.contains(".") {
            let n = try SnapshotPacker.pack(snapshots: dir, source: source)
            log("snapshots/\(SnapshotPackFormat.fileName(source: source)): \(n) snapshots, \(kilobytes(dir.appendingPathComponent(SnapshotPackFormat.fileName(source: source)))) KB")
        }
    }

    /// A written file's size for the log.
    private func kilobytes(_ url: URL) -> Int { (FileStamp(path: url.path)?.size ?? 0) / 1024 }

    func buildBaseline(from export: URL) throws {
        let regions = try RegionSet.load(output.appendingPathComponent("regions.geojson"))
        let whole = try regions.resolve(recipe.baselineWholeRegions)
        let g = try Baseline.build(regions: whole, deepStateExport: export)
        try AtomicFile.write(try Baseline.data(g, source: "DeepStateMap export \(export.lastPathComponent) + regions \(recipe.baselineWholeRegions.joined(separator: ", "))",
                                               wholeRegions: recipe.baselineWholeRegions),
                             to: output.appendingPathComponent(Baseline.fileName))
        log("\(Baseline.fileName): \(Int(Geodesic.areaKm2(g))) km² held before 2022")
    }

    /// Every NZZ file until the recipe's `liveuamapUntil`: Liveuamap stands for the first
    /// months (`sourcePeriods`), and `--source liveuamap` compares the two archives after.
    func buildLiveuamap(from folder: URL) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        let dir = output.appendingPathComponent("snapshots/\(NZZImporter.sourceID)")
        try AtomicFile.makeFolder(dir)
        var written = 0
        for name in names {
            guard let d = DayDate(String(name.prefix(10))), d <= recipe.liveuamapUntil else { continue }
            let s = try NZZImporter.read(folder.appendingPathComponent(name), warn: log)
            try AtomicFile.write(try SnapshotFile.data(s), to: dir.appendingPathComponent("\(s.date).geojson"))
            written += 1
        }
        log("snapshots/\(NZZImporter.sourceID): \(written) NZZ files")
    }

    /// The most detailed river rank a map draws (region close-ups; country maps stop at 7).
    /// Natural Earth's European supplement adds ranks 10 to 12, three fifths of the file,
    /// which no map shows.
    public static let riverRankLimit = 9.0

    func source(_ name: String) -> URL { sources.appendingPathComponent(name) }

    /// The GSHHG full-resolution land: the mask that keeps Kherson on land and follows the coasts.
    func landMask() throws -> Geometry {
        let fc = try GeoJSONReader.read(contentsOf: source("gshhg-full-land.geojson"))
        return try Geometry.union(try fc.features.compactMap { try $0.geometry?.geometry().makeValid() })
    }

    func buildRegions(land: Geometry) throws {
        let fc = try RegionBuilder(boundaries: source(recipe.boundaries),
                                   land: land, names: source("region-names.csv")).build()
        try AtomicFile.write(GeoJSONWriter(decimals: 6).data(fc), to: output.appendingPathComponent("regions.geojson"))
        log("regions.geojson: \(fc.features.count) regions clipped to GSHHG land")
        if let admin = recipe.dataset.adminBasis {
            let units = try RegionBuilder(boundaries: source(recipe.boundaries), land: nil, names: source("region-names.csv")).build()
            try AtomicFile.write(GeoJSONWriter(decimals: 6).data(units), to: output.appendingPathComponent(admin.file))
            log("\(admin.file): \(units.features.count) administrative units with their waters")
        }
        let borders = try RegionBorders(regions: fc, land: land)
        for (name, lines) in [("region-borders", borders.internal), ("country-border", borders.external)] {
            let out = GeoJSONFeatureCollection(features: [GeoJSONFeature(geometry: lines.geoJSON)])
            try AtomicFile.write(GeoJSONWriter(decimals: 6).data(out), to: output.appendingPathComponent("base/\(name).geojson"))
            log("base/\(name).geojson: \(lines.lines.count) lines")
        }
    }

    func buildBase() throws {
        let b = BaseLayerBuilder(extent: recipe.baseEnvelope)
        let land = try b.clip(read("gshhg-full-land.geojson"), keep: [], simplify: 0.002)
        let (water, coast) = try b.waterAndCoast(land: land)
        let layers: [(String, GeoJSONFeatureCollection)] = [
            ("land", land),
            ("water", water),
            ("coast", coast),
            ("borders", try b.clip(read("naturalearth-10m-borders.geojson"),
                                   keep: [("adm0_a3_l", "left"), ("adm0_a3_r", "right"), ("type", "type")])),
            ("rivers", try b.clip(read("naturalearth-10m-rivers-europe.geojson").merging(read("naturalearth-10m-rivers.geojson"))
                                    .filtered { ($0[property: "scalerank"]?.numberValue ?? 99) <= GeoDataBuilder.riverRankLimit },
                                  keep: [("name", "name"), ("scalerank", "rank")])),
            ("lakes", withUntil(try b.clip(read("naturalearth-10m-lakes-europe.geojson").merging(read("naturalearth-10m-lakes.geojson")),
                                           keep: [("name", "name"), ("scalerank", "rank")]))),
        ]
        for (name, fc) in layers {
            try AtomicFile.write(GeoJSONWriter(decimals: 5).data(fc), to: output.appendingPathComponent("base/\(name).geojson"))
            log("base/\(name).geojson: \(fc.features.count) features")
        }
        if let labels = recipe.areaLabels {
            try AtomicFile.write(try AreaLabel.data(labels), to: output.appendingPathComponent(AreaLabel.fileName))
            log("\(AreaLabel.fileName): \(labels.count) countries and seas")
        }
    }

    /// Lakes the recipe says are gone from a date on get that date as `until`.
    func withUntil(_ lakes: GeoJSONFeatureCollection) -> GeoJSONFeatureCollection {
        let until = Dictionary((recipe.waterUntil ?? []).map { ($0.name, $0.until) }, uniquingKeysWith: { a, _ in a })
        return GeoJSONFeatureCollection(features: lakes.features.map { f in
            guard let name = f[property: "name"]?.stringValue, let d = until[name] else { return f }
            return GeoJSONFeature(geometry: f.geometry, properties: f.properties + [("until", .string(d.description))])
        }, foreignMembers: lakes.foreignMembers)
    }

    /// `places.csv` from the GeoNames extract, by the recipe's rules.
    func buildGazetteer() throws {
        guard let rules = recipe.gazetteer else { return }
        let regions = try RegionSet.load(output.appendingPathComponent("regions.geojson"))
        let g = try GazetteerBuilder(rules: rules, sources: sources, regions: regions, box: recipe.baseEnvelope).build()
        try AtomicFile.write(g.data(), to: output.appendingPathComponent(Gazetteer.fileName))
        log("\(Gazetteer.fileName): \(g.places.filter(\.isHome).count) places in the regions, \(g.places.filter { !$0.isHome }.count) beyond")
    }

    func buildSnapshots(from folder: URL) throws {
        let files = try DeepStateDailyImporter.files(in: folder)
        let keep = Set(selection.select(files.map(\.date)))
        let dir = output.appendingPathComponent("snapshots/\(DeepStateDailyImporter.sourceID)")
        try AtomicFile.makeFolder(dir)
        var written = 0
        for (date, url) in files where keep.contains(date) {
            let snapshot = try DeepStateDailyImporter.read(url, warn: log)
            try AtomicFile.write(try SnapshotFile.data(snapshot), to: dir.appendingPathComponent("\(date).geojson"))
            written += 1
        }
        log("snapshots/deepstate: \(written) of \(files.count) daily files")
    }

    /// Loads the regions just written with every check on; their checksum then tells later
    /// loads that this exact file was validated.
    func validatedRegionsChecksum() throws -> String {
        let url = output.appendingPathComponent("regions.geojson")
        var repairs: [String] = []
        _ = try RegionSet.load(url) { repairs.append($0) }
        guard repairs.isEmpty else { throw FrontlineError.badData("regions.geojson needs repairs: \(repairs[0])") }
        return Checksum.crc32(try Data(contentsOf: url))
    }

    func writeDatasetInfo(regionsChecksum: String) throws {
        var info = recipe.dataset
        info.regionsChecksum = regionsChecksum
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

    func filtered(_ keep: (GeoJSONFeature) -> Bool) -> GeoJSONFeatureCollection {
        GeoJSONFeatureCollection(features: features.filter(keep), foreignMembers: foreignMembers)
    }
}
