import Foundation
import FrontlineGeo
import FrontlineSupport

/// The settlements of a dataset (`places.csv`, built by `frontline geodata` from GeoNames):
/// every place of the dataset's regions above the build's population floor and the towns of
/// the neighbouring countries near the border, city districts left out, largest first.
public struct Gazetteer: Sendable {
    public struct Place: Sendable, Hashable {
        /// What a place is beyond its size: the country's capital, or the largest place of its region.
        public enum Role: String, Sendable { case capital, regional, none = "" }
        public let id: Int
        public let nameEN: String
        public let nameUK: String
        /// ISO 3166-1 alpha-2 code as the source gives it.
        public let country: String
        /// ISO 3166-2 code of the dataset region holding the place; nil outside the regions.
        public let region: String?
        public let position: Position
        public let population: Int
        public let role: Role

        public init(id: Int, nameEN: String, nameUK: String, country: String, region: String?, position: Position,
                    population: Int, role: Role) {
            (self.id, self.nameEN, self.nameUK, self.country, self.region) = (id, nameEN, nameUK, country, region)
            (self.position, self.population, self.role) = (position, population, role)
        }

        /// Inside the dataset's regions.
        public var isHome: Bool { region != nil }
    }

    public let places: [Place]
    public static let fileName = "places.csv"
    static let header = "id\tname_en\tname_uk\tcountry\tregion\tlat\tlon\tpopulation\trole"

    public init(places: [Place]) { self.places = places }

    /// Reads `places.csv` of a dataset folder; none is an empty gazetteer (an older folder).
    public static func load(folder: URL) throws -> Gazetteer {
        let url = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return Gazetteer(places: []) }
        do { return try data.withUnsafeBytes { try parse(bytes: $0.bindMemory(to: UInt8.self)) } } catch {
            throw FrontlineError.badData(in: fileName, error)
        }
    }

    /// Tab-separated rows under `header`; every field is checked (a bad row names its line).
    /// Read as bytes: the file is read by every map, on the thread beside the measurement,
    /// and splitting it as Swift Characters cost more than the measurement's second core could spare.
    static func parse(_ text: String) throws -> Gazetteer {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> Gazetteer {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        func text(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> String {
            String(decoding: b.last == UInt8(ascii: "\r") ? b.dropLast() : b, as: UTF8.self)
        }
        guard let first = lines.first, text(first) == header else { throw FrontlineError.badData("places.csv: the header must be '\(header)'") }
        lines.removeFirst()
        var places: [Place] = []
        places.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            let f = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(text)
            guard f.count == 9, let id = Int(f[0]), let lat = Double(f[5]), let lon = Double(f[6]),
                  (-90...90).contains(lat), (-180...180).contains(lon), let pop = Int(f[7]), pop >= 0,
                  let role = Place.Role(rawValue: f[8]), !f[1].isEmpty else {
                throw FrontlineError.badData("places.csv line \(n + 2): bad row")
            }
            places.append(Place(id: id, nameEN: f[1], nameUK: f[2].isEmpty ? f[1] : f[2], country: f[3],
                                region: f[4].isEmpty ? nil : f[4], position: Position(lon, lat), population: pop, role: role))
        }
        return Gazetteer(places: places)
    }

    /// The file's bytes: the header, then one row per place in the given order.
    public func data() -> Data {
        var out = Self.header + "\n"
        for p in places {
            let fields = [String(p.id), p.nameEN, p.nameUK, p.country, p.region ?? "", Self.coordinate(p.position.y),
                          Self.coordinate(p.position.x), String(p.population), p.role.rawValue]
            out += fields.joined(separator: "\t") + "\n"
        }
        return Data(out.utf8)
    }

    /// Five decimals (about 1 m), trailing zeros dropped.
    static func coordinate(_ v: Double) -> String {
        var s = String(format: "%.5f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
