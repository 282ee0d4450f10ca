import Foundation
import FrontlineGeo

/// One first-level unit (oblast, republic, city with special status), land only.
public final class Region {
    public let iso: String
    public let names: Names
    public let kind: String
    /// Land-clipped boundary in lon/lat.
    public let geometry: Geometry
    public let envelope: Envelope
    /// Geodesic land area in km², computed once at load.
    public let areaKm2: Double
    /// Where the region's name goes: the pole of inaccessibility of its largest part. Read
    /// from the regions file (`label` property, written by the GeoData build) or computed.
    public let labelPoint: Position
    // Lazy caches, built on first use by whichever thread asks first: read and written under
    // `cacheLock` only (a region is shared by the server's threads through the dataset). The
    // prepared geometry is also used under it: GEOS builds its index lazily, on first query.
    private let cacheLock = NSLock()
    private var preparedGeometry: PreparedGeometry?
    private var vertexSet: Set<Position>?
    private var cachedPolygons: [[[Position]]]?

    /// The geometry's polygons as rings, read from GEOS once: the measurer, the map's fills and
    /// the helper thread's copy then share the same arrays (a map projects each ring once).
    public var polygons: [[[Position]]] {
        cacheLock.withLock {
            if let cachedPolygons { return cachedPolygons }
            let p = geometry.polygons
            cachedPolygons = p
            return p
        }
    }

    public init(iso: String, names: Names, kind: String, geometry: Geometry, labelPoint: Position? = nil,
                areaKm2: Double? = nil, polygons: [[[Position]]]? = nil) throws {
        self.cachedPolygons = polygons
        self.iso = iso
        self.names = names
        self.kind = kind
        self.geometry = geometry
        self.envelope = geometry.envelope ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        self.areaKm2 = areaKm2 ?? Geodesic.areaKm2(geometry)
        self.labelPoint = try labelPoint ?? Region.poleOfInaccessibility(geometry)
    }

    /// The same region as plain coordinates, to rebuild on another thread (`rebuilt()`).
    public func portable() -> PortableRegion {
        PortableRegion(iso: iso, names: names, kind: kind, polygons: polygons,
                       labelPoint: labelPoint, areaKm2: areaKm2)
    }

    /// The name in the language asked for (the primary name where the file has none in it).
    public func name(_ lang: Language) -> String { names(lang) }

    /// Point-in-region test (the prepared geometry is built on first use).
    public func contains(_ p: Position) throws -> Bool {
        guard envelope.contains(p) else { return false }
        return try cacheLock.withLock {
            if preparedGeometry == nil { preparedGeometry = try PreparedGeometry(geometry) }
            return try preparedGeometry!.contains(p)
        }
    }

    /// Every vertex of the region's boundary, for telling its edges from a layer's in an
    /// overlay result (overlays keep input vertices exactly). Built on first use.
    public var boundaryVertices: Set<Position> {
        if let v = cacheLock.withLock({ vertexSet }) { return v }
        let v = Set(polygons.flatMap { $0.flatMap { $0 } })
        cacheLock.withLock { vertexSet = v }
        return v
    }

    /// The centre of the largest circle inside the region's largest part, to 0.01°.
    public static func poleOfInaccessibility(_ g: Geometry) throws -> Position {
        let largest = g.parts.max { $0.planarArea < $1.planarArea } ?? g
        return try largest.poleOfInaccessibility(tolerance: 0.01).center
    }
}

/// A region as plain values: safe to hand to another thread, which rebuilds its own GEOS
/// geometry from it (GEOS geometries belong to the thread that made them).
public struct PortableRegion: Sendable {
    let iso: String, names: Names, kind: String
    let polygons: [[[Position]]]
    let labelPoint: Position
    let areaKm2: Double

    /// A region owned by the calling thread. Geometry validity was checked when the original
    /// was loaded; the copy has the same coordinates.
    public func rebuilt() throws -> Region {
        try Region(iso: iso, names: names, kind: kind,
                   geometry: try Geometry.multiPolygon(polygons.map { try Geometry.polygon($0) }),
                   labelPoint: labelPoint, areaKm2: areaKm2, polygons: polygons)
    }
}
