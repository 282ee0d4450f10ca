import Foundation

/// Reads GeoJSON text into `GeoJSONFeatureCollection`, checking what RFC 7946 requires of
/// geometries: positions with two numbers in lon/lat range, LineStrings of two or more
/// positions, closed rings of four or more. Errors name the feature ("feature 3: ...").
public enum GeoJSONReader {
    /// Any GeoJSON object is accepted: a FeatureCollection, a single Feature or a bare geometry
    /// all come back as a collection. Foreign members of the top object are kept.
    public static func read(_ data: Data) throws -> GeoJSONFeatureCollection {
        try collection(from: JSONParser.parse(data))
    }

    public static func read(contentsOf url: URL) throws -> GeoJSONFeatureCollection {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GeoError.malformedJSON("\(url.path): cannot read the file")
        }
        do { return try read(data) } catch let e as GeoError { throw e.located(url.path) }
    }

    /// Parses JSON text without interpreting it as GeoJSON.
    public static func parseJSON(_ data: Data) throws -> JSONValue { try JSONParser.parse(data) }

    public static func collection(from json: JSONValue) throws -> GeoJSONFeatureCollection {
        guard case .object(let members) = json else {
            throw GeoError.malformedJSON("expected a GeoJSON object, found \(json.typeName)")
        }
        let type = json["type"]?.stringValue
        switch type {
        case "FeatureCollection":
            guard case .array(let items)? = json["features"] else {
                throw GeoError.malformedJSON("FeatureCollection without a 'features' array")
            }
            var features: [GeoJSONFeature] = []
            features.reserveCapacity(items.count)
            for (n, item) in items.enumerated() {
                do { features.append(try feature(from: item)) } catch let e as GeoError { throw e.located("feature \(n)") }
            }
            let foreign = members.filter { $0.key != "type" && $0.key != "features" }
            return GeoJSONFeatureCollection(features: features, foreignMembers: foreign)
        case "Feature":
            let f: GeoJSONFeature
            do { f = try feature(from: json) } catch let e as GeoError { throw e.located("feature 0") }
            return GeoJSONFeatureCollection(features: [f])
        case .some(let t) where geometryTypes.contains(t):
            let g: GeoJSONGeometry
            do { g = try geometry(from: json) } catch let e as GeoError { throw e.located("feature 0") }
            return GeoJSONFeatureCollection(features: [GeoJSONFeature(geometry: g)])
        default:
            throw GeoError.malformedJSON("not GeoJSON: 'type' is \(type.map { "'\($0)'" } ?? "missing")")
        }
    }

    static let geometryTypes: Set<String> = ["Point", "MultiPoint", "LineString", "MultiLineString",
                                             "Polygon", "MultiPolygon", "GeometryCollection"]

    public static func feature(from json: JSONValue) throws -> GeoJSONFeature {
        guard json["type"]?.stringValue == "Feature" else {
            throw GeoError.malformedJSON("expected a Feature, found \(json["type"]?.stringValue.map { "'\($0)'" } ?? json.typeName)")
        }
        let geometryValue = json["geometry"]
        let geom: GeoJSONGeometry?
        switch geometryValue {
        case nil:
            throw GeoError.malformedJSON("Feature without a 'geometry' member")
        case .null?:
            geom = nil
        case let g?:
            geom = try geometry(from: g)
        }
        var properties: [(key: String, value: JSONValue)] = []
        switch json["properties"] {
        case .object(let p)?: properties = p
        case .null?, nil: break
        case let other?: throw GeoError.malformedJSON("'properties' is \(other.typeName), expected an object")
        }
        return GeoJSONFeature(geometry: geom, properties: properties, id: json["id"])
    }

    public static func geometry(from json: JSONValue) throws -> GeoJSONGeometry {
        guard let type = json["type"]?.stringValue else { throw GeoError.malformedJSON("geometry without a 'type'") }
        if type == "GeometryCollection" {
            guard case .array(let items)? = json["geometries"] else {
                throw GeoError.malformedJSON("GeometryCollection without a 'geometries' array")
            }
            return .geometryCollection(try items.map(geometry(from:)))
        }
        guard geometryTypes.contains(type) else { throw GeoError.malformedJSON("unknown geometry type '\(type)'") }
        guard case .coordinates(let c)? = json["coordinates"] else {
            throw GeoError.malformedJSON("\(type) without a 'coordinates' array")
        }
        let g = try build(type, c)
        for p in g.allPositions where !p.isValidLonLat {
            throw GeoError.invalidGeometry("\(type) has a coordinate outside lon/lat range: [\(p.x), \(p.y)]")
        }
        return g
    }

    private static func build(_ type: String, _ c: CoordinateNode) throws -> GeoJSONGeometry {
        switch type {
        case "Point": return .point(try position(c, type))
        case "MultiPoint": return .multiPoint(try positions(c, type, minimum: 0))
        case "LineString": return .lineString(try positions(c, type, minimum: 2))
        case "MultiLineString": return .multiLineString(try list(c, type).map { try positions($0, type, minimum: 2) })
        case "Polygon": return .polygon(try rings(c))
        default: return .multiPolygon(try list(c, type).map(rings))
        }
    }

    private static func position(_ c: CoordinateNode, _ type: String) throws -> Position {
        guard case .position(let p) = c else { throw GeoError.malformedJSON("\(type) coordinates must be one position") }
        return p
    }

    private static func positions(_ c: CoordinateNode, _ type: String, minimum: Int) throws -> [Position] {
        switch c {
        case .positions(let ps) where ps.count >= minimum: return ps
        case .positions(let ps): throw GeoError.invalidGeometry("\(type) has \(ps.count) positions, needs at least \(minimum)")
        case .list(let l) where l.isEmpty && minimum == 0: return []
        default: throw GeoError.malformedJSON("\(type) coordinates must be an array of positions")
        }
    }

    private static func list(_ c: CoordinateNode, _ type: String) throws -> [CoordinateNode] {
        switch c {
        case .list(let l): return l
        case .positions(let ps) where type == "MultiLineString": return [.positions(ps)]
        default: throw GeoError.malformedJSON("\(type) coordinates are nested one level too shallow")
        }
    }

    /// A polygon's rings: each closed, with at least four positions (RFC 7946 §3.1.6).
    private static func rings(_ c: CoordinateNode) throws -> [[Position]] {
        let items: [CoordinateNode]
        switch c {
        case .list(let l): items = l
        case .positions: throw GeoError.malformedJSON("Polygon coordinates must be an array of rings")
        case .position: throw GeoError.malformedJSON("Polygon coordinates must be an array of rings")
        }
        return try items.enumerated().map { n, node in
            guard case .positions(let ring) = node else { throw GeoError.malformedJSON("polygon ring \(n) is not an array of positions") }
            guard ring.count >= 4 else { throw GeoError.invalidGeometry("polygon ring \(n) has \(ring.count) positions, needs at least 4") }
            guard ring.first == ring.last else {
                throw GeoError.invalidGeometry("polygon ring \(n) is not closed: it starts at [\(ring[0].x), \(ring[0].y)] and ends at [\(ring[ring.count - 1].x), \(ring[ring.count - 1].y)]")
            }
            return ring
        }
    }
}
