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
        /// Its name in each language of the file (`name_en`, `name_uk`…).
        public let names: Names
        /// ISO 3166-1 alpha-2 code as the source gives it.
        public let country: String
        /// ISO 3166-2 code of the dataset region holding the place; nil outside the regions.
        public let region: String?
        public let position: Position
        public let population: Int
        public let role: Role

        public init(id: Int, names: Names, country: String, region: String?, position: Position,
                    population: Int, role: Role) {
            (self.id, self.names, self.country, self.region) = (id, names, country, region)
            (self.position, self.population, self.role) = (position, population, role)
        }

        /// Inside the dataset's regions.
        public var isHome: Bool { region != nil }
    }

    public let places: [Place]
    public static let fileName = "places.csv"
    /// The columns after the names (`id`, then a `name_<code>` per language, then these).
    static let tail = ["country", "region", "lat", "lon", "population", "role"]

    /// The header of a file naming places in `languages`.
    static func header(_ languages: [Language]) -> String {
        (["id"] + languages.map(\.nameKey) + tail).joined(separator: "\t")
    }

    /// The languages of a header, or nil when it is not one.
    static func languages(ofHeader line: String) -> [Language]? {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count > tail.count + 1, f.first == "id", Array(f.suffix(tail.count)) == tail else { return nil }
        let names = f.dropFirst().dropLast(tail.count).map { Language(nameKey: $0) }
        return names.contains(nil) ? nil : names.compactMap { $0 }
    }

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
        guard let first = reader.nextLine(), let languages = languages(ofHeader: String(decoding: first, as: UTF8.self)) else {
            throw FrontlineError.badData("places.csv: the header must be '\(header([.english]))', with a name_<code> column per language")
        }
        let k = languages.count, columns = k + 1 + tail.count
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
            guard f.count == columns, let id = RowReader.int(f[0]), let lat = RowReader.decimal(f[k + 3]), let lon = RowReader.decimal(f[k + 4]),
                  (-90...90).contains(lat), (-180...180).contains(lon), let pop = RowReader.int(f[k + 5]),
                  let role = Place.Role(rawValue: String(decoding: f[k + 6], as: UTF8.self)), !f[1].isEmpty else {
                throw FrontlineError.badData("places.csv line \(n): bad row")
            }
            let names = Names(languages, (1...k).map { String(decoding: f[$0], as: UTF8.self) })
            places.append(Place(id: id, names: names, country: code(f[k + 1]),
                                region: f[k + 2].isEmpty ? nil : code(f[k + 2]), position: Position(lon, lat), population: pop, role: role))
        }
        return Gazetteer(places: places)
    }

    /// The file's bytes: the header, then one row per place in the given order.
    public func data() -> Data {
        var out = Self.header(places.first?.names.languages ?? [.english]) + "\n"
        for p in places {
            let fields = [String(p.id)] + p.names.values + [p.country, p.region ?? "", Self.coordinate(p.position.y),
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
