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

    public func intersects(_ g: Geometry) -> Bool { GEOSPreparedIntersects_r(GEOSContext.current.handle, ptr, g.ptr) == 1 }
    public func contains(_ g: Geometry) -> Bool { GEOSPreparedContains_r(GEOSContext.current.handle, ptr, g.ptr) == 1 }
    /// True when `g` comes within `distance` (coordinate units) of this geometry. Overlay
    /// results share edges only up to rounding, so "touches" is asked with a tolerance.
    public func isWithin(_ distance: Double, of g: Geometry) -> Bool {
        GEOSPreparedDistanceWithin_r(GEOSContext.current.handle, ptr, g.ptr, distance) == 1
    }

    public func covers(_ g: Geometry) -> Bool { GEOSPreparedCovers_r(GEOSContext.current.handle, ptr, g.ptr) == 1 }

    /// Point-in-polygon test (GEOS 3.11 has no XY variant, so a point is built).
    public func contains(_ p: Position) -> Bool {
        guard let point = try? Geometry.point(p) else { return false }
        return contains(point)
    }
}
