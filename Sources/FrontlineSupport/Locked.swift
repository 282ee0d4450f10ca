import Foundation

/// A value shared between threads under a lock. `T` must be Sendable itself: a lock does not
/// make a GEOS geometry usable from another thread.
// @unchecked: `stored` is read and written under `lock` only.
public final class Locked<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    public init(_ value: T) { stored = value }
    public var value: T { lock.withLock { stored } }
    @discardableResult
    public func update<R>(_ body: (inout T) -> R) -> R { lock.withLock { body(&stored) } }
}
