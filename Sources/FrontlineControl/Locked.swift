import Foundation

/// A value shared between threads under a lock.
public final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    public init(_ value: T) { stored = value }
    public var value: T { lock.withLock { stored } }
    @discardableResult
    public func update<R>(_ body: (inout T) -> R) -> R { lock.withLock { body(&stored) } }
}
