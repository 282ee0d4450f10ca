import Foundation
import FrontlineGeo
import FrontlineSupport

/// The project's snapshot interchange format (DESIGN.md): a FeatureCollection with foreign
/// members `date` and `source`, one feature per status layer, `properties.status` one of
/// `occupied`, `contested`, `liberated`, and optionally `properties.since`.
public enum SnapshotFile {
    /// Reads and validates a snapshot file. Repairable polygons are repaired and reported
    /// through `warn`; anything else wrong is a `.badData` error naming the file and feature.
    public static func read(_ url: URL, warn: (String) -> Void = { _ in }) throws -> Snapshot {
        let file = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FrontlineError.missingInput("snapshot file not found or unreadable: \(url.path)")
        }
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONReader.read(data) } catch { throw FrontlineError.badData(in: file, error) }
        return try snapshot(fc, file: file, folderSource: url.deletingLastPathComponent().lastPathComponent, warn: warn)
    }

    /// The snapshot a file's content describes (`file` names it in messages; `folderSource`
    /// is the source when the content does not say).
    public static func snapshot(_ fc: GeoJSONFeatureCollection, file: String, folderSource: String,
                                warn: (String) -> Void = { _ in }) throws -> Snapshot {
        guard let dateText = fc[member: "date"]?.stringValue, let date = DayDate(dateText) else {
            throw FrontlineError.badData("\(file): no valid 'date' member (expected \"YYYY-MM-DD\")")
        }
        let source = fc[member: "source"]?.stringValue ?? folderSource
        var parts: [ControlStatus: [Geometry]] = [:]
        var since: [ControlStatus: String] = [:]
        for (n, f) in fc.features.enumerated() {
            let at = "\(file): feature \(n)"
            let statusText = f[property: "status"]?.stringValue ?? "occupied"
            guard let status = ControlStatus(rawValue: statusText) else {
                throw FrontlineError.badData("\(at): unknown status '\(statusText)' (expected \(ControlStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let g = f.geometry else { throw FrontlineError.badData("\(at): no geometry") }
            do {
                let (geometry, repair) = try g.geometry().validPolygonal()
                if let repair { warn("\(at): \(repair)") }
                parts[status, default: []].append(geometry)
            } catch { throw FrontlineError.badData(in: at, error) }
            if let s = f[property: "since"]?.stringValue { since[status] = s }
        }
        var layers: [ControlStatus: Geometry] = [:]
        for (status, geoms) in parts {
            do { layers[status] = geoms.count == 1 ? geoms[0] : try Geometry.union(geoms) } catch {
                throw FrontlineError.badData(in: file, error)
            }
        }
        return Snapshot(date: date, source: source, layers: layers, since: since)
    }

    /// The GeoJSON of a snapshot, deterministic (layers in status order, 6 decimals). Each
    /// layer is first snapped to the 1e-6° grid it is written at, so that rounding cannot make
    /// an overlay's edges cross.
    public static func data(_ s: Snapshot) throws -> Data {
        GeoJSONWriter(decimals: 6).data(try collection(s))
    }

    /// The file's content before it is written (what a snapshot pack stores).
    public static func collection(_ s: Snapshot) throws -> GeoJSONFeatureCollection {
        let features = try s.statuses.map { status -> GeoJSONFeature in
            var props: [(key: String, value: JSONValue)] = [("status", .string(status.rawValue))]
            if let since = s.since[status] { props.append(("since", .string(since))) }
            return GeoJSONFeature(geometry: try s.layers[status]!.withPrecision(1e-6).geoJSON, properties: props)
        }
        return GeoJSONFeatureCollection(features: features, foreignMembers: [
            ("date", .string(s.date.description)), ("source", .string(s.source)),
        ])
    }
}
