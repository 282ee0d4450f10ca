import Foundation
import FrontlineGeo

/// Where rendered tiles go: a folder tree or an MBTiles file. Called from one thread.
public protocol TileSink {
    func write(_ tile: TileCoord, _ png: Data) throws
    /// Makes everything written visible at once (an interrupted run leaves nothing half-done).
    func finish(metadata: TileMetadata) throws
    /// Abandons what was written (after an error): the target stays as it was.
    func discard()
}

/// What MBTiles 1.3 calls metadata; the folder writer stores it as metadata.json.
public struct TileMetadata: Sendable {
    public var name: String
    public var description: String
    public var attribution: String
    public var bounds: Envelope
    public var minZoom: Int
    public var maxZoom: Int
    public var overlay: Bool
    /// `png`, or `pbf` for vector tiles.
    public var format = "png"
    /// Vector tiles: the layers and their fields (MBTiles' `json` metadata, TileJSON's `vector_layers`).
    public var vectorLayers: [(id: String, fields: [(String, String)])] = []

    public init(name: String, description: String, attribution: String, bounds: Envelope, minZoom: Int, maxZoom: Int, overlay: Bool) {
        self.name = name
        self.description = description
        self.attribution = attribution
        self.bounds = bounds
        self.minZoom = minZoom
        self.maxZoom = maxZoom
        self.overlay = overlay
    }

    /// The MBTiles metadata rows.
    var rows: [(String, String)] {
        let b = bounds, c = bounds.center
        var rows = [("name", name), ("format", format), ("type", overlay ? "overlay" : "baselayer"), ("version", "1.3"),
                ("description", description), ("attribution", attribution),
                ("bounds", String(format: "%.6f,%.6f,%.6f,%.6f", b.minX, b.minY, b.maxX, b.maxY)),
                ("center", String(format: "%.6f,%.6f,%d", c.x, c.y, minZoom + (maxZoom - minZoom) / 2)),
                ("minzoom", "\(minZoom)"), ("maxzoom", "\(maxZoom)")]
        if !vectorLayers.isEmpty { rows.append(("json", vectorLayersJSON)) }
        return rows
    }

    /// `{"vector_layers": [{"id", "fields": {name: type}, "minzoom", "maxzoom"}]}`.
    public var vectorLayersJSON: String { JSONOut.object([("vector_layers", vectorLayersList)]).text }

    /// The `vector_layers` array itself, as MBTiles, PMTiles and TileJSON all write it.
    public var vectorLayersList: JSONOut {
        .array(vectorLayers.map { l in
            .object([("id", .string(l.id)), ("fields", .object(l.fields.map { ($0.0, .string($0.1)) })),
                     ("minzoom", .int(minZoom)), ("maxzoom", .int(maxZoom))])
        })
    }
}
