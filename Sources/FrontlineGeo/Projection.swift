import CPROJ
import FrontlineSupport

/// A coordinate operation from WGS84 lon/lat to a projected CRS through PROJ, e.g. the
/// dataset's conformal conic or Web Mercator. One PROJ context per instance, so an instance
/// belongs to one thread at a time.
public final class Projection {
    public let definition: String
    private let ctx: OpaquePointer
    private let pj: OpaquePointer
    /// True when `pj` takes radians (a direct projection) rather than degrees.
    private let radians: Bool

    /// `definition` is anything PROJ accepts as a target CRS: "EPSG:3857" or a PROJ string
    /// such as "+proj=lcc +lat_1=45 +lat_2=52 +lon_0=31 +datum=WGS84".
    public init(to definition: String) throws {
        // Not a fault of the data: `unavailable` (exit 69), which wrappers that name a file
        // (`FrontlineError.badData(in:)`) pass on unchanged.
        if let why = fl_proj_load() { throw FrontlineError.unavailable(String(cString: why)) }
        guard let ctx = fl_proj_context_create() else { throw GeoError.proj("cannot create a PROJ context") }
        // Errors are read from the context (proj_context_errno); PROJ prints some messages
        // whatever the log level ("Cannot find proj.db" for a direct projection), so its
        // log goes nowhere.
        fl_proj_log_level(ctx, PJ_LOG_NONE)
        fl_proj_log_func(ctx, nil) { _, _, _ in }
        if let direct = Projection.directOperation(ctx, definition) {
            self.definition = definition
            self.ctx = ctx
            self.pj = direct
            self.radians = true
            return
        }
        guard let raw = fl_proj_create_crs_to_crs(ctx, Projection.source(for: definition), definition, nil) else {
            let msg = String(cString: fl_proj_context_errno_string(ctx, fl_proj_context_errno(ctx)))
            fl_proj_context_destroy(ctx)
            throw GeoError.proj("'\(definition)': \(msg)")
        }
        // Normalise so that input is lon, lat whatever the CRS's declared axis order.
        let norm = fl_proj_normalize_for_visualization(ctx, raw)
        fl_proj_destroy(raw)
        guard let norm else {
            fl_proj_context_destroy(ctx)
            throw GeoError.proj("'\(definition)': cannot normalise axis order")
        }
        self.definition = definition
        self.ctx = ctx
        self.pj = norm
        self.radians = false
    }

    /// For a PROJ-string projection on WGS84 ("+proj=lcc ... +datum=WGS84"), the projection
    /// itself, taking lon, lat in radians: the CRS-to-CRS operation PROJ builds for the same
    /// pair is that projection behind a degrees-to-radians step and costs half as much again
    /// a point (150 against 105 ns here; a country map projects some 150,000 points). Such a
    /// projection needs none of PROJ's files, so its context gets a search path where none
    /// can be (a path under /dev/null): PROJ otherwise opens and parses its SQLite database
    /// for the first object a process creates, 5 ms of every map. Nil for codes, geographic
    /// targets, pipelines, init files, datum shifts and axis orders (those go the CRS-to-CRS
    /// way, which also normalises the axes to east, north).
    private static func directOperation(_ ctx: OpaquePointer, _ definition: String) -> OpaquePointer? {
        let words = definition.split(separator: " ")
        let geographic: Set<Substring> = ["+proj=longlat", "+proj=latlong", "+proj=lonlat", "+proj=latlon", "+proj=pipeline"]
        let crsOnly = ["+init", "+towgs84", "+nadgrids", "+geoidgrids", "+axis"]
        guard let first = words.first, first.hasPrefix("+proj="), !geographic.contains(first),
              words.contains("+datum=WGS84") || words.contains("+ellps=WGS84"),
              !words.contains(where: { w in crsOnly.contains { w.hasPrefix($0) } }) else { return nil }
        Projection.setSearchPath(ctx, Projection.noFiles)
        let operation = words.filter { $0 != "+type=crs" }.joined(separator: " ")
        if let pj = fl_proj_create(ctx, operation) {
            if fl_proj_angular_input(pj, PJ_FWD) != 0, fl_proj_angular_output(pj, PJ_INV) != 0 { return pj }
            fl_proj_destroy(pj)
        }
        fl_proj_context_set_search_paths(ctx, 0, nil)  // back to PROJ's own
        return nil
    }

    /// A directory that cannot exist (/dev/null is a file).
    private static let noFiles = "/dev/null/proj"

    private static func setSearchPath(_ ctx: OpaquePointer, _ path: String) {
        path.withCString { p in
            var paths: [UnsafePointer<CChar>?] = [p]
            fl_proj_context_set_search_paths(ctx, 1, &paths)
        }
    }

    /// WGS84 lon/lat. For a PROJ-string target it is given as a PROJ string too: "EPSG:4326"
    /// sends PROJ to its SQLite database, 6 to 17 ms per projection, against half a
    /// millisecond, for the same operation (no datum shift either way).
    static func source(for definition: String) -> String {
        definition.hasPrefix("+") ? "+proj=longlat +datum=WGS84 +no_defs +type=crs" : "EPSG:4326"
    }

    deinit {
        fl_proj_destroy(pj)
        fl_proj_context_destroy(ctx)
    }

    /// The projected position of one lon/lat position.
    public func project(_ p: Position) throws -> Position {
        var out = [p]
        try project(&out)
        return out[0]
    }

    /// The lon/lat position of a projected position.
    public func unproject(_ p: Position) throws -> Position {
        var out = [p]
        try transform(&out, direction: PJ_INV)
        return out[0]
    }

    /// Projects lon/lat positions in place, in one PROJ call.
    public func project(_ points: inout [Position]) throws {
        try transform(&points, direction: PJ_FWD)
    }

    private func transform(_ points: inout [Position], direction: PJ_DIRECTION) throws {
        let n = points.count
        guard n > 0 else { return }
        if radians && direction == PJ_FWD { Projection.scale(&points, by: Projection.radiansPerDegree) }
        defer { if radians && direction == PJ_INV { Projection.scale(&points, by: 1 / Projection.radiansPerDegree) } }
        let stride = MemoryLayout<Position>.stride
        let done = points.withUnsafeMutableBytes { raw -> Int in
            let base = raw.baseAddress!
            return fl_proj_trans_generic(pj, direction,
                                      base.assumingMemoryBound(to: Double.self), stride, n,
                                      base.advanced(by: 8).assumingMemoryBound(to: Double.self), stride, n,
                                      nil, 0, 0, nil, 0, 0)
        }
        guard done == n, points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
            throw GeoError.proj("cannot project some positions with '\(definition)'")
        }
    }

    /// PROJ's own factor for degrees to radians, so that positions reach the projection with
    /// the same bits as through its unit-conversion step.
    private static let radiansPerDegree = 0.017453292519943296

    private static func scale(_ points: inout [Position], by k: Double) {
        for i in points.indices {
            points[i].x *= k
            points[i].y *= k
        }
    }
}
