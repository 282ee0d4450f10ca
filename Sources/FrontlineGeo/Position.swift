/// A planar or geographic coordinate: x is longitude, y latitude for WGS84 data.
/// Laid out as two consecutive Doubles, so a `[Position]` can be handed to GEOS and PROJ
/// as a flat `double` buffer without copying element by element.
public struct Position: Equatable, Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// True for a finite longitude in -180...180 and latitude in -90...90.
    public var isValidLonLat: Bool {
        x.isFinite && y.isFinite && (-180...180).contains(x) && (-90...90).contains(y)
    }
}
