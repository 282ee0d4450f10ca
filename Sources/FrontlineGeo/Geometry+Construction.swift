import CGEOS

/// Building GEOS geometries from coordinates. Coordinates are copied in one block per ring
/// (`GEOSCoordSeq_copyFromBuffer_r`), which is what makes loading hundreds of files fast.
extension Geometry {
    static func sequence(_ points: [Position], _ ctx: GEOSContext) throws -> OpaquePointer {
        let seq = points.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: Double.self) { d in
                GEOSCoordSeq_copyFromBuffer_r(ctx.handle, d.baseAddress, UInt32(points.count), 0, 0)
            }
        }
        guard let seq else { throw ctx.takeError("coordinate sequence") }
        return seq
    }

    static func ring(_ points: [Position], _ ctx: GEOSContext) throws -> OpaquePointer {
        // GEOS owns the sequence from this call on, and frees it itself when the ring fails.
        guard let r = GEOSGeom_createLinearRing_r(ctx.handle, try sequence(points, ctx)) else {
            throw ctx.takeError("linear ring")
        }
        return r
    }

    public static func point(_ p: Position) throws -> Geometry {
        let ctx = GEOSContext.current
        return try wrap(GEOSGeom_createPointFromXY_r(ctx.handle, p.x, p.y), ctx, "point")
    }

    public static func lineString(_ points: [Position]) throws -> Geometry {
        let ctx = GEOSContext.current
        return try wrap(GEOSGeom_createLineString_r(ctx.handle, try sequence(points, ctx)), ctx, "line")
    }

    /// A polygon from its rings (first exterior, then holes). Rings must be closed and have at
    /// least four positions; `GeoJSONReader` checks that with a user-facing message first.
    public static func polygon(_ rings: [[Position]]) throws -> Geometry {
        let ctx = GEOSContext.current
        guard let shellPoints = rings.first else {
            return try wrap(GEOSGeom_createEmptyPolygon_r(ctx.handle), ctx, "polygon")
        }
        // The rings made so far are freed when a later one fails (they leaked). Once handed to
        // createPolygon they are GEOS's: it frees them itself when the polygon fails.
        var made: [OpaquePointer] = []
        do {
            for r in rings { made.append(try ring(r, ctx)) }
        } catch {
            for r in made { GEOSGeom_destroy_r(ctx.handle, r) }
            throw error
        }
        var holes: [OpaquePointer?] = made.dropFirst().map { $0 }
        let poly = holes.withUnsafeMutableBufferPointer { h in
            GEOSGeom_createPolygon_r(ctx.handle, made[0], h.baseAddress, UInt32(h.count))
        }
        return try wrap(poly, ctx, "polygon")
    }

    public static func rectangle(_ e: Envelope) throws -> Geometry {
        try polygon([[Position(e.minX, e.minY), Position(e.maxX, e.minY), Position(e.maxX, e.maxY),
                      Position(e.minX, e.maxY), Position(e.minX, e.minY)]])
    }

    /// A MultiPolygon of the polygon parts given (each is cloned: GEOS takes ownership).
    public static func multiPolygon(_ polygons: [Geometry]) throws -> Geometry {
        try collect(polygons.flatMap { $0.parts }, type: GEOS_MULTIPOLYGON)
    }

    /// A MultiPolygon from plain coordinates (polygons of rings), e.g. a geometry handed
    /// over from another thread as values.
    public static func multiPolygon(coordinates: [[[Position]]]) throws -> Geometry {
        try multiPolygon(coordinates.map { try polygon($0) })
    }

    public static func multiLineString(_ lines: [Geometry]) throws -> Geometry {
        try collect(lines.flatMap { $0.parts }, type: GEOS_MULTILINESTRING)
    }

    public static func multiPoint(_ points: [Geometry]) throws -> Geometry {
        try collect(points.flatMap { $0.parts }, type: GEOS_MULTIPOINT)
    }

    /// A GeometryCollection of any geometries.
    public static func collection(_ geometries: [Geometry]) throws -> Geometry {
        try collect(geometries, type: GEOS_GEOMETRYCOLLECTION)
    }

    private static func collect(_ parts: [Geometry], type: GEOSGeomTypes) throws -> Geometry {
        let ctx = GEOSContext.current
        var clones: [OpaquePointer?] = parts.map { GEOSGeom_clone_r(ctx.handle, $0.ptr) }
        let g = clones.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(ctx.handle, Int32(type.rawValue), buf.baseAddress, UInt32(buf.count))
        }
        return try wrap(g, ctx, "collection")
    }
}
