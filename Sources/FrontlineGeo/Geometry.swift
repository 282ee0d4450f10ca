import CGEOS

/// A GEOS geometry with single ownership: this object owns the `GEOSGeometry*` and frees it
/// in `deinit`. Geometries are immutable; every operation returns a new one. No GEOS pointer
/// leaves this module.
///
/// The thread rule (one place): every GEOS call is made with the calling thread's context
/// (`ctx` is `GEOSContext.current`, never a stored one), so a geometry made on one thread and
/// used on another never shares a context handle, or its last error, with a third. A geometry
/// is immutable once built and may be read from several threads; a `PreparedGeometry`, whose
/// index GEOS builds lazily, is used by one thread at a time (ThreadSanitizer checks both).
public final class Geometry {
    let ptr: OpaquePointer

    /// The calling thread's GEOS context: the only one a call may use.
    var ctx: GEOSContext { GEOSContext.current }

    /// Takes ownership of `ptr`, a geometry GEOS made (with any thread's context: GEOS
    /// geometries belong to no context, only calls do).
    init(owning ptr: OpaquePointer) {
        self.ptr = ptr
    }

    /// Wraps the result of a GEOS call that returns a new geometry, or throws GEOS's message.
    static func wrap(_ ptr: OpaquePointer?, _ ctx: GEOSContext, _ what: String) throws -> Geometry {
        guard let ptr else { throw ctx.takeError("\(what) failed") }
        return Geometry(owning: ptr)
    }

    deinit { GEOSGeom_destroy_r(ctx.handle, ptr) }

    public enum Kind: Equatable, Sendable {
        case point, lineString, linearRing, polygon, multiPoint, multiLineString, multiPolygon, collection
    }

    public var kind: Kind {
        switch GEOSGeomTypeId_r(ctx.handle, ptr) {
        case Int32(GEOS_POINT.rawValue): return .point
        case Int32(GEOS_LINESTRING.rawValue): return .lineString
        case Int32(GEOS_LINEARRING.rawValue): return .linearRing
        case Int32(GEOS_POLYGON.rawValue): return .polygon
        case Int32(GEOS_MULTIPOINT.rawValue): return .multiPoint
        case Int32(GEOS_MULTILINESTRING.rawValue): return .multiLineString
        case Int32(GEOS_MULTIPOLYGON.rawValue): return .multiPolygon
        default: return .collection
        }
    }

    /// An empty geometry; GEOS's exception value (2) reads as empty, which every caller
    /// treats as "nothing to draw or measure".
    public var isEmpty: Bool { GEOSisEmpty_r(ctx.handle, ptr) != 0 }

    /// True for geometries with area: Polygon, MultiPolygon.
    public var isPolygonal: Bool { kind == .polygon || kind == .multiPolygon }

    /// Number of parts of a multi-geometry or collection; 1 for a single geometry.
    public var partCount: Int { Int(GEOSGetNumGeometries_r(ctx.handle, ptr)) }

    /// A copy of part `i` (0-based) of a multi-geometry or collection.
    public func part(_ i: Int) -> Geometry {
        let p = GEOSGetGeometryN_r(ctx.handle, ptr, Int32(i))!
        return Geometry(owning: GEOSGeom_clone_r(ctx.handle, p))
    }

    /// The parts as separate geometries (a single geometry yields itself).
    public var parts: [Geometry] {
        let n = partCount
        if n == 1 && (kind == .polygon || kind == .lineString || kind == .point) { return [self] }
        return (0..<n).map(part)
    }

    /// Planar area in the units of the coordinates (square degrees for lon/lat).
    /// Use `Geodesic.area` for km².
    /// NaN where GEOS fails (it does not for a valid geometry): a NaN is seen in any sum,
    /// where a silent zero would not be.
    public var planarArea: Double {
        var a = 0.0
        guard GEOSArea_r(ctx.handle, ptr, &a) == 1 else { return .nan }
        return a
    }

    /// nil for an empty geometry, or where GEOS cannot give the bounds.
    public var envelope: Envelope? {
        if isEmpty { return nil }
        var e = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let h = ctx.handle
        guard GEOSGeom_getXMin_r(h, ptr, &e.minX) == 1, GEOSGeom_getYMin_r(h, ptr, &e.minY) == 1,
              GEOSGeom_getXMax_r(h, ptr, &e.maxX) == 1, GEOSGeom_getYMax_r(h, ptr, &e.maxY) == 1 else { return nil }
        return e
    }

    /// Number of coordinates in the whole geometry.
    public var pointCount: Int { Int(GEOSGetNumCoordinates_r(ctx.handle, ptr)) }

    public func clone() -> Geometry {
        Geometry(owning: GEOSGeom_clone_r(ctx.handle, ptr))
    }
}

extension Geometry {
    /// Planar length (perimeter for polygons) in coordinate units.
    public var planarLength: Double {
        var l = 0.0
        GEOSLength_r(ctx.handle, ptr, &l)
        return l
    }
}
