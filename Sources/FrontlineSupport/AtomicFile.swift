import Foundation

/// Writes files so that readers never see half of one: the bytes go to a temporary file in
/// the target folder (`.<name>.<pid>.tmp`), which is then renamed over the target (atomic on
/// POSIX file systems). Only regular files are replaced: renaming over `/dev/null` would turn
/// the device into a file.
///
/// A target that is a symbolic link is replaced as a link, as `install`, `rsync` and other
/// atomic-rename tools do: the new file takes the link's place and the file the link pointed
/// to is left alone (GDAL, `curl -o` and the shells' `>` write through links instead, which
/// lets a link planted in a shared folder aim a run at `/etc/passwd`). A regular file that is
/// replaced keeps its permission bits. Folders a command fills (report images, tile folders)
/// that are links are refused (`ownFolder`).
public enum AtomicFile {
    public static func write(_ data: Data, to target: URL) throws {
        let url = try checkTarget(target)
        let tmp = temporaryURL(for: url)
        try writeNew(data, to: tmp, reportedAs: url)
        try commit(tmp, to: url)
    }

    /// Renames the finished temporary file `tmp` over `url`, with the permission bits of the
    /// regular file it replaces (a link is replaced, not followed); `tmp` is removed on failure.
    public static func commit(_ tmp: URL, to url: URL) throws {
        var st = stat()
        if lstat(url.path, &st) == 0, st.st_mode & S_IFMT == S_IFREG { _ = chmod(tmp.path, st.st_mode & 0o7777) }
        guard rename(tmp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw FrontlineError.cannotWrite("cannot write \(url.path): \(reason)")
        }
    }

    /// The target an output will be renamed to, after checking that its folder exists and that
    /// it is absent, a regular file or a symbolic link (which will be replaced, not followed).
    /// Links in the folder's path are followed; the name itself is the one the user typed, so
    /// the format follows that name, not a link's target. Long work calls this first, so that
    /// it does not end in the error.
    @discardableResult
    public static func checkTarget(_ target: URL) throws -> URL {
        let dir = target.deletingLastPathComponent().resolvingSymlinksInPath()
        let url = dir.appendingPathComponent(target.lastPathComponent)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw FrontlineError.cannotWrite("cannot write \(target.path): folder \(dir.path) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: dir.path) else {
            throw FrontlineError.cannotWrite("cannot write \(target.path): folder \(dir.path) is not writable")
        }
        var st = stat()
        if lstat(url.path, &st) == 0, st.st_mode & S_IFMT != S_IFREG, st.st_mode & S_IFMT != S_IFLNK {
            throw FrontlineError.cannotWrite("cannot write \(target.path): it is not a regular file (\(kind(st.st_mode))); give a file path")
        }
        return url
    }

    /// A folder a command creates and fills (a report's images): made when missing, refused
    /// when it is a symbolic link, which would send the files somewhere the user did not name.
    public static func ownFolder(_ url: URL) throws {
        if isSymbolicLink(url) {
            throw FrontlineError.cannotWrite("cannot write into \(url.path): it is a symbolic link; remove it or write elsewhere")
        }
        try makeFolder(url)
    }

    /// True when `url` itself (not what it points to) is a symbolic link.
    public static func isSymbolicLink(_ url: URL) -> Bool {
        var st = stat()
        return lstat(url.path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    /// The temporary name this process uses for `url`.
    public static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }

    /// A folder written whole (a tile pyramid, a series): `folder` (a link in its place is
    /// refused: the switch would replace it, not fill what it points to), checked by `check` and its parent writable, and an
    /// empty temporary folder beside it to fill and `switchFolder` into place; what a killed
    /// run left there is removed first.
    public static func stagingFolder(for folder: URL, what: String, check: (URL) throws -> Void) throws -> (folder: URL, temporary: URL) {
        let standard = folder.standardizedFileURL
        if isSymbolicLink(standard) {
            throw FrontlineError.cannotWrite("cannot write \(what) to \(folder.path): it is a symbolic link; remove it or write elsewhere")
        }
        let resolved = standard.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(standard.lastPathComponent)
        try check(resolved)
        let parent = resolved.deletingLastPathComponent()
        guard FileManager.default.isWritableFile(atPath: parent.path) else {
            throw FrontlineError.cannotWrite("cannot write \(what) to \(folder.path): folder \(parent.path) is missing or not writable")
        }
        removeAbandoned(for: resolved)
        let temporary = temporaryURL(for: resolved)
        try? FileManager.default.removeItem(at: temporary)
        try makeFolder(temporary)
        return (resolved, temporary)
    }

    /// The names in a folder about to be replaced (hidden ones left out), nil when there is no
    /// such folder; a file in its place is an error naming `what` would be written.
    public static func visibleNames(inFolder folder: URL, what: String) throws -> [String]? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir) else { return nil }
        guard isDir.boolValue else {
            throw FrontlineError.cannotWrite("cannot write \(what) to \(folder.path): it is a file, not a folder")
        }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
    }

    /// Creates `url` and its parents if needed.
    public static func makeFolder(_ url: URL) throws {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw FrontlineError.cannotWrite("cannot create folder \(url.path)")
        }
    }

    /// Puts the folder `next` in the place of `current` in one step: a reader sees the old
    /// folder or the new one, never neither or a mix. Afterwards `next` names the old folder
    /// (or nothing, where there was none). Linux's renameat2(RENAME_EXCHANGE) swaps the two;
    /// elsewhere the old folder is moved aside first, leaving a moment without one.
    public static func switchFolder(_ next: URL, into current: URL) throws {
        if rename(next.path, current.path) == 0 { return }  // nothing there yet (or empty)
        if let exchange = renameExchange, exchange(AT_FDCWD, next.path, AT_FDCWD, current.path, 2 /* RENAME_EXCHANGE */) == 0 { return }
        let aside = current.deletingLastPathComponent().appendingPathComponent(".\(current.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).old.tmp")
        guard rename(current.path, aside.path) == 0, rename(next.path, current.path) == 0, rename(aside.path, next.path) == 0 else {
            throw FrontlineError.cannotWrite("cannot put \(current.path) in place: \(String(cString: strerror(errno)))")
        }
    }

    /// glibc's renameat2, which Swift's Glibc module does not declare; nil where it is absent.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Removes what killed runs left for `target`: `.<name>.<pid>.tmp` files or folders beside
    /// it whose process is gone (a live process keeps its own: another run may be writing).
    /// Only names made for this target are touched; a user's other files never are.
    public static func removeAbandoned(for target: URL) {
        let folder = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(4)), processIsGone(pid) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// True when no process has `pid` (what it left behind is abandoned); a live process, even
    /// one this user may not signal, keeps its files.
    public static func processIsGone(_ pid: Int32) -> Bool { pid > 0 && kill(pid, 0) != 0 && errno == ESRCH }

    /// Writes a new file inside a folder that is itself switched in whole (a tile pyramid
    /// being built): no temporary name, no checks per file.
    public static func create(_ data: Data, at url: URL) throws { try writeNew(data, to: url, reportedAs: url) }

    /// Writes `data` into a file that must not exist yet, checking every write (a full disk
    /// is an error, not a short file).
    private static func writeNew(_ data: Data, to tmp: URL, reportedAs url: URL) throws {
        unlink(tmp.path)  // a killed run of a process that had our pid, or a tile written again
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FrontlineError.cannotWrite("cannot write \(url.path): \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                offset += n
            }
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(tmp.path)
            throw FrontlineError.cannotWrite("cannot write \(url.path): \(String(cString: strerror(failure)))")
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        default: return "not a plain file"
        }
    }
}
