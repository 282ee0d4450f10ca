/// Every failure FrontlineGeo reports. Messages are written for the end user: they say what
/// was wrong and where (file, feature index, coordinate), without C-library jargon where possible.
public enum GeoError: Error, CustomStringConvertible, Equatable {
    /// Text that is not JSON, or JSON that is not the GeoJSON expected. `context` names where.
    case malformedJSON(String)
    /// Well-formed GeoJSON whose geometry is unusable: unclosed ring, too few points,
    /// coordinates outside lon/lat range, edges that cross.
    case invalidGeometry(String)
    /// GEOS refused an operation; the message is GEOS's own.
    case geos(String)
    /// PROJ could not build or run a coordinate operation.
    case proj(String)

    public var description: String {
        switch self {
        case .malformedJSON(let m): return m
        case .invalidGeometry(let m): return m
        case .geos(let m): return "geometry operation failed: \(m)"
        case .proj(let m): return "projection failed: \(m)"
        }
    }

    /// The same error with a prefix naming where it happened ("regions.geojson: feature 3: ...").
    public func located(_ prefix: String) -> GeoError {
        switch self {
        case .malformedJSON(let m): return .malformedJSON("\(prefix): \(m)")
        case .invalidGeometry(let m): return .invalidGeometry("\(prefix): \(m)")
        case .geos(let m): return .geos("\(prefix): \(m)")
        case .proj(let m): return .proj("\(prefix): \(m)")
        }
    }
}
