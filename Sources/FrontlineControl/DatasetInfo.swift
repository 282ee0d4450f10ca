/// `dataset.json`: what a dataset is and how to show it.
public struct DatasetInfo: Codable, Sendable {
    public struct Source: Codable, Sendable {
        public var id: String
        public var name: String
        public var attribution: String
        public var licence: String?
        public var url: String?
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
}
