import Foundation

/// Writes an import's snapshots so that an interrupted import leaves the store as it was:
/// every snapshot first goes to a hidden staging folder beside the source's folder (the
/// timeline ignores dot-folders); only when all inputs have been read are the files moved in,
/// one rename each. A file whose bytes are already in the store is left alone, so importing
/// the same input twice changes nothing, not even a modification time.
public final class SnapshotStaging {
    public let target: URL
    let staging: URL
    private(set) var dates: Set<DayDate> = []

    public init(dataset: URL, source: String) throws {
        target = dataset.appendingPathComponent("snapshots/\(source)")
        staging = dataset.appendingPathComponent("snapshots/.import-\(source)-\(ProcessInfo.processInfo.processIdentifier)")
        SnapshotStaging.removeAbandoned(in: dataset.appendingPathComponent("snapshots"), source: source)
        try AtomicFile.makeFolder(staging)
    }

    /// Staging folders of imports that were killed (their process is gone).
    static func removeAbandoned(in folder: URL, source: String) {
        let prefix = ".import-\(source)-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0 else { continue }
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

    /// Moves the staged snapshots into the store and removes the staging folder.
    public func commit() throws -> Outcome {
        defer { discard() }
        try AtomicFile.makeFolder(target)
        var written: [DayDate] = [], unchanged: [DayDate] = []
        for date in dates.sorted() {
            let from = staging.appendingPathComponent("\(date).geojson"), to = target.appendingPathComponent("\(date).geojson")
            if let old = FileManager.default.contents(atPath: to.path), old == FileManager.default.contents(atPath: from.path) {
                unchanged.append(date)
                continue
            }
            guard rename(from.path, to.path) == 0 else {
                throw FrontlineError.cannotWrite("cannot write \(to.path): \(String(cString: strerror(errno)))")
            }
            written.append(date)
        }
        return Outcome(written: written, unchanged: unchanged)
    }

    /// Drops what was staged (after an error, or after the commit).
    public func discard() { try? FileManager.default.removeItem(at: staging) }
}
