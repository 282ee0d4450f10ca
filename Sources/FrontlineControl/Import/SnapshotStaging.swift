import Foundation
import FrontlineSupport

/// Writes an import's snapshots so that a reader sees the store as it was or as it is after
/// the import, nothing between. Every snapshot first goes to a hidden staging folder beside
/// the source's folder (the timeline ignores dot-folders). The commit builds the next store
/// in a second hidden folder (hard links to the files already there, the staged files moved
/// in) and puts it in place of `snapshots/<source>/` in one step. A file whose bytes are
/// already in the store is left alone (same inode, same time), so importing the same input
/// twice changes nothing.
public final class SnapshotStaging {
    public let target: URL
    let staging: URL
    /// The store after the commit, built before it is switched in.
    let next: URL
    private(set) var dates: Set<DayDate> = []

    public init(dataset: URL, source: String) throws {
        let snapshots = dataset.appendingPathComponent("snapshots")
        let pid = ProcessInfo.processInfo.processIdentifier
        target = snapshots.appendingPathComponent(source)
        staging = snapshots.appendingPathComponent(".import-\(source)-\(pid)")
        next = snapshots.appendingPathComponent(".next-\(source)-\(pid)")
        for prefix in [".import-\(source)-", ".next-\(source)-"] { SnapshotStaging.removeAbandoned(in: snapshots, prefix: prefix) }
        try AtomicFile.makeFolder(staging)
    }

    /// Staging folders of imports that were killed (their process is gone).
    static func removeAbandoned(in folder: URL, prefix: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), AtomicFile.processIsGone(pid) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Stages one snapshot (a later one of the same date replaces an earlier one).
    public func add(_ s: Snapshot) throws {
        try AtomicFile.write(try SnapshotFile.data(s), to: staging.appendingPathComponent("\(s.date).geojson"))
        dates.insert(s.date)
    }

    public struct Outcome {
        public let written: [DayDate]
        public let unchanged: [DayDate]
    }

    /// Puts the staged snapshots into the store in one step and removes the staging folders.
    /// Killed before the switch, the store is the old one; after it, the new one.
    public func commit() throws -> Outcome {
        defer { discard() }
        let fm = FileManager.default
        try? fm.removeItem(at: next)
        try AtomicFile.makeFolder(next)
        var isDir: ObjCBool = false
        let existing = fm.fileExists(atPath: target.path, isDirectory: &isDir) && isDir.boolValue
            ? try fm.contentsOfDirectory(atPath: target.path) : []
        for name in existing where !name.hasPrefix(".") {
            try SnapshotStaging.move(link, target.appendingPathComponent(name), next.appendingPathComponent(name))
        }
        var written: [DayDate] = [], unchanged: [DayDate] = []
        for date in dates.sorted() {
            let from = staging.appendingPathComponent("\(date).geojson"), to = next.appendingPathComponent("\(date).geojson")
            if let old = fm.contents(atPath: to.path), old == fm.contents(atPath: from.path) {
                unchanged.append(date)
                continue
            }
            try SnapshotStaging.move(rename, from, to)
            written.append(date)
        }
        if !written.isEmpty { try AtomicFile.switchFolder(next, into: target) }
        return Outcome(written: written, unchanged: unchanged)
    }

    /// `link` or `rename` from one path to another, with an error naming the target.
    private static func move(_ op: (UnsafePointer<CChar>, UnsafePointer<CChar>) -> Int32, _ from: URL, _ to: URL) throws {
        guard op(from.path, to.path) == 0 else {
            throw FrontlineError.cannotWrite("cannot write \(to.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Drops what was staged (after an error, or after the commit: `next` then holds the old store).
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.removeItem(at: next)
    }
}
