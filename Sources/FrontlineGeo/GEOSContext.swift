import CGEOS
import Foundation

/// One GEOS context handle (`GEOSContextHandle_t`), with a message handler that keeps the
/// last error GEOS reported so that a failed call can be turned into a thrown `GeoError`.
///
/// GEOS contexts are not thread-safe, and creating one per call is slow on hot paths, so
/// there is one per thread (`GEOSContext.current`). A `Geometry` remembers the context that
/// made it and must stay on that thread.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    fileprivate(set) var lastError: String?

    private init() {
        // GEOS_init_r fails only when memory does; nothing geometric can go on without it.
        guard let h = GEOS_init_r() else { fatalError("GEOS: cannot create a context (out of memory)") }
        handle = h
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata, let message else { return }
            let ctx = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            ctx.lastError = String(cString: message)
        }, me)
        // Silence notices: they are warnings GEOS prints to nowhere useful.
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit { GEOS_finish_r(handle) }

    /// Takes and clears the last message, with a fallback for calls that failed silently.
    func takeError(_ fallback: String) -> GeoError {
        defer { lastError = nil }
        return .geos(lastError ?? fallback)
    }

    /// A GEOS predicate's answer: 1 true, 0 false, 2 an exception (which `== 1` read as
    /// false: "no intersection" where GEOS had failed).
    static func predicate(_ value: CChar, _ what: String) throws -> Bool {
        switch value {
        case 1: return true
        case 0: return false
        default: throw current.takeError("\(what) failed")
        }
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { ptr in
            if let ptr { Unmanaged<GEOSContext>.fromOpaque(ptr).release() }
        }
        return k
    }()

    /// The calling thread's context, created on first use and freed when the thread ends.
    static var current: GEOSContext {
        if let p = pthread_getspecific(key) {
            return Unmanaged<GEOSContext>.fromOpaque(p).takeUnretainedValue()
        }
        let ctx = GEOSContext()
        pthread_setspecific(key, Unmanaged.passRetained(ctx).toOpaque())
        return ctx
    }
}
