import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// The context layers of a dataset (`base/`), read once as plain coordinates: they are only
/// projected and drawn, never overlaid, so they need no GEOS geometry.
public struct BaseMap: Sendable {
    public struct Line: Sendable {
        public let points: [Position]
        /// Natural Earth scale rank: lower is more important.
        public let rank: Int
    }

    /// A place of the dataset's gazetteer.
    public typealias Place = Gazetteer.Place

    public let water: [[[Position]]]
    public let coast: [[Position]]
    public let lakes: [[[Position]]]
    /// Per lake polygon, the date from which it is gone (a drained reservoir), or nil.
    public let lakeUntil: [DayDate?]

    /// The lakes that hold water on `date`.
    public func lakes(on date: DayDate) -> [[[Position]]] {
        zip(lakes, lakeUntil).filter { $0.1.map { date < $0 } ?? true }.map(\.0)
    }
    /// International borders with the ISO codes on either side.
    public let borders: [(points: [Position], countries: Set<String>)]
    /// Borders between the dataset's regions, each once (nil when the folder has none).
    public let regionBorders: [[Position]]?
    /// The land border of the dataset's regions as a whole.
    public let countryBorder: [[Position]]?
    public let rivers: [Line]
    public let places: [Place]
    /// Names of the countries and seas around the regions.
    public let areaLabels: [AreaLabel]
    /// The dataset's baseline (`baseline.geojson`: land held before the period the dataset
    /// covers), drawn inside occupied land; empty when the dataset has none. Read here, with
    /// the other layers, because drawing needs only its coordinates.
    public let baseline: [[[Position]]]

    /// How many times `base/` was read in this process: a report or a tile server reads it once.
    public static var readCount: Int { reads.value }
    private static let reads = Locked(0)

    /// Starts reading `base/` on another core (`warmUp` runs there first, e.g. a renderer's
    /// fonts): a command that knows its folder starts this before opening the dataset.
    public static func load(_ folder: URL, warmUp: @escaping @Sendable () -> Void = {}) -> Background<BaseMap> {
        Background {
            warmUp()
            return try BaseMap(folder: folder)
        }
    }

    /// Reads `base/` of a dataset folder; a missing file is an empty layer (a dataset may
    /// have no rivers), a corrupt one is an error naming it.
    public init(folder: URL) throws {
        BaseMap.reads.update { $0 += 1 }
        func read(_ name: String) throws -> GeoJSONFeatureCollection {
            let url = folder.appendingPathComponent("base/\(name).geojson")
            guard FileManager.default.fileExists(atPath: url.path) else { return GeoJSONFeatureCollection(features: []) }
            do { return try OutlineStore.read("base/\(name).geojson", in: folder, bytes: Data(contentsOf: url)) } catch {
                throw FrontlineError.badData(in: "base/\(name).geojson", error)
            }
        }
        water = BaseMap.polygons(try read("water"))
        coast = try read("coast").features.flatMap { BaseMap.lines($0.geometry) }
        let lakeParts = try read("lakes").features.flatMap { f in
            BaseMap.polygons(f.geometry).map { ($0, f[property: "until"]?.stringValue.flatMap(DayDate.init)) }
        }
        lakes = lakeParts.map(\.0)
        lakeUntil = lakeParts.map(\.1)
        borders = try read("borders").features.flatMap { f in
            let sides = Set([f[property: "left"]?.stringValue, f[property: "right"]?.stringValue].compactMap { $0 })
            return BaseMap.lines(f.geometry).map { ($0, sides) }
        }
        let internalBorders = try read("region-borders").features.flatMap { BaseMap.lines($0.geometry) }
        regionBorders = internalBorders.isEmpty ? nil : internalBorders
        let outline = try read("country-border").features.flatMap { BaseMap.lines($0.geometry) }
        countryBorder = outline.isEmpty ? nil : outline
        rivers = try read("rivers").features.flatMap { f in
            BaseMap.lines(f.geometry).map { Line(points: $0, rank: Int(f[property: "rank"]?.numberValue ?? 10)) }
        }
        let baselineURL = folder.appendingPathComponent(Baseline.fileName)
        do {
            baseline = FileManager.default.fileExists(atPath: baselineURL.path) ? BaseMap.polygons(try OutlineStore.read(Baseline.fileName, in: folder, bytes: Data(contentsOf: baselineURL))) : []
        } catch { throw FrontlineError.badData(in: Baseline.fileName, error) }
        places = try Gazetteer.load(folder: folder).places
        areaLabels = try AreaLabel.load(folder: folder)
    }

    /// The lon/lat box the base layers cover (the sea, coasts and borders), nil when empty:
    /// beyond it a map shows no base.
    public var extent: Envelope? {
        let boxes = water.compactMap { $0.first.flatMap { Envelope(of: $0) } } + coast.compactMap { Envelope(of: $0) }
            + borders.compactMap { Envelope(of: $0.points) }
        return boxes.dropFirst().reduce(boxes.first) { $0?.union($1) }
    }

    static func polygons(_ fc: GeoJSONFeatureCollection) -> [[[Position]]] { fc.features.flatMap { polygons($0.geometry) } }

    static func polygons(_ g: GeoJSONGeometry?) -> [[[Position]]] {
        switch g {
        case .polygon(let rings)?: return [rings]
        case .multiPolygon(let polys)?: return polys
        default: return []
        }
    }

    static func lines(_ g: GeoJSONGeometry?) -> [[Position]] {
        switch g {
        case .lineString(let l)?: return [l]
        case .multiLineString(let ls)?: return ls
        case .geometryCollection(let gs)?: return gs.flatMap { lines($0) }
        default: return []
        }
    }
}

extension Gazetteer.Place {
    public var capital: Bool { role == .capital }
}

extension Dataset {
    /// The dataset's base layers, read now.
    public func baseMap() throws -> BaseMap { try BaseMap(folder: folder) }
}
