import Dispatch
import Foundation
import FrontlineControl
import Hummingbird
import FrontlineSupport

/// One serial queue for everything that touches GEOS (measuring, maps, diffs): GEOS
/// geometries belong to one thread at a time, and the dataset's regions are shared. Tile
/// pictures drawn from an already measured world need no GEOS and run on all cores.
///
/// The queue is bounded: with `limit` jobs waiting, the next is refused at once with 503 and
/// `Retry-After` instead of queueing behind seconds of work (wrk over 60 uncached dates
/// timed out 38 % of requests, and starved the dates already measured).
final class RenderWorker: Sendable {
    private let queue = DispatchQueue(label: "frontline.render-worker")
    private let pending = Locked(0)
    let limit: Int

    init(limit: Int = 4) { self.limit = max(1, limit) }

    /// Jobs queued or running now.
    var pendingCount: Int { pending.value }

    /// The answer when the queue is full: come back in a second or two.
    static var busy: HTTPError {
        HTTPError(.serviceUnavailable, headers: [.retryAfter: "2", .contentType: "application/json"],
                  message: "busy measuring other dates; retry shortly")
    }

    /// Runs `body` on the worker queue, or throws `busy` when `limit` jobs already wait.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = pending.update { n -> Bool in
            guard n < limit else { return false }
            n += 1
            return true
        }
        guard admitted else { throw RenderWorker.busy }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                let result = Result { try body() }
                self.pending.update { $0 -= 1 }
                continuation.resume(with: result)
            }
        }
    }

    /// Runs GEOS-free work on the shared concurrent queue.
    static func parallel<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try body() }) }
        }
    }
}
