import Foundation
import FrontlineControl
import FrontlineSupport

/// The file formats of `frontline export`, by the target's extension.
public enum ExportFormat: String, CaseIterable, Sendable {
    case geojson, gpkg, kml, csv

    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        self.init(rawValue: ext == "json" ? "geojson" : ext)
    }

    /// The bytes of `set` in this format (a GeoPackage is built in a temporary SQLite file).
    public func encode(_ set: ExportSet) throws -> Data {
        switch self {
        case .geojson: return GeoJSONExport.encode(set)
        case .kml: return KMLExport.encode(set)
        case .csv: return try CSVExport.encode(set)
        case .gpkg: return try GeoPackageExport.encode(set)
        }
    }

    /// Writes `set` to `url` atomically: nothing half-written is ever at the target.
    public func write(_ set: ExportSet, to url: URL) throws {
        try AtomicFile.write(try encode(set), to: url)
    }
}
