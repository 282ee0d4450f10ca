import Foundation
import FrontlineGeo
import FrontlineSupport

/// Reads DeepStateMap daily files (`deepstatemap_data_YYYYMMDD.geojson`, collected by
/// github.com/cyterat/deepstate-map-data): one FeatureCollection, one MultiPolygon of all
/// Russian-occupied territory of Ukraine on that day. The `crs` member (CRS84) is ignored.
public enum DeepStateDailyImporter {
    public static let sourceID = "deepstate"
    static let prefix = "deepstatemap_data_"

    /// The date in a daily file's name, nil for other files.
    public static func date(ofFile name: String) -> DayDate? {
        guard name.hasPrefix(prefix), name.hasSuffix(".geojson") else { return nil }
        return DayDate(compact: name.dropFirst(prefix.count).dropLast(".geojson".count))
    }

    /// The daily files in a folder, by date.
    public static func files(in folder: URL) throws -> [(date: DayDate, url: URL)] {
        try InputPath.names(in: folder).compactMap { n in date(ofFile: n).map { ($0, folder.appendingPathComponent(n)) } }
            .sorted { $0.date < $1.date }
    }

    /// One daily file as a snapshot with a single occupied layer (all features unioned).
    public static func read(_ url: URL, warn: (String) -> Void = { _ in }) throws -> Snapshot {
        let file = url.lastPathComponent
        guard let date = date(ofFile: file) else {
            throw FrontlineError.usage("\(file): not a DeepState daily file name (deepstatemap_data_YYYYMMDD.geojson)")
        }
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONReader.read(Data(contentsOf: url)) } catch { throw FrontlineError.badData(in: file, error) }
        // The importers' one repair policy (ImportedGeometry): crossing edges are repaired
        // with a warning here as in every other format.
        let parts = try fc.features.enumerated().compactMap { n, f in
            try ImportedGeometry.polygons(f.geometry, at: "\(file): feature \(n)", note: warn)
        }
        let occupied = try ImportedGeometry.union(parts, in: file)
        return Snapshot(date: date, source: sourceID, layers: [.occupied: occupied])
    }
}
