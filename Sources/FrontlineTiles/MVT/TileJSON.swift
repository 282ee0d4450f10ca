import Foundation
import FrontlineGeo
import FrontlineRender

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
    public static func style(_ m: TileMetadata, tileJSON: String) -> String {
        let t = Theme.light
        func hex(_ c: RGBA) -> JSONOut { .string(c.hex) }
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
            .object([("id", .string("background")), ("type", .string("background")), ("paint", .object([("background-color", hex(t.neighbourLand))]))]),
            layer("land", "fill", "regions", paint: [("fill-color", hex(t.land))]),
            // Over the land: the lakes lie inside it; the sea only meets it at the coast.
            layer("water", "fill", "water", paint: [("fill-color", hex(t.water))]),
            layer("occupied", "fill", "control", filter: status("occupied"),
                  paint: [("fill-color", hex(t.fill(.occupied).color)), ("fill-opacity", .fixed(t.fill(.occupied).color.a, decimals: 2))]),
            layer("contested", "fill", "control", filter: status("contested"),
                  paint: [("fill-color", hex(t.fill(.contested).color)), ("fill-opacity", .fixed(t.fill(.contested).color.a, decimals: 2))]),
            layer("liberated", "fill", "control", filter: status("liberated"),
                  paint: [("fill-color", hex(t.fill(.liberated).color)), ("fill-opacity", .fixed(t.fill(.liberated).color.a, decimals: 2))]),
            layer("held_abroad", "fill", "control", filter: status("held_abroad"),
                  paint: [("fill-color", hex(t.fill(.heldAbroad).color)), ("fill-opacity", .fixed(t.fill(.heldAbroad).color.a, decimals: 2))]),
            layer("region-borders", "line", "regions", paint: [("line-color", hex(t.regionBorder.color)), ("line-width", .fixed(0.7, decimals: 1))]),
            layer("borders", "line", "borders", paint: [("line-color", hex(t.countryBorder.color)), ("line-width", .fixed(1.2, decimals: 1))]),
            layer("front", "line", "front", paint: [("line-color", hex(t.frontLine.color)), ("line-width", .fixed(2.2, decimals: 1))]),
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
