import Foundation
import FrontlineGeo
import FrontlineSupport

/// The name of a country or sea around a dataset's regions, with the points it may be written
/// at in order of preference (a close-up shows a different part of Russia than the country
/// map does). From the recipe, written by the GeoData build as `base/labels.json`.
public struct AreaLabel: Codable, Sendable {
    public enum Kind: String, Codable, Sendable { case country, sea }
    public var kind: Kind
    /// The name by language code (the file's keys other than `kind` and `anchors`: "en", "uk").
    public var names: [String: String]
    /// [lon, lat] pairs.
    public var anchors: [[Double]]

    /// The name in `lang`, else in English, the tool's language, else any.
    public func name(_ lang: Language) -> String {
        names[lang.code] ?? names[Language.english.code] ?? names.values.sorted().first ?? ""
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        kind = try c.decode(Kind.self, forKey: Key(stringValue: "kind"))
        anchors = try c.decode([[Double]].self, forKey: Key(stringValue: "anchors"))
        var names: [String: String] = [:]
        for k in c.allKeys where k.stringValue != "kind" && k.stringValue != "anchors" {
            names[k.stringValue] = try c.decode(String.self, forKey: k)
        }
        self.names = names
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind, forKey: Key(stringValue: "kind"))
        try c.encode(anchors, forKey: Key(stringValue: "anchors"))
        for (code, name) in names { try c.encode(name, forKey: Key(stringValue: code)) }
    }

    public static let fileName = "base/labels.json"

    public var positions: [Position] { anchors.compactMap { $0.count == 2 ? Position($0[0], $0[1]) : nil } }

    /// The labels of a dataset folder; none when the folder has no such file.
    public static func load(folder: URL) throws -> [AreaLabel] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return [] }
        do { return try JSONDecoder().decode([AreaLabel].self, from: data) } catch { throw FrontlineError.badData(in: fileName, error) }
    }

    static func data(_ labels: [AreaLabel]) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try enc.encode(labels) + Data("\n".utf8)
    }
}
