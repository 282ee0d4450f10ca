import Foundation
import FrontlineGeo
import FrontlineSupport

/// Reads any FeatureCollection of polygons: the date comes from `date` or from each feature's
/// `dateProperty` (features of several dates give several snapshots), the status from
/// `statusProperty` (values `occupied`, `contested`, `liberated`; without it all is occupied).
/// Features with another status value are counted and skipped; a date that cannot be read is
/// an error naming the feature. The unified DeepState file (`deepstate-map-data.geojson`, one
/// feature per day with a `date` property) is this format with `dateProperty: "date"`.
public struct GeoJSONImporter {
    public var source: String
    public var date: DayDate?
    public var dateProperty: String?
    public var statusProperty: String?

    public init(source: String, date: DayDate? = nil, dateProperty: String? = nil, statusProperty: String? = nil) {
        self.source = source
        self.date = date
        self.dateProperty = dateProperty
        self.statusProperty = statusProperty
    }

    public func read(_ url: URL, note: (String) -> Void = { _ in }) throws -> ImportedFile {
        let file = url.lastPathComponent
        guard date != nil || dateProperty != nil else {
            throw FrontlineError.usage("\(file): say which date it shows: --date YYYY-MM-DD or --date-property NAME")
        }
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONReader.read(try CompressedFile.contents(of: url)) } catch { throw FrontlineError.badData(in: file, error) }
        var parts: [DayDate: [ControlStatus: [Geometry]]] = [:]
        var skipped: [String: Int] = [:]
        for (n, f) in fc.features.enumerated() {
            let at = "\(file): feature \(n)"
            let day = try featureDate(f, at)
            guard let status = try featureStatus(f, skipped: &skipped) else { continue }
            guard let g = try ImportedGeometry.polygons(f.geometry, at: at, note: note) else { continue }
            parts[day, default: [:]][status, default: []].append(g)
        }
        let snapshots = try parts.keys.sorted().map { day in
            Snapshot(date: day, source: source, layers: try parts[day]!.mapValues { try ImportedGeometry.union($0, in: file) })
        }
        var summary = "\(file): \(snapshots.count) date\(snapshots.count == 1 ? "" : "s")"
        if let first = snapshots.first, let last = snapshots.last { summary += first.date == last.date ? " (\(first.date))" : " (\(first.date) .. \(last.date))" }
        if !skipped.isEmpty { summary += ", skipped: " + skipped.sorted { $0.key < $1.key }.map { "status '\($0.key)' ×\($0.value)" }.joined(separator: ", ") }
        return ImportedFile(snapshots: snapshots, summary: summary)
    }

    private func featureDate(_ f: GeoJSONFeature, _ at: String) throws -> DayDate {
        guard let name = dateProperty else { return date! }
        guard let value = f[property: name] else {
            if let date { return date }
            throw FrontlineError.badData("\(at): no '\(name)' property")
        }
        let text = value.stringValue ?? value.numberValue.map { String(Int($0)) } ?? ""
        guard let d = GeoJSONImporter.parseDate(text) else {
            throw FrontlineError.badData("\(at): '\(name)' is not a date: \(text.isEmpty ? "\(value)" : text)")
        }
        return d
    }

    /// `YYYY-MM-DD`, `YYYYMMDD`, or an ISO 8601 time whose first ten characters are a date.
    public static func parseDate(_ text: String) -> DayDate? {
        if text.count == 8, text.allSatisfy(\.isNumber) { return DayDate(compact: Substring(text)) }
        return DayDate(String(text.prefix(10)))
    }

    private func featureStatus(_ f: GeoJSONFeature, skipped: inout [String: Int]) throws -> ControlStatus? {
        guard let name = statusProperty else { return .occupied }
        let text = f[property: name]?.stringValue ?? ""
        if let s = ControlStatus(rawValue: text.lowercased()) { return s }
        skipped[text, default: 0] += 1
        return nil
    }
}
