import Dispatch
import Foundation

/// One serial queue for everything that touches GEOS (measuring, maps, diffs): GEOS
/// geometries belong to one thread at a time, and the dataset's regions are shared. Tile
/// pictures drawn from an already measured world need no GEOS and run on all cores.
final class RenderWorker: Sendable {
    private let queue = DispatchQueue(label: "frontline.render-worker")

    /// Runs `body` on the worker queue.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs GEOS-free work on the shared concurrent queue.
    static func parallel<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try body() }) }
        }
    }
}
