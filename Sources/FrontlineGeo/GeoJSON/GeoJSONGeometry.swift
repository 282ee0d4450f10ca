/// A GeoJSON geometry (RFC 7946 §3.1) as plain Swift values, XY only.
public indirect enum GeoJSONGeometry: Equatable {
    case point(Position)
    case multiPoint([Position])
    case lineString([Position])
    case multiLineString([[Position]])
    case polygon([[Position]])
    case multiPolygon([[[Position]]])
    case geometryCollection([GeoJSONGeometry])

    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .multiPoint: return "MultiPoint"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }

    /// Every position, in order (for range checks and envelopes).
    public var allPositions: [Position] {
        switch self {
        case .point(let p): return [p]
        case .multiPoint(let ps), .lineString(let ps): return ps
        case .multiLineString(let ls), .polygon(let ls): return ls.flatMap { $0 }
        case .multiPolygon(let polys): return polys.flatMap { $0.flatMap { $0 } }
        case .geometryCollection(let gs): return gs.flatMap { $0.allPositions }
        }
    }
}

/// A GeoJSON Feature: a geometry (or none) with properties. Properties keep their order.
public struct GeoJSONFeature: Equatable {
    public var geometry: GeoJSONGeometry?
    public var properties: [(key: String, value: JSONValue)]
    public var id: JSONValue?

    public init(geometry: GeoJSONGeometry?, properties: [(key: String, value: JSONValue)] = [], id: JSONValue? = nil) {
        self.geometry = geometry
        self.properties = properties
        self.id = id
    }

    public subscript(property key: String) -> JSONValue? {
        properties.first(where: { $0.key == key })?.value
    }

    public static func == (a: GeoJSONFeature, b: GeoJSONFeature) -> Bool {
        a.geometry == b.geometry && a.id == b.id && JSONValue.object(a.properties) == JSONValue.object(b.properties)
    }
}

/// A GeoJSON FeatureCollection with its foreign members (`name`, `crs`, `date`, `source`...),
/// which RFC 7946 allows and the project's snapshot format uses.
public struct GeoJSONFeatureCollection: Equatable {
    public var features: [GeoJSONFeature]
    public var foreignMembers: [(key: String, value: JSONValue)]

    public init(features: [GeoJSONFeature], foreignMembers: [(key: String, value: JSONValue)] = []) {
        self.features = features
        self.foreignMembers = foreignMembers
    }

    public subscript(member key: String) -> JSONValue? {
        foreignMembers.first(where: { $0.key == key })?.value
    }

    public static func == (a: GeoJSONFeatureCollection, b: GeoJSONFeatureCollection) -> Bool {
        a.features == b.features && JSONValue.object(a.foreignMembers) == JSONValue.object(b.foreignMembers)
    }
}
