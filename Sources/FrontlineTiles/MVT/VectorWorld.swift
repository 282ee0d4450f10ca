import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// What the vector tiles of a date show, as plain values in Web Mercator metres: the layers
/// Control hands out for export (held land by status, the front line, the regions with their
/// figures, the places with their status) and the international borders of the base map, each
/// feature with its attributes. Built once per date; tiles are cut from it on any thread.
public struct VectorWorld: Sendable {
    /// The exports' shapes, in metres here.
    public typealias Shape = ExportLayer.Shape

    public struct Feature: Sendable {
        let shape: Shape
        let attributes: [(String, ExportLayer.Value)]
        let box: Envelope
        /// The lowest zoom the feature is in (places by rank; everything else 0).
        let minZoom: Int
    }

    public struct Layer: Sendable {
        public let layer: MapLayer
        public var name: String { layer.tableName ?? layer.id }
        let features: [Feature]
        /// Field names and types, for the MBTiles and TileJSON `vector_layers`.
        public let fields: [(String, ExportLayer.FieldType)]
    }

    public let layers: [Layer]
    public let date: DayDate
    public let snapshot: SnapshotRef

    /// `dropping` names fields left out of every layer: a series leaves out `snapshot` and
    /// `source`, which its folders and TileJSON carry, so that tiles where nothing changed are
    /// the same bytes from one date to the next.
    public init(dataset: Dataset, date: DayDate, source: String? = nil, dropping: Set<String> = []) throws {
        let set = try dataset.exportSet(asOf: date, what: [.control, .front, .regions, .places], source: source)
        snapshot = try dataset.timeline.snapshot(asOf: date, source: source).ref
        self.date = date
        var layers = set.layers.map { VectorWorld.layer($0, dropping: dropping) }
        let base = try dataset.baseMap()
        layers.append(VectorWorld.water(base, date: date))
        layers.append(VectorWorld.borders(base))
        self.layers = layers
    }

    static func project(_ ring: [Position]) -> [Position] { ring.map(TileCoord.mercator) }

    static func feature(_ shape: ExportLayer.Shape, _ attributes: [(String, ExportLayer.Value)], minZoom: Int = 0) -> Feature? {
        let s: Shape
        switch shape {
        case .polygons(let p): s = .polygons(p.map { $0.map(project) })
        case .lines(let l): s = .lines(l.map(project))
        case .point(let p): s = .point(TileCoord.mercator(p))
        }
        let all: [Position]
        switch s {
        case .polygons(let p): all = p.compactMap(\.first).flatMap { $0 }
        case .lines(let l): all = l.flatMap { $0 }
        case .point(let p): all = [p]
        }
        guard let box = Envelope(of: all) else { return nil }
        return Feature(shape: s, attributes: attributes, box: box, minZoom: minZoom)
    }

    static func layer(_ l: ExportLayer, dropping: Set<String> = []) -> Layer {
        let isPlaces = l.layer == .places
        var fields = l.fields.map { ($0.name, $0.type) }.filter { !dropping.contains($0.0) }
        if isPlaces { fields.append(("rank", .integer)) }
        let features = l.features.compactMap { f -> Feature? in
            var attributes = zip(l.fields.map(\.name), f.values).map { ($0, $1) }.filter { !dropping.contains($0.0) }
            var minZoom = 0
            if isPlaces, case .integer(let population)? = attributes.first(where: { $0.0 == "population" })?.1 {
                let rank = VectorWorld.rank(population: population)
                attributes.append(("rank", .integer(rank)))
                minZoom = max(0, rank + 3)  // rank 1 from z4, rank 5 from z8
            }
            return feature(f.shape, attributes, minZoom: minZoom)
        }
        return Layer(layer: l.layer, features: features, fields: fields)
    }

    /// 1 for cities of 500,000 people, then 100,000, 20,000, 5,000; 5 for the rest: a style
    /// filters on it, and a place enters the tiles at zoom rank + 3.
    static func rank(population: Int) -> Int {
        population >= 500_000 ? 1 : population >= 100_000 ? 2 : population >= 20_000 ? 3 : population >= 5_000 ? 4 : 5
    }

    /// The sea and the lakes that hold water on `date` (a drained reservoir is gone from its
    /// date on), as the printed map draws them.
    static func water(_ base: BaseMap, date: DayDate) -> Layer {
        let sea = base.water.compactMap { feature(.polygons([$0]), [("kind", .text("sea"))]) }
        let lakes = base.lakes(on: date).compactMap { feature(.polygons([$0]), [("kind", .text("lake"))]) }
        return Layer(layer: .water, features: sea + lakes, fields: [("kind", .text)])
    }

    static func borders(_ base: BaseMap) -> Layer {
        let features = base.borders.compactMap { b in
            feature(.lines([b.points]), [("countries", .text(b.countries.sorted().joined(separator: ",")))])
        }
        return Layer(layer: .borders, features: features, fields: [("countries", .text)])
    }
}
