/// A parsed JSON value. Object members keep their order (so that writing back is stable).
/// GeoJSON `coordinates` arrays are not stored as nested `.array`s of numbers but as a
/// `CoordinateNode`, built directly by the parser: a ring becomes one `[Position]`.
public indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])
    case coordinates(CoordinateNode)

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.coordinates(x), .coordinates(y)): return x == y
        default: return false
        }
    }

    /// The member named `key` of an object; nil for other values or a missing member.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// A short name of the JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array, .coordinates: return "an array"
        case .object: return "an object"
        }
    }
}

/// The nested arrays of a GeoJSON `coordinates` member.
public indirect enum CoordinateNode: Equatable {
    /// `[x, y]` (extra ordinates such as z are read and dropped: a map tool needs XY).
    case position(Position)
    /// An array of positions: a LineString or a ring.
    case positions([Position])
    /// An array of deeper arrays (rings of a polygon, polygons of a multipolygon), or `[]`.
    case list([CoordinateNode])
}
