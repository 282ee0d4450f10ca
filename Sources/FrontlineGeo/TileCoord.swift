import Foundation

/// An XYZ map tile (the OpenStreetMap / Google scheme: y = 0 at the top). Validated on
/// creation; bounds in Web Mercator metres (EPSG:3857) and in lon/lat. The MBTiles writer
/// alone turns y into TMS rows.
public struct TileCoord: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let z: Int
    public let x: Int
    public let y: Int

    public static let maxZoom = 22
    /// Half the side of the Web Mercator square, metres.
    public static let halfWorld = 20_037_508.342789244

    /// Nil unless 0 ≤ z ≤ 22 and 0 ≤ x, y < 2^z.
    public init?(z: Int, x: Int, y: Int) {
        guard (0...TileCoord.maxZoom).contains(z), (0..<(1 << z)).contains(x), (0..<(1 << z)).contains(y) else { return nil }
        self.z = z
        self.x = x
        self.y = y
    }

    public var description: String { "\(z)/\(x)/\(y)" }

    public static func < (a: TileCoord, b: TileCoord) -> Bool { (a.z, a.x, a.y) < (b.z, b.x, b.y) }

    /// The row in the TMS scheme (y = 0 at the bottom), as MBTiles stores it.
    public var tmsRow: Int { (1 << z) - 1 - y }

    /// Side of a tile at this zoom, metres.
    public var span: Double { 2 * TileCoord.halfWorld / Double(1 << z) }

    /// Bounds in Web Mercator metres.
    public var mercatorBounds: Envelope {
        let minX = -TileCoord.halfWorld + Double(x) * span
        let maxY = TileCoord.halfWorld - Double(y) * span
        return Envelope(minX: minX, minY: maxY - span, maxX: minX + span, maxY: maxY)
    }

    /// Bounds in lon/lat degrees.
    public var lonLatBounds: Envelope {
        let m = mercatorBounds
        let a = TileCoord.lonLat(Position(m.minX, m.minY)), b = TileCoord.lonLat(Position(m.maxX, m.maxY))
        return Envelope(minX: a.x, minY: a.y, maxX: b.x, maxY: b.y)
    }

    /// Spherical Web Mercator, inverse (the formula EPSG:3857 defines).
    public static func lonLat(_ m: Position) -> Position {
        let lon = m.x / halfWorld * 180
        let lat = atan(sinh(m.y / halfWorld * .pi)) * 180 / .pi
        return Position(lon, lat)
    }

    /// Spherical Web Mercator, forward; latitudes clamped to the square's ±85.0511°.
    public static func mercator(_ p: Position) -> Position {
        let lat = max(-85.05112878, min(85.05112878, p.y)) * .pi / 180
        return Position(p.x / 180 * halfWorld, log(tan(.pi / 4 + lat / 2)) / .pi * halfWorld)
    }

    /// The tile holding a lon/lat position at a zoom.
    public static func containing(_ p: Position, zoom z: Int) -> TileCoord {
        let m = mercator(p)
        let n = Double(1 << z)
        let x = Int(((m.x + halfWorld) / (2 * halfWorld) * n).rounded(.down))
        let y = Int(((halfWorld - m.y) / (2 * halfWorld) * n).rounded(.down))
        return TileCoord(z: z, x: min(max(x, 0), (1 << z) - 1), y: min(max(y, 0), (1 << z) - 1))!
    }

    /// Every tile of zoom `z` that a lon/lat box touches, row by row.
    public static func covering(_ e: Envelope, zoom z: Int) -> [TileCoord] {
        let a = containing(Position(e.minX, e.maxY), zoom: z), b = containing(Position(e.maxX, e.minY), zoom: z)
        return (a.y...b.y).flatMap { y in (a.x...b.x).map { TileCoord(z: z, x: $0, y: y)! } }
    }
}
