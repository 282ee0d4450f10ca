import CGEOS

/// Reading coordinates back out of GEOS, one block copy per ring.
extension Geometry {
    static func positions(ofSequence seq: OpaquePointer, _ ctx: GEOSContext) -> [Position] {
        var n: UInt32 = 0
        GEOSCoordSeq_getSize_r(ctx.handle, seq, &n)
        return [Position](unsafeUninitializedCapacity: Int(n)) { buf, count in
            buf.withMemoryRebound(to: Double.self) { d in
                _ = GEOSCoordSeq_copyToBuffer_r(ctx.handle, seq, d.baseAddress, 0, 0)
            }
            count = Int(n)
        }
    }

    static func positions(ofCurve g: OpaquePointer, _ ctx: GEOSContext) -> [Position] {
        guard let seq = GEOSGeom_getCoordSeq_r(ctx.handle, g) else { return [] }
        return positions(ofSequence: seq, ctx)
    }

    /// The rings of a Polygon: exterior first, then holes. Empty for an empty polygon.
    static func rings(ofPolygon g: OpaquePointer, _ ctx: GEOSContext) -> [[Position]] {
        if GEOSisEmpty_r(ctx.handle, g) == 1 { return [] }
        var rings = [positions(ofCurve: GEOSGetExteriorRing_r(ctx.handle, g)!, ctx)]
        let holes = GEOSGetNumInteriorRings_r(ctx.handle, g)
        for i in 0..<holes {
            rings.append(positions(ofCurve: GEOSGetInteriorRingN_r(ctx.handle, g, i)!, ctx))
        }
        return rings
    }

    /// Every polygon of this geometry as rings (exterior first); non-polygonal parts are skipped.
    public var polygons: [[[Position]]] {
        var out: [[[Position]]] = []
        visit(ptr) { g, kind in
            if kind == Int32(GEOS_POLYGON.rawValue) { out.append(Geometry.rings(ofPolygon: g, ctx)) }
        }
        return out.filter { !$0.isEmpty }
    }

    /// Every line of this geometry (LineStrings and polygon rings are not mixed: rings are skipped).
    public var lines: [[Position]] {
        var out: [[Position]] = []
        visit(ptr) { g, kind in
            if kind == Int32(GEOS_LINESTRING.rawValue) || kind == Int32(GEOS_LINEARRING.rawValue) {
                out.append(Geometry.positions(ofCurve: g, ctx))
            }
        }
        return out
    }

    /// Every point of Point and MultiPoint parts.
    public var points: [Position] {
        var out: [Position] = []
        visit(ptr) { g, kind in
            if kind == Int32(GEOS_POINT.rawValue), GEOSisEmpty_r(ctx.handle, g) == 0 {
                out.append(contentsOf: Geometry.positions(ofCurve: g, ctx))
            }
        }
        return out
    }

    /// Calls `body` on every simple (non-collection) geometry inside `g`.
    private func visit(_ g: OpaquePointer, _ body: (OpaquePointer, Int32) -> Void) {
        let kind = GEOSGeomTypeId_r(ctx.handle, g)
        switch kind {
        case Int32(GEOS_MULTIPOINT.rawValue), Int32(GEOS_MULTILINESTRING.rawValue),
             Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            for i in 0..<GEOSGetNumGeometries_r(ctx.handle, g) {
                visit(GEOSGetGeometryN_r(ctx.handle, g, i)!, body)
            }
        default:
            body(g, kind)
        }
    }
}

extension Geometry {
    /// A hash of the exact coordinates and structure, for memoizing work on geometries that
    /// recur (a daily archive repeats most of its polygons). Confirm hits with `exactlyEquals`.
    public var coordinateHash: Int {
        var h = Hasher()
        h.combine(partCount)
        for rings in polygons {
            h.combine(rings.count)
            for ring in rings {
                h.combine(ring.count)
                ring.withUnsafeBytes { h.combine(bytes: $0) }
            }
        }
        return h.finalize()
    }

    /// Same structure and the same coordinates, bit for bit (not merely the same point set).
    public func exactlyEquals(_ other: Geometry) -> Bool {
        GEOSEqualsExact_r(ctx.handle, ptr, other.ptr, 0) == 1
    }
}
