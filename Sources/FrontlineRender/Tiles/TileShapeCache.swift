import Foundation
import FrontlineGeo
import FrontlineSupport

/// Layers already projected to Web Mercator, by content: a tile server builds a world for
/// every date it is asked for, and all but the control layers are the same on every date
/// (water, land, rivers, borders: 60 % of a world's projecting). Keyed by a 64-bit hash of
/// every coordinate's bits with the point and ring counts: a changed layer is another key.
/// Bounded: past `limit` entries it starts again empty.
final class TileShapeCache: Sendable {
    private let entries = Locked([Key: [TileWorld.Shape]]())
    private let limit: Int

    struct Key: Hashable {
        let hash: Int
        let points: Int
        let rings: Int
    }

    init(limit: Int = 64) { self.limit = limit }

    static func key(_ rings: [[Position]]) -> Key {
        var h = Hasher(), n = 0
        for ring in rings {
            h.combine(ring.count)
            ring.withUnsafeBytes { h.combine(bytes: $0) }
            n += ring.count
        }
        return Key(hash: h.finalize(), points: n, rings: rings.count)
    }

    func shapes(_ rings: [[Position]], _ project: () throws -> [TileWorld.Shape]) rethrows -> [TileWorld.Shape] {
        let key = Self.key(rings)
        if let hit = entries.value[key] { return hit }
        let made = try project()
        entries.update { e in
            if e.count >= limit { e.removeAll() }
            e[key] = made
        }
        return made
    }
}
