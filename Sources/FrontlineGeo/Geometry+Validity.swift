import CGEOS

extension Geometry {
    public var isValid: Bool { GEOSisValid_r(ctx.handle, ptr) == 1 }

    /// Why the geometry is invalid, with where: "Self-intersection at (37.1, 48.2)"; nil if valid.
    public var invalidityReason: String? {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let r = GEOSisValidDetail_r(ctx.handle, ptr, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(ctx.handle, reason) }
            if let location { GEOSGeom_destroy_r(ctx.handle, location) }
        }
        guard r == 0, let reason else { return nil }
        var text = String(cString: reason)
        if let location {
            var x = 0.0, y = 0.0
            GEOSGeomGetX_r(ctx.handle, location, &x)
            GEOSGeomGetY_r(ctx.handle, location, &y)
            text += " at (\(x), \(y))"
        }
        return text
    }

    /// True when the invalidity is edges crossing each other (a bow-tie), which has no single
    /// meaning, as opposed to self-touching rings or misplaced holes, which repair cleanly.
    public var hasCrossingEdges: Bool {
        guard let reason = invalidityReason else { return false }
        return reason.hasPrefix("Self-intersection")
    }

    /// The geometry made valid with GEOS's "structure" method, which keeps polygons polygonal
    /// (collapsed parts are dropped rather than kept as lines). Returns self when already valid.
    public func makeValid() throws -> Geometry {
        if isValid { return self }
        guard let params = GEOSMakeValidParams_create_r(ctx.handle) else { throw ctx.takeError("make valid") }
        defer { GEOSMakeValidParams_destroy_r(ctx.handle, params) }
        GEOSMakeValidParams_setMethod_r(ctx.handle, params, GEOS_MAKE_VALID_STRUCTURE)
        GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle, params, 0)
        return try Geometry.wrap(GEOSMakeValidWithParams_r(ctx.handle, ptr, params), ctx, "make valid")
    }
}
