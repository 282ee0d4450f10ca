import Foundation
import FrontlineGeo
import FrontlineSupport

/// Reads the Neue Zürcher Zeitung's Liveuamap-based files (`YYYY-MM-DD.json`, collected by
/// github.com/conflict-investigations/nzz-maps): `{"value": FeatureCollection}` with up to
/// three MultiPolygons whose `properties.type` is `nochange` (occupied at both ends of the
/// period), `gains` (newly occupied) and `losses` (no longer occupied); `_dateto` ends the
/// period. Occupied on `_dateto` = nochange ∪ gains. These polygons leave out Crimea and what
/// was held before 24 February 2022: the dataset's baseline is added when the snapshot is read.
public enum NZZImporter {
    public static let sourceID = "liveuamap"
    /// How far `_dateto` may lie before the date in the file's name (the archive: 0 to 7 days).
    static let maxDaysBeforeName = 31

    public static func read(_ url: URL, warn: (String) -> Void = { _ in }) throws -> Snapshot {
        let file = url.lastPathComponent
        let json: JSONValue
        do { json = try GeoJSONReader.parseJSON(Data(contentsOf: url)) } catch let e as GeoError {
            throw FrontlineError.badData(in: file, e)
        } catch {
            throw FrontlineError.missingInput("cannot read \(url.path)")
        }
        guard let value = json["value"] else { throw FrontlineError.badData("\(file): no 'value' member (not an NZZ file)") }
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONReader.collection(from: value) } catch { throw FrontlineError.badData(in: file, error) }
        var parts: [Geometry] = []
        var date: DayDate?
        for (n, f) in fc.features.enumerated() {
            if let to = f[property: "_dateto"]?.stringValue {
                guard let d = DayDate(to) else { throw FrontlineError.badData("\(file): feature \(n): '_dateto' is not a date: \(to)") }
                date = d
            }
            let type = f[property: "type"]?.stringValue ?? ""
            guard type == "nochange" || type == "gains" else { continue }
            if let g = try ImportedGeometry.polygons(f.geometry, at: "\(file): feature \(n)", note: warn) { parts.append(g) }
        }
        let named = DayDate(String(file.prefix(10)))
        guard let date = date ?? named else {
            throw FrontlineError.badData("\(file): no '_dateto' and no date in the file name")
        }
        // The archive's files are named up to a week after the day their data ends; a
        // `_dateto` after the name, or far before it, is a wrong file, not a date to trust.
        if let named, !(0...maxDaysBeforeName).contains(date.days(to: named)) {
            throw FrontlineError.badData("\(file): '_dateto' \(date) does not fit the file's date \(named) (at most \(maxDaysBeforeName) days before it)")
        }
        let occupied = try ImportedGeometry.union(parts, in: file)
        return Snapshot(date: date, source: sourceID, layers: [.occupied: occupied])
    }
}
