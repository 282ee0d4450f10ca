import Foundation

/// Writes files so that readers never see half of one: the bytes go to a temporary file in
/// the target folder, which is then renamed over the target (atomic on POSIX file systems).
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw FrontlineError.cannotWrite("cannot write \(url.path): folder \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw FrontlineError.cannotWrite("cannot write \(url.path): permission denied or disk full")
        }
        guard rename(tmp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw FrontlineError.cannotWrite("cannot write \(url.path): \(reason)")
        }
    }

    /// Creates `url` and its parents if needed.
    public static func makeFolder(_ url: URL) throws {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw FrontlineError.cannotWrite("cannot create folder \(url.path)")
        }
    }
}
