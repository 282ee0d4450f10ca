import CGEOS

/// Boolean operations, buffers and simplification. All return new geometries and throw the
/// GEOS message on failure (which for valid input is rare: topology errors).
extension Geometry {
    public func intersection(_ other: Geometry) throws -> Geometry {
        try Geometry.wrap(GEOSIntersection_r(ctx.handle, ptr, other.ptr), ctx, "intersection")
    }

    public func union(_ other: Geometry) throws -> Geometry {
        try Geometry.wrap(GEOSUnion_r(ctx.handle, ptr, other.ptr), ctx, "union")
    }

    public func difference(_ other: Geometry) throws -> Geometry {
        try Geometry.wrap(GEOSDifference_r(ctx.handle, ptr, other.ptr), ctx, "difference")
    }

    /// Union of all parts of this geometry (dissolves overlaps inside a collection).
    public func unaryUnion() throws -> Geometry {
        try Geometry.wrap(GEOSUnaryUnion_r(ctx.handle, ptr), ctx, "union")
    }

    /// Union of many polygonal geometries at once (cascaded, much faster than pairwise).
    public static func union(_ geometries: [Geometry]) throws -> Geometry {
        try collection(geometries).unaryUnion()
    }

    /// Fast clip to a rectangle; the result may be invalid only where the input was.
    public func clipped(to e: Envelope) throws -> Geometry {
        try Geometry.wrap(GEOSClipByRect_r(ctx.handle, ptr, e.minX, e.minY, e.maxX, e.maxY), ctx, "clip")
    }

    /// The geometry snapped to a grid of `gridSize` with GEOS's precision-reducing overlay:
    /// the result is valid at that precision, so writing its coordinates with as many
    /// decimals as the grid has cannot make edges cross.
    public func withPrecision(_ gridSize: Double) throws -> Geometry {
        try Geometry.wrap(GEOSGeom_setPrecision_r(ctx.handle, ptr, gridSize, 0), ctx, "precision")
    }

    /// Buffer by `distance` in coordinate units; negative shrinks polygons.
    public func buffer(_ distance: Double, quadrantSegments: Int = 4) throws -> Geometry {
        try Geometry.wrap(GEOSBuffer_r(ctx.handle, ptr, distance, Int32(quadrantSegments)), ctx, "buffer")
    }

    /// Douglas-Peucker simplification that keeps polygons valid (no self-intersections).
    public func simplified(tolerance: Double) throws -> Geometry {
        try Geometry.wrap(GEOSTopologyPreserveSimplify_r(ctx.handle, ptr, tolerance), ctx, "simplify")
    }

    /// The boundary: rings of polygons as lines, end points of lines.
    public func boundary() throws -> Geometry {
        try Geometry.wrap(GEOSBoundary_r(ctx.handle, ptr), ctx, "boundary")
    }

    /// Sewn-together lines: segments that meet end to end become one line.
    public func lineMerged() throws -> Geometry {
        try Geometry.wrap(GEOSLineMerge_r(ctx.handle, ptr), ctx, "line merge")
    }

    /// The width of the narrowest strip between two parallel lines that holds the geometry
    /// (rotating calipers on its convex hull), in coordinate units.
    public func minimumWidth() throws -> Double {
        try Geometry.wrap(GEOSMinimumWidth_r(ctx.handle, ptr), ctx, "minimum width").planarLength
    }

    /// The pole of inaccessibility: the centre of the largest circle inside the polygon,
    /// found to within `tolerance`, with that circle's radius. The best place for a label.
    public func poleOfInaccessibility(tolerance: Double) throws -> (center: Position, radius: Double) {
        let line = try Geometry.wrap(GEOSMaximumInscribedCircle_r(ctx.handle, ptr, tolerance), ctx, "inscribed circle")
        let pts = line.lines.first ?? []
        guard pts.count == 2 else { return (try pointOnSurface(), 0) }
        return (pts[0], ((pts[1].x - pts[0].x) * (pts[1].x - pts[0].x) + (pts[1].y - pts[0].y) * (pts[1].y - pts[0].y)).squareRoot())
    }

    /// The centre of mass (planar).
    public func centroid() throws -> Position {
        try Geometry.wrap(GEOSGetCentroid_r(ctx.handle, ptr), ctx, "centroid").pointPosition()
    }

    /// A point guaranteed to lie inside the geometry (for labels).
    public func pointOnSurface() throws -> Position {
        try Geometry.wrap(GEOSPointOnSurface_r(ctx.handle, ptr), ctx, "point on surface").pointPosition()
    }

    /// The coordinates of a point geometry.
    private func pointPosition() -> Position {
        var x = 0.0, y = 0.0
        GEOSGeomGetX_r(ctx.handle, ptr, &x)
        GEOSGeomGetY_r(ctx.handle, ptr, &y)
        return Position(x, y)
    }

    /// Keeps only the polygonal parts (drops lines and points an overlay can leave behind).
    public func polygonalParts() throws -> Geometry {
        switch kind {
        case .polygon, .multiPolygon: return self
        case .collection:
            let polys = parts.flatMap { $0.isPolygonal ? $0.parts : [] }
            return try Geometry.multiPolygon(polys)
        default: return try Geometry.multiPolygon([])
        }
    }

    public func intersects(_ other: Geometry) throws -> Bool {
        try GEOSContext.predicate(GEOSIntersects_r(ctx.handle, ptr, other.ptr), "intersects")
    }

    public func contains(_ other: Geometry) throws -> Bool {
        try GEOSContext.predicate(GEOSContains_r(ctx.handle, ptr, other.ptr), "contains")
    }

    /// Exact equality of the point sets (topological, not coordinate-by-coordinate).
    public func topologicallyEquals(_ other: Geometry) throws -> Bool {
        try GEOSContext.predicate(GEOSEquals_r(ctx.handle, ptr, other.ptr), "equals")
    }

    public func distance(to other: Geometry) throws -> Double {
        var d = 0.0
        guard GEOSDistance_r(ctx.handle, ptr, other.ptr, &d) == 1 else { throw ctx.takeError("distance") }
        return d
    }
}
