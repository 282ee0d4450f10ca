import Foundation
import FrontlineGeo

/// Lon/lat lines and rings of one scene to device coordinates, decimated to what the eye can
/// see. One projector per thread (it holds that thread's viewport, and so its PROJ object);
/// the rings already projected are shared between the threads of a scene.
struct RingProjector {
    let viewport: Viewport
    /// Lon/lat distance under which points are dropped before projecting (see `lonLatStep`).
    let step: Double
    let done: ProjectedRings

    /// A line or ring in device units: points closer than 0.5 units to the last kept one are
    /// dropped, in lon/lat before projecting and again after.
    func device(_ pts: [Position]) throws -> [Position] {
        SceneRenderer.decimate(try viewport.device(step > 0 ? SceneRenderer.decimate(pts, step: step) : pts), step: 0.5)
    }

    /// A ring, projected once per scene however many layers use it: held land is filled, and
    /// clips the pre-2022 shading and the front line; its outer rings are the regions' own.
    func ring(_ pts: [Position]) throws -> [Position] {
        try done.ring(pts) { try device(pts) }
    }

    func rings(_ polygons: [[[Position]]]) throws -> [[Position]] {
        try polygons.flatMap { try $0.map { try ring($0) } }
    }

    /// The lon/lat distance under which two points are closer than 0.4 device units anywhere
    /// on the map: points that close are dropped before projecting (the eye cannot see them,
    /// and PROJ and Cairo then do a fraction of the work at country scale).
    static func lonLatStep(_ vp: Viewport, width: Double, height: Double) -> Double {
        // A degree of latitude is the longest degree; metres per device unit vary little
        // across a conformal map of one country, so take the smallest over a few points.
        let samples = [Position(width / 2, height / 2), Position(0, 0), Position(width, height)]
        let mpu = samples.compactMap { try? vp.metresPerUnit(at: $0) }.filter { $0 > 0 && $0.isFinite }.min() ?? 0
        return mpu > 0 ? 0.4 * mpu / 111_320 : 0
    }
}

/// Device rings by the identity of their lon/lat arrays (storage address and count). The
/// scene holds every array it draws until it is painted, so an address cannot be reused
/// for another ring meanwhile; equal rings in distinct arrays are simply projected twice.
/// A thread wanting a ring that the other thread is projecting waits for it: on a busy
/// machine, projecting it twice costs more than the wait.
// @unchecked: every stored property is read and written under `condition` only.
final class ProjectedRings: @unchecked Sendable {
    private struct Key: Hashable {
        let address: UnsafeRawPointer
        let count: Int
    }

    private let condition = NSCondition()
    private var rings: [Key: [Position]] = [:]
    private var inFlight = Set<Key>()

    func ring(_ pts: [Position], _ project: () throws -> [Position]) rethrows -> [Position] {
        guard let key = pts.withUnsafeBufferPointer({ b in b.baseAddress.map { Key(address: UnsafeRawPointer($0), count: b.count) } }) else {
            return try project()
        }
        condition.lock()
        while inFlight.contains(key) { condition.wait() }
        if let hit = rings[key] {
            condition.unlock()
            return hit
        }
        inFlight.insert(key)
        condition.unlock()
        defer {
            condition.lock()
            inFlight.remove(key)
            condition.broadcast()
            condition.unlock()
        }
        let projected = try project()
        condition.withLock { rings[key] = projected }
        return projected
    }
}
