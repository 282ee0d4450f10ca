import FrontlineGeo

/// How the pack shares coordinates between dates. A ring is cut into chains at vertices
/// chosen by their own coordinates (content-defined, as backup tools cut files), so a stretch
/// of border that did not move between two dates gives the same chains in both, wherever the
/// ring starts and whatever changed elsewhere; the pack stores each chain once.
enum CoordinateChains {
    /// Coordinates are kept at 1e-6°, the precision of the snapshot files (about 0.1 m).
    static let scale = 1_000_000.0
    /// One vertex in `cutEvery` (on average) ends a chain: about 16 vertices per chain keeps
    /// the references small and the chains short enough to survive small edits.
    static let cutEvery: UInt64 = 16

    /// A vertex on the 1e-6° grid.
    struct Vertex: Hashable {
        var x: Int64
        var y: Int64
    }

    static func vertex(_ p: Position) -> Vertex {
        Vertex(x: Int64((p.x * scale).rounded()), y: Int64((p.y * scale).rounded()))
    }

    /// The position of a grid vertex: the same double the GeoJSON reader gives for the
    /// coordinate written at 6 decimals (both are the correctly rounded quotient).
    static func position(_ v: Vertex) -> Position {
        Position(Double(v.x) / scale, Double(v.y) / scale)
    }

    /// True when the chain ends at `v`: a fixed mix of its coordinates (never Swift's seeded
    /// `Hasher`: the pack's bytes must not change from one run to the next).
    static func cuts(at v: Vertex) -> Bool {
        var h = UInt64(bitPattern: v.x) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: v.y) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h % cutEvery == 0
    }

    /// The chains of a ring: consecutive chains share their end vertex, so the ring is their
    /// concatenation with each joint written once.
    static func split(_ ring: [Vertex]) -> [[Vertex]] {
        var chains: [[Vertex]] = []
        var current: [Vertex] = []
        for (n, v) in ring.enumerated() {
            current.append(v)
            if current.count > 1, n < ring.count - 1, cuts(at: v) {
                chains.append(current)
                current = [v]
            }
        }
        if !current.isEmpty { chains.append(current) }
        return chains
    }
}
