/// `dataset.json`: what a dataset is and how to show it.
public struct DatasetInfo: Codable, Sendable {
    public struct Source: Codable, Sendable {
        public var id: String
        public var name: String
        public var attribution: String
        public var licence: String?
        public var url: String?
        /// True when the source leaves out territory held before 2022: the dataset's baseline
        /// (baseline.geojson) is added to its snapshots when they are read.
        public var addsBaseline: Bool?
    }

    public var id: String
    public var title: String
    /// PROJ definition of the map projection (a conformal conic for a country).
    public var projection: String
    /// [minLon, minLat, maxLon, maxLat] of the map and of the base layers.
    public var extent: [Double]
    /// Attribution lines for the boundaries and base layers.
    public var attribution: [String]
    /// The snapshot sources: one folder each under `snapshots/`.
    public var sources: [Source]
    /// The date the README command renders by default.
    public var defaultDate: String?
    /// ISO 3166-1 alpha-3 code of the country the regions make up: base-layer borders on
    /// its sides are left to the dataset's own country border, so the two never double.
    public var country: String?
    /// The dataset's name per language code ("en": "Ukraine", "uk": "Україна").
    public var names: [String: String]?
    /// Legend wording per status and language ("occupied": {"en": "Occupied by Russia"}).
    public var statusLabels: [String: [String: String]]?
    /// The checksum of `regions.geojson` when the build validated it: a file that still
    /// matches is not validated again on every load (25 ms of a map's 200).
    public var regionsChecksum: String?

    /// The name in `lang`, falling back to English, then to `title`.
    public func name(_ lang: String) -> String { names?[lang] ?? names?["en"] ?? title }

    /// The legend wording of a status in `lang`, or nil when the dataset gives none.
    public func statusLabel(_ status: ControlStatus, _ lang: String) -> String? {
        statusLabels?[status.rawValue].flatMap { $0[lang] ?? $0["en"] }
    }
}
