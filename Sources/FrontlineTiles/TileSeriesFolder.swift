import Foundation
import FrontlineSupport

/// Tile pyramids of many dates in one folder, for static hosting: `DIR/<date>/{z}/{x}/{y}.ext`
/// (one pyramid per snapshot, each a `DirectoryTileSink`) and `DIR/tilejson.json` listing the
/// dates. A tile whose bytes equal the same tile of the previous date is a hard link to it:
/// stored once on disk, however many dates it stands in. The series is built in a hidden
/// folder beside DIR and put in DIR's place whole by `finish`, as a single pyramid is.
public final class TileSeriesFolder {
    public let folder: URL
    private let temporary: URL
    public let fileExtension: String
    public private(set) var dates: [String] = []
    /// What the series holds and what linking saved.
    public struct Tally: Sendable, Equatable {
        public var tiles = 0, bytes = 0
        /// Tiles (and their bytes) that are links to the previous date's identical tile.
        public var linked = 0, linkedBytes = 0
    }
    public private(set) var tally = Tally()

    public init(folder: URL, fileExtension: String) throws {
        self.fileExtension = fileExtension
        (self.folder, temporary) = try AtomicFile.stagingFolder(for: folder, what: "a tile series", check: Self.checkReplaceable)
    }

    /// The folder a date's pyramid goes to: a sink that `finish`es into the series.
    public func sink(for date: String) throws -> DirectoryTileSink {
        try DirectoryTileSink(folder: temporary.appendingPathComponent(date), fileExtension: fileExtension)
    }

    /// After a date's sink finished: links its tiles that equal the previous date's.
    public func added(_ date: String) throws {
        let current = temporary.appendingPathComponent(date)
        let previous = dates.last.map { temporary.appendingPathComponent($0) }
        dates.append(date)
        let fm = FileManager.default
        guard let names = fm.enumerator(atPath: current.path) else { return }
        for case let name as String in names where name.hasSuffix("." + fileExtension) {
            let path = current.appendingPathComponent(name).path
            guard let bytes = fm.contents(atPath: path) else { continue }
            tally.tiles += 1
            tally.bytes += bytes.count
            guard let previous, let before = fm.contents(atPath: previous.appendingPathComponent(name).path), before == bytes else { continue }
            try hardLink(previous.appendingPathComponent(name).path, replacing: path)
            tally.linked += 1
            tally.linkedBytes += bytes.count
        }
    }

    private func hardLink(_ source: String, replacing path: String) throws {
        guard unlink(path) == 0, link(source, path) == 0 else {
            throw FrontlineError.cannotWrite("cannot link \(path) to \(source): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes the series' own files (`name` → bytes, e.g. tilejson.json) and puts the series
    /// in DIR's place.
    public func finish(files: [String: Data]) throws {
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            try AtomicFile.write(data, to: temporary.appendingPathComponent(name))
        }
        try AtomicFile.switchFolder(temporary, into: folder)
        try? FileManager.default.removeItem(at: temporary)  // now the old series
    }

    /// Abandons the run (on error): DIR stays as it was.
    public func discard() { try? FileManager.default.removeItem(at: temporary) }

    /// DIR may be absent, empty or an earlier series (date folders and .json files only):
    /// replacing a folder of other files would delete them.
    static func checkReplaceable(_ folder: URL) throws {
        guard let names = try AtomicFile.visibleNames(inFolder: folder, what: "a tile series") else { return }
        if let foreign = names.first(where: { !$0.hasSuffix(".json") && !Self.isDate($0) }) {
            throw FrontlineError.cannotWrite("cannot write a tile series to \(folder.path): it holds other files (\(foreign)); give a new or empty folder, or an earlier series")
        }
    }

    static func isDate(_ name: String) -> Bool {
        let p = name.split(separator: "-", omittingEmptySubsequences: false)
        return p.count == 3 && p.map(\.count) == [4, 2, 2] && p.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
