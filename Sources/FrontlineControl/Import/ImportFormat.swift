import Foundation

/// The outside formats `frontline import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// DeepStateMap daily files (`deepstatemap_data_YYYYMMDD.geojson`) or the unified
    /// `deepstate-map-data.geojson(.gz)` with one feature per date.
    case deepstate
    /// Full DeepStateMap exports (`<unix-seconds>.geojson`).
    case deepstateRaw = "deepstate-raw"
    /// NZZ/Liveuamap files (`YYYY-MM-DD.json`).
    case nzz
    /// Any FeatureCollection, with the date and status named by options.
    case geojson

    public var defaultSource: String {
        switch self {
        case .deepstate, .deepstateRaw: return DeepStateDailyImporter.sourceID
        case .nzz: return NZZImporter.sourceID
        case .geojson: return "geojson"
        }
    }

    /// The files of this format in a folder, in date order (for raw exports: the last of each day).
    public func files(in folder: URL) throws -> [URL] {
        switch self {
        case .deepstate: return try DeepStateDailyImporter.files(in: folder).map(\.url)
        case .deepstateRaw: return try DeepStateRawImporter.files(in: folder)
        case .nzz, .geojson:
            let ext = self == .nzz ? [".json"] : [".geojson", ".json", ".geojson.gz"]
            return try InputPath.names(in: folder).filter { n in !n.hasPrefix(".") && ext.contains { n.hasSuffix($0) } }.sorted()
                .map { folder.appendingPathComponent($0) }
        }
    }

    /// The format a file's name suggests: daily DeepState, raw export, NZZ, or nil (the
    /// project's own snapshot format or anything else).
    public static func detect(_ name: String) -> ImportFormat? {
        if DeepStateDailyImporter.date(ofFile: name) != nil { return .deepstate }
        if DeepStateRawImporter.exportTime(ofFile: name) != nil { return .deepstateRaw }
        if name.hasSuffix(".json"), DayDate(String(name.prefix(10))) != nil { return .nzz }
        return nil
    }
}
