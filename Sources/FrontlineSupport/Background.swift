import Dispatch
import Foundation

/// A value computed on another thread, waited for on first use. The work is `@Sendable` and
/// its result `Sendable`: GEOS geometries, which belong to the thread that made them, cannot
/// cross (the compiler checks it); plain coordinates do.
// @unchecked: `result` is written once under `lock` before `done` is signalled, read after.
public final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<T, Error>?

    /// A value already there: no thread is started.
    public init(ready value: T) {
        result = .success(value)
        done.signal()
    }

    public init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global(qos: .userInitiated).async {
            let r = Result { try work() }
            self.lock.withLock { self.result = r }
            self.done.signal()
        }
    }

    public func value() throws -> T {
        if let r = lock.withLock({ result }) { return try r.get() }
        done.wait()
        done.signal()  // later callers pass straight through
        return try lock.withLock { result! }.get()
    }
}
