import Foundation
import FrontlineSupport

/// Reads outside files of one format into snapshots of one source, applying the repair
/// policy: repairs are notes, or errors when `strict`.
public struct SnapshotImporter {
    public let format: ImportFormat
    public let source: String
    public var strict = false
    /// For `geojson` (and the unified DeepState file): the date or the property holding it, and
    /// the property holding the status.
    public var date: DayDate?
    public var dateProperty: String?
    public var statusProperty: String?
    private let raw: DeepStateRawImporter?

    public init(format: ImportFormat, source: String? = nil, regions: RegionSet) throws {
        self.format = format
        self.source = source ?? format.defaultSource
        raw = format == .deepstateRaw ? try DeepStateRawImporter(regions: regions) : nil
    }

    /// One file's snapshots (renamed to this importer's source) and its summary line.
    public func read(_ url: URL, note: (String) -> Void) throws -> ImportedFile {
        var notes: [String] = []
        let imported = try readFormat(url) { notes.append($0) }
        if strict, let first = notes.first {
            throw FrontlineError.badData("\(first) (--strict: repairs are errors)")
        }
        notes.forEach(note)
        let renamed = imported.snapshots.map { Snapshot(date: $0.date, source: source, layers: $0.layers, since: $0.since) }
        let repairs = notes.isEmpty ? "" : ", \(notes.count) repair\(notes.count == 1 ? "" : "s")"
        return ImportedFile(snapshots: renamed, summary: imported.summary + repairs)
    }

    private func readFormat(_ url: URL, note: (String) -> Void) throws -> ImportedFile {
        switch format {
        case .deepstate:
            if DeepStateDailyImporter.date(ofFile: url.lastPathComponent) == nil {
                return try GeoJSONImporter(source: source, date: date, dateProperty: dateProperty ?? "date").read(url, note: note)
            }
            let s = try DeepStateDailyImporter.read(url, warn: note)
            return ImportedFile(snapshots: [s], summary: "\(url.lastPathComponent): \(s.date)")
        case .deepstateRaw:
            return try raw!.read(url, note: note)
        case .nzz:
            let s = try NZZImporter.read(url, warn: note)
            return ImportedFile(snapshots: [s], summary: "\(url.lastPathComponent): \(s.date)")
        case .geojson:
            return try GeoJSONImporter(source: source, date: date, dateProperty: dateProperty, statusProperty: statusProperty).read(url, note: note)
        }
    }
}
