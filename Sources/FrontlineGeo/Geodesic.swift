import CPROJ

/// Areas and lengths on the WGS84 ellipsoid through PROJ's implementation of Karney's
/// geodesic algorithms (geodesic.h). Exact to well under a square metre per polygon;
/// never computed from planar degrees or Web Mercator. (PROJ is loaded by the first call,
/// CPROJ; without it the process ends with one line and exit 69.)
public enum Geodesic {
    /// The WGS84 ellipsoid: a = 6378137 m, f = 1/298.257223563.
    nonisolated(unsafe) private static var wgs84: geod_geodesic = {
        var g = geod_geodesic()
        fl_geod_init(&g, 6378137, 1 / 298.257223563)
        return g
    }()

    /// Area in m² enclosed by one ring of lon/lat positions, whatever its orientation.
    /// The closing position may be given or not.
    public static func ringArea(_ ring: [Position]) -> Double {
        var n = ring.count
        if n > 1 && ring[0] == ring[n - 1] { n -= 1 }
        guard n >= 3 else { return 0 }
        var g = wgs84
        var poly = geod_polygon()
        fl_geod_polygon_init(&poly, 0)
        for i in 0..<n { fl_geod_polygon_addpoint(&g, &poly, ring[i].y, ring[i].x) }
        var area = 0.0, perimeter = 0.0
        fl_geod_polygon_compute(&g, &poly, 0, 1, &area, &perimeter)
        return abs(area)
    }

    /// Area in m² of polygons given as rings (exterior first, then holes).
    public static func area(ofPolygons polygons: [[[Position]]]) -> Double {
        var total = 0.0
        for rings in polygons {
            guard let shell = rings.first else { continue }
            total += ringArea(shell)
            for hole in rings.dropFirst() { total -= ringArea(hole) }
        }
        return total
    }

    /// Area in m² of the polygonal parts of a lon/lat geometry.
    public static func area(_ g: Geometry) -> Double { area(ofPolygons: g.polygons) }

    /// Area in km² of the polygonal parts of a lon/lat geometry.
    public static func areaKm2(_ g: Geometry) -> Double { area(g) / 1_000_000 }

    /// Length in m of a lon/lat polyline along geodesics.
    public static func length(_ line: [Position]) -> Double {
        guard line.count >= 2 else { return 0 }
        var g = wgs84
        var total = 0.0
        for i in 1..<line.count {
            var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
            fl_geod_inverse(&g, line[i - 1].y, line[i - 1].x, line[i].y, line[i].x, &s12, &azi1, &azi2)
            total += s12
        }
        return total
    }

    /// Distance in m between two lon/lat positions.
    public static func distance(_ a: Position, _ b: Position) -> Double { length([a, b]) }
}
