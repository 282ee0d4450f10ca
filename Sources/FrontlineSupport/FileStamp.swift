import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's size and modification time, from one `stat` call: how a process knows that a file
/// it opened before is still the same. (Foundation's `attributesOfItem` also looks up the
/// owner's and group's names, which cost a map's start a millisecond the first time.)
public struct FileStamp: Hashable, Sendable {
    public let size: Int
    public let seconds: Int
    public let nanoseconds: Int

    /// Nil when the path cannot be stat'ed.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        size = Int(st.st_size)
        seconds = Int(st.st_mtim.tv_sec)
        nanoseconds = Int(st.st_mtim.tv_nsec)
    }
}
