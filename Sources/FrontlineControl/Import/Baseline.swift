import Foundation
import FrontlineGeo
import FrontlineSupport

/// Territory held before 24 February 2022 (Crimea and Sevastopol whole, the parts of Donetsk
/// and Luhansk oblasts held since 2014, Tuzla island): stored once as `baseline.geojson` and
/// added to the snapshots of sources that leave it out (`addsBaseline` in dataset.json).
public enum Baseline {
    public static let fileName = "baseline.geojson"
    /// DeepStateMap export tags of the areas held before 2022 outside whole regions.
    public static let deepStateTags = ["geoJSON.territories.ordlo", "geoJSON.territories.tuzla"]

    /// Builds the baseline from whole regions and the tagged polygons of a DeepStateMap export.
    public static func build(regions: [Region], deepStateExport url: URL) throws -> Geometry {
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONReader.read(Data(contentsOf: url)) } catch { throw FrontlineError.badData(in: url.lastPathComponent, error) }
        var parts = regions.map(\.geometry)
        for f in fc.features {
            let name = f[property: "name"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
            guard deepStateTags.contains(where: { name.hasSuffix($0) }), let g = f.geometry else { continue }
            parts.append(try g.geometry().validPolygonal().geometry)
        }
        guard parts.count > regions.count else {
            throw FrontlineError.badData("\(url.lastPathComponent): no \(deepStateTags.joined(separator: " or ")) polygons")
        }
        return try Geometry.union(parts)
    }

    /// The file: one feature, and the regions it holds whole (`whole_regions`), so that a
    /// measurement knows them fully held without an overlay along their every coast.
    public static func data(_ g: Geometry, source: String, wholeRegions: [String] = []) throws -> Data {
        let f = GeoJSONFeature(geometry: try g.withPrecision(1e-6).geoJSON, properties: [("status", .string("occupied")), ("since", .string("before 2022-02-24"))])
        var members: [(key: String, value: JSONValue)] = [("built_from", .string(source))]
        if !wholeRegions.isEmpty { members.append(("whole_regions", .array(wholeRegions.map { .string($0) }))) }
        return GeoJSONWriter(decimals: 6).data(GeoJSONFeatureCollection(features: [f], foreignMembers: members))
    }

    /// The baseline of a dataset folder, or nil when it has none.
    public static func load(_ folder: URL) throws -> Geometry? { try loadWithRegions(folder)?.geometry }

    /// The baseline and the regions it holds whole (none when the file does not say).
    public static func loadWithRegions(_ folder: URL) throws -> (geometry: Geometry, wholeRegions: Set<String>)? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let fc: GeoJSONFeatureCollection
        do { fc = try OutlineStore.read(fileName, in: folder, bytes: Data(contentsOf: url)) } catch { throw FrontlineError.badData(in: fileName, error) }
        let parts = try fc.features.compactMap { try $0.geometry?.geometry().validPolygonal().geometry }
        guard !parts.isEmpty else { return nil }
        // The build writes one feature, already a union: a valid polygonal geometry is its own
        // union, and dissolving its 16,000 vertices again took 40 ms of every 2022 map.
        let geometry = parts.count == 1 ? parts[0] : try Geometry.union(parts)
        let whole = fc[member: "whole_regions"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return (geometry, Set(whole))
    }
}
