import CGEOS

/// A GEOS prepared geometry: indexes its edges once so that repeated predicates against many
/// other geometries (which region does this part touch?) are fast. Keeps its base alive.
public final class PreparedGeometry {
    public let base: Geometry
    let ptr: OpaquePointer

    public init(_ base: Geometry) throws {
        guard let p = GEOSPrepare_r(GEOSContext.current.handle, base.ptr) else { throw GEOSContext.current.takeError("prepare") }
        self.base = base
        self.ptr = p
    }

    deinit { GEOSPreparedGeom_destroy_r(GEOSContext.current.handle, ptr) }

    public func intersects(_ g: Geometry) throws -> Bool {
        try GEOSContext.predicate(GEOSPreparedIntersects_r(GEOSContext.current.handle, ptr, g.ptr), "intersects")
    }

    public func contains(_ g: Geometry) throws -> Bool {
        try GEOSContext.predicate(GEOSPreparedContains_r(GEOSContext.current.handle, ptr, g.ptr), "contains")
    }
    /// True when `g` comes within `distance` (coordinate units) of this geometry. Overlay
    /// results share edges only up to rounding, so "touches" is asked with a tolerance.
    public func isWithin(_ distance: Double, of g: Geometry) throws -> Bool {
        try GEOSContext.predicate(GEOSPreparedDistanceWithin_r(GEOSContext.current.handle, ptr, g.ptr, distance), "distance within")
    }

    public func covers(_ g: Geometry) throws -> Bool {
        try GEOSContext.predicate(GEOSPreparedCovers_r(GEOSContext.current.handle, ptr, g.ptr), "covers")
    }

    /// Point-in-polygon test (GEOS 3.11 has no XY variant, so a point is built).
    public func contains(_ p: Position) throws -> Bool {
        try contains(try Geometry.point(p))
    }
}
