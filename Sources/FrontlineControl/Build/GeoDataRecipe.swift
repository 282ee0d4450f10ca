import Foundation
import FrontlineGeo
import FrontlineSupport

/// What `frontline geodata` builds, read from `recipe.json` in the sources folder: the
/// dataset's description (written as its dataset.json) and the build's parameters. The
/// Ukrainian dataset's particulars live in that file, not in the builder.
public struct GeoDataRecipe: Codable, Sendable {
    /// The dataset.json to write (the regions' checksum is added by the build).
    public var dataset: DatasetInfo
    /// The first-level boundaries file in the sources folder.
    public var boundaries: String
    /// [minLon, minLat, maxLon, maxLat] the base layers are clipped to (wider than the map's
    /// extent, so that no canvas shows the clip edge).
    public var baseExtent: [Double]
    /// Regions the baseline holds whole (Crimea, Sevastopol).
    public var baselineWholeRegions: [String]
    /// The last date the Liveuamap history is bundled for.
    public var liveuamapUntil: DayDate
    /// The first full export bundled.
    public var rawFrom: DayDate
    /// Daily snapshots always bundled (dates the documentation and tests quote).
    public var keepDates: [DayDate]
    /// [first year, last year]: the first day of every month is always bundled.
    public var keepFirstsOfMonths: [Int]
    /// How the gazetteer (`places.csv`) is built; nil builds none.
    public var gazetteer: GazetteerBuilder.Rules?
    /// Lakes and reservoirs that are gone from a date on (`until` on their feature in
    /// `base/lakes.geojson`): maps of that date or later do not draw them.
    public var waterUntil: [WaterChange]?
    public struct WaterChange: Codable, Sendable {
        public var name: String
        public var until: DayDate
        public var why: String
    }
    /// Names of the countries and seas around the regions (`base/labels.json`).
    public var areaLabels: [AreaLabel]?

    public static let fileName = "recipe.json"

    public static func load(sources: URL) throws -> GeoDataRecipe {
        let url = sources.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FrontlineError.missingInput("no \(fileName) in \(sources.path): it says what to build")
        }
        let recipe: GeoDataRecipe
        do { recipe = try JSONDecoder().decode(GeoDataRecipe.self, from: data) } catch {
            throw FrontlineError.badData("\(url.path): \(error)")
        }
        // The shapes the build indexes into: a bad recipe is an error here, not a trap later.
        guard recipe.baseExtent.count == 4 else { throw FrontlineError.badData("\(url.path): baseExtent must be [minLon, minLat, maxLon, maxLat]") }
        guard recipe.keepFirstsOfMonths.count == 2, recipe.keepFirstsOfMonths[0] <= recipe.keepFirstsOfMonths[1] else {
            throw FrontlineError.badData("\(url.path): keepFirstsOfMonths must be [first year, last year]")
        }
        return recipe
    }

    var baseEnvelope: Envelope { Envelope(minX: baseExtent[0], minY: baseExtent[1], maxX: baseExtent[2], maxY: baseExtent[3]) }

    /// Every date a daily build keeps whatever the gap rule.
    public var alwaysKept: Set<DayDate> {
        let years = keepFirstsOfMonths[0]...keepFirstsOfMonths[1]  // checked by `load`
        return Set(keepDates).union(years.flatMap { y in (1...12).compactMap { DayDate(year: y, month: $0, day: 1) } })
    }
}
