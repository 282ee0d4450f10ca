import Foundation
import FrontlineGeo
import FrontlineSupport

/// The name of a country or sea around a dataset's regions, with the points it may be written
/// at in order of preference (a close-up shows a different part of Russia than the country
/// map does). From the recipe, written by the GeoData build as `base/labels.json`.
public struct AreaLabel: Codable, Sendable {
    public enum Kind: String, Codable, Sendable { case country, sea }
    public var kind: Kind
    public var en: String
    public var uk: String
    /// [lon, lat] pairs.
    public var anchors: [[Double]]

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
