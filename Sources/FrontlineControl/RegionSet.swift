import Foundation
import FrontlineGeo
import FrontlineSupport

/// The regions of a dataset, in file order, looked up by ISO 3166-2 code.
public struct RegionSet {
    public let regions: [Region]
    private let byISO: [String: Region]
    /// Where land held abroad is measured (nil: the dataset lists no neighbours).
    public var abroad: AbroadLand?

    public init(_ regions: [Region]) {
        self.regions = regions
        self.byISO = Dictionary(regions.map { ($0.iso.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(iso: String) -> Region? { byISO[iso.uppercased()] }

    /// Total land area in km².
    /// The languages the regions are named in (the file's, as the dataset lists them).
    public var languages: [Language] { regions.first?.names.languages ?? [.english] }

    public var areaKm2: Double { regions.reduce(0) { $0 + $1.areaKm2 } }

    /// Looks up codes given by a user; an unknown one is a usage error listing the valid codes.
    public func resolve(_ codes: [String]) throws -> [Region] {
        try codes.map { code in
            guard let r = self[code] else {
                let known = regions.map(\.iso).sorted().joined(separator: ", ")
                throw FrontlineError.usage("unknown region '\(code)'; known regions: \(known)")
            }
            return r
        }
    }

    /// Any point in the regions, or nil outside them all.
    public func region(containing p: Position) throws -> Region? { try regions.first { try $0.contains(p) } }

    /// The `area_km2` property written by the GeoData build (the geodesic area is the most
    /// expensive part of loading), used only while it agrees within 0.1 % with a quick
    /// estimate (planar degrees scaled by the ellipsoid's radii of curvature at the centroid,
    /// good to 0.01 % for an oblast): an edited boundary with a stale figure is measured anew.
    static func storedArea(_ f: GeoJSONFeature, _ g: Geometry) -> Double? {
        guard let stored = f[property: "area_km2"]?.numberValue, stored > 0, let c = try? g.centroid() else { return nil }
        let a = 6_378_137.0, flattening = 1 / 298.257223563
        let e2 = flattening * (2 - flattening)
        let phi = c.y * .pi / 180, s2 = sin(phi) * sin(phi)
        let meridional = a * (1 - e2) / pow(1 - e2 * s2, 1.5), normal = a / (1 - e2 * s2).squareRoot()
        let estimate = g.planarArea * (Double.pi / 180) * (Double.pi / 180) * meridional * normal * cos(phi) / 1e6
        return abs(estimate - stored) <= 0.001 * stored ? stored : nil
    }

    /// The `label` property: [lon, lat].
    static func labelPoint(_ f: GeoJSONFeature) -> Position? {
        guard case .array(let xy)? = f[property: "label"], xy.count == 2,
              let x = xy[0].numberValue, let y = xy[1].numberValue else { return nil }
        return Position(x, y)
    }

    /// Reads a regions file: a FeatureCollection of polygonal features with `iso`, `kind` and a
    /// name per language (`name_en`, `name_uk`: `Language.nameKey`; a missing one reads the
    /// primary name, a region with none is called by its code).
    /// Validity is checked (and repairs reported) unless the file's checksum is `validated`.
    public static func load(_ url: URL, languages: [Language] = [.english], validated: String? = nil, warn: (String) -> Void = { _ in }) throws -> RegionSet {
        let file = url.lastPathComponent
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FrontlineError.missingInput("regions file not found: \(url.path)")
        }
        let fc: GeoJSONFeatureCollection
        let trusted: Bool
        do {
            let data = try Data(contentsOf: url)
            // One CRC of the file serves both checks: the validation's and the outlines'.
            let crc = Checksum.crc32Value(data)
            trusted = validated != nil && Checksum.text(crc) == validated
            fc = try OutlineStore.read(file, in: url.deletingLastPathComponent(), bytes: data, crc: crc)
        } catch { throw FrontlineError.badData(in: file, error) }
        var regions: [Region] = []
        for (n, f) in fc.features.enumerated() {
            let at = "\(file): feature \(n)"
            guard let iso = f[property: "iso"]?.stringValue, !iso.isEmpty else {
                throw FrontlineError.badData("\(at): no 'iso' property")
            }
            guard let g = f.geometry else { throw FrontlineError.badData("\(at) (\(iso)): no geometry") }
            do {
                let built = try g.geometry()
                let (geometry, repair) = trusted && built.isPolygonal ? (built, nil) : try built.validPolygonal()
                if let repair { warn("\(at) (\(iso)): \(repair)") }
                let names = languages.map { f[property: $0.nameKey]?.stringValue ?? "" }
                regions.append(try Region(iso: iso, names: Names(languages, names[0].isEmpty ? [iso] + names.dropFirst() : names),
                                          kind: f[property: "kind"]?.stringValue ?? "region",
                                          geometry: geometry, labelPoint: RegionSet.labelPoint(f),
                                          areaKm2: RegionSet.storedArea(f, geometry)))
            } catch { throw FrontlineError.badData(in: at, error) }
        }
        guard !regions.isEmpty else { throw FrontlineError.badData("\(file): no regions") }
        return RegionSet(regions)
    }
}
