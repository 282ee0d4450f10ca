import Foundation
import FrontlineControl
import FrontlineGeo

/// The colours a MapLibre style draws the vector tiles with (CSS hex). The server and the CLI
/// take them from the printed map's theme (`TilePalette(theme:)`), so the web map and the
/// printed one match and Tiles need not know Render's themes.
public struct TilePalette: Sendable {
    public var background: String
    public var land: String
    public var water: String
    /// Per status its fill colour and opacity.
    public var statuses: [ControlStatus: (color: String, opacity: Double)]
    public var regionBorder: String
    public var countryBorder: String
    public var front: String
    public var text: String

    public init(background: String, land: String, water: String, statuses: [ControlStatus: (color: String, opacity: Double)],
                regionBorder: String, countryBorder: String, front: String, text: String) {
        self.background = background
        self.land = land
        self.water = water
        self.statuses = statuses
        self.regionBorder = regionBorder
        self.countryBorder = countryBorder
        self.front = front
        self.text = text
    }
}

/// TileJSON 3.0 for a vector pyramid, and a MapLibre style (v8) that draws it in the map's
/// light theme: what a web map needs beside the tiles. `tiles` is the URL template of the
/// tiles (absolute for MapLibre, e.g. https://cdn.example.org/control/{z}/{x}/{y}.pbf).
public enum TileJSON {
    /// A series (`tiles series`) adds `dates`, every date it holds, and `date_tiles`, the tile
    /// URL template with `{date}` for any of them: members of Frontline's own, which TileJSON
    /// 3.0 allows beside its fields.
    public static func document(_ m: TileMetadata, tiles: String, date: String, dates: [String] = [], dateTiles: String? = nil) -> String {
        let b = m.bounds, c = b.center
        var members: [(String, JSONOut)] = [
            ("tilejson", .string("3.0.0")), ("name", .string(m.name)), ("description", .string(m.description)),
            ("attribution", .string(m.attribution)), ("scheme", .string("xyz")), ("tiles", .array([.string(tiles)])),
            ("minzoom", .int(m.minZoom)), ("maxzoom", .int(m.maxZoom)),
            ("bounds", .array([b.minX, b.minY, b.maxX, b.maxY].map { .fixed($0, decimals: 4) })),
            ("center", .array([.fixed(c.x, decimals: 4), .fixed(c.y, decimals: 4), .int(min(m.maxZoom, 5))])),
        ]
        if !m.vectorLayers.isEmpty { members.append(("vector_layers", m.vectorLayersList)) }
        // The time dimension: the date the tiles show and the snapshot standing for it.
        members.append(("date", .string(date)))
        if !dates.isEmpty { members.append(("dates", .array(dates.map { .string($0) }))) }
        if let dateTiles { members.append(("date_tiles", .string(dateTiles))) }
        return JSONOut.object(members).text + "\n"
    }

    /// A MapLibre style drawing the layers with the colours of the printed map.
    public static func style(_ m: TileMetadata, tileJSON: String, palette t: TilePalette) -> String {
        func hex(_ c: String) -> JSONOut { .string(c) }
        func layer(_ id: String, _ type: String, _ source: String, filter: JSONOut? = nil, paint: [(String, JSONOut)],
                   minzoom: Int? = nil) -> JSONOut {
            var members: [(String, JSONOut)] = [("id", .string(id)), ("type", .string(type)), ("source", .string("frontline")),
                                                ("source-layer", .string(source))]
            if let filter { members.append(("filter", filter)) }
            if let minzoom { members.append(("minzoom", .int(minzoom))) }
            members.append(("paint", .object(paint)))
            return .object(members)
        }
        func status(_ s: String) -> JSONOut { .array([.string("=="), .array([.string("get"), .string("status")]), .string(s)]) }
        let layers: [JSONOut] = [
            .object([("id", .string("background")), ("type", .string("background")), ("paint", .object([("background-color", hex(t.background))]))]),
            layer("land", "fill", "regions", paint: [("fill-color", hex(t.land))]),
            // Over the land: the lakes lie inside it; the sea only meets it at the coast.
            layer("water", "fill", "water", paint: [("fill-color", hex(t.water))]),
            // The statuses in the order the printed map draws them.
        ] + ControlStatus.allCases.compactMap { st -> JSONOut? in
            guard let fill = t.statuses[st] else { return nil }
            return layer(st.rawValue, "fill", "control", filter: status(st.rawValue),
                         paint: [("fill-color", hex(fill.color)), ("fill-opacity", .fixed(fill.opacity, decimals: 2))])
        } + [
            layer("region-borders", "line", "regions", paint: [("line-color", hex(t.regionBorder)), ("line-width", .fixed(0.7, decimals: 1))]),
            layer("borders", "line", "borders", paint: [("line-color", hex(t.countryBorder)), ("line-width", .fixed(1.2, decimals: 1))]),
            layer("front", "line", "front", paint: [("line-color", hex(t.front)), ("line-width", .fixed(2.2, decimals: 1))]),
            layer("places", "circle", "places", filter: .array([.string("<="), .array([.string("get"), .string("rank")]), .int(3)]),
                  paint: [("circle-radius", .int(3)), ("circle-color", .string("#ffffff")), ("circle-stroke-color", hex(t.text)),
                          ("circle-stroke-width", .fixed(1.2, decimals: 1))], minzoom: 6),
        ]
        return JSONOut.object([
            ("version", .int(8)), ("name", .string(m.name)),
            ("sources", .object([("frontline", .object([("type", .string("vector")), ("url", .string(tileJSON)),
                                                       ("attribution", .string(m.attribution))]))])),
            ("layers", .array(layers)),
        ]).text + "\n"
    }
}
