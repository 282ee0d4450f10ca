import Foundation

/// What a polygon of a full DeepStateMap export stands for. Newer exports carry a tag at the
/// end of the feature's name (`... /// geoJSON.status.occupied`); older ones only a fill
/// colour (../shared/datasets/README.md lists both).
public enum DeepStateRawClass: String, CaseIterable, Comparable, Sendable {
    case occupied
    case contested
    case liberated
    /// Crimea, ORDLO, Tuzla: held before 24 February 2022.
    case heldBefore2022 = "held before 2022"
    /// Land liberated by the defender outside the country, next to it (Kursk 2024-25).
    case heldAbroad = "held abroad"
    /// Territory outside the dataset's country (Transnistria, Abkhazia, Karelia...).
    case outside
    case unclassified

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// The status layer this class adds to (nil: dropped).
    public var status: ControlStatus? {
        switch self {
        case .occupied, .heldBefore2022: return .occupied
        case .contested: return .contested
        case .liberated: return .liberated
        case .heldAbroad: return .heldAbroad
        case .outside, .unclassified: return nil
        }
    }

    /// The class of a feature by its tag, falling back to its fill colour for untagged features
    /// and for tags that say nothing about control (`geoJSON.zmiinyi_island`).
    public static func of(name: String, fill: String?) -> DeepStateRawClass {
        if let tag = tag(in: name), let c = byTag(tag) { return c }
        return fill.flatMap { byFill[$0.lowercased()] } ?? .unclassified
    }

    /// What follows `geoJSON.` in a name, e.g. `status.dismissed_at {{at:25.03}}`.
    public static func tag(in name: String) -> String? {
        guard let r = name.range(of: "geoJSON.") else { return nil }
        return name[r.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func byTag(_ tag: String) -> DeepStateRawClass? {
        if tag.hasPrefix("status.occupied") { return .occupied }
        if tag.hasPrefix("status.unknown") { return .contested }
        if tag.hasPrefix("status.dismissed") { return .liberated }
        if ["territories.crimea", "territories.ordlo", "territories.tuzla"].contains(where: tag.hasPrefix) { return .heldBefore2022 }
        if tag.hasPrefix("territories.") { return .outside }
        return nil
    }

    /// `#880e4f` is Crimea/ORDLO/Tuzla in most files but Transnistria in the oldest, where
    /// ORDLO and Crimea are black: polygons outside the country are dropped afterwards anyway.
    static let byFill: [String: DeepStateRawClass] = [
        "#a52714": .occupied,
        "#bcaaa4": .contested, "#bdbdbd": .contested,
        "#0f9d58": .liberated, "#0288d1": .liberated, "#01579b": .liberated,
        "#880e4f": .heldBefore2022, "#000000": .heldBefore2022,
        "#ff5252": .outside,
    ]
}
