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
        var reader = RowReader(bytes: bytes)
        guard let first = reader.nextLine(), String(decoding: first, as: UTF8.self) == header else {
            throw FrontlineError.badData("places.csv: the header must be '\(header)'")
        }
        var places: [Place] = []
        places.reserveCapacity(bytes.count / 64)
        var codes: [UInt64: String] = [:]  // country and region codes, each made once
        func code(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> String {
            guard b.count <= 8 else { return String(decoding: b, as: UTF8.self) }
            let key = b.reduce(UInt64(b.count)) { $0 << 8 | UInt64($1) }
            if let s = codes[key] { return s }
            let s = String(decoding: b, as: UTF8.self)
            codes[key] = s
            return s
        }
        var n = 1
        while let line = reader.nextLine() {
            n += 1
            let f = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard f.count == 9, let id = RowReader.int(f[0]), let lat = RowReader.decimal(f[5]), let lon = RowReader.decimal(f[6]),
                  (-90...90).contains(lat), (-180...180).contains(lon), let pop = RowReader.int(f[7]),
                  let role = Place.Role(rawValue: String(decoding: f[8], as: UTF8.self)), !f[1].isEmpty else {
                throw FrontlineError.badData("places.csv line \(n): bad row")
            }
            let en = String(decoding: f[1], as: UTF8.self)
            places.append(Place(id: id, nameEN: en, nameUK: f[2].isEmpty ? en : String(decoding: f[2], as: UTF8.self), country: code(f[3]),
                                region: f[4].isEmpty ? nil : code(f[4]), position: Position(lon, lat), population: pop, role: role))
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

/// Lines and plain numbers of a tab-separated file, straight from its bytes.
struct RowReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    /// The next non-empty line without its line end, or nil at the end.
    mutating func nextLine() -> Slice<UnsafeBufferPointer<UInt8>>? {
        while at < bytes.count {
            let start = at
            while at < bytes.count && bytes[at] != UInt8(ascii: "\n") { at += 1 }
            var end = at
            at += 1
            if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if end > start { return bytes[start..<end] }
        }
        return nil
    }

    /// A non-negative integer of up to 18 digits.
    static func int(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var v = 0
        for c in b {
            guard c >= 48 && c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    /// "-12.34567": an integer of digits over a power of ten, both exact in a Double, so the
    /// one division rounds correctly (the value strtod gives); up to 15 digits.
    static func decimal(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var digits = 0, scale = 0, mantissa = 0, seenPoint = false, negative = false
        for (i, c) in zip(b.indices, b) {
            if c == UInt8(ascii: "-") && i == b.startIndex { negative = true; continue }
            if c == UInt8(ascii: ".") && !seenPoint { seenPoint = true; continue }
            guard c >= 48 && c <= 57, digits < 15 else { return nil }
            mantissa = mantissa * 10 + Int(c - 48)
            digits += 1
            if seenPoint { scale += 1 }
        }
        guard digits > 0 else { return nil }
        let v = Double(mantissa) / [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15][scale]
        return negative ? -v : v
    }
}
