import FrontlineGeo

/// What one source says about one day: a polygonal layer per control status, in lon/lat.
/// Statuses the source does not report are absent (not empty).
public final class Snapshot {
    public let date: DayDate
    public let source: String
    public let layers: [ControlStatus: Geometry]
    /// Per layer, the date since which the territory is held when the source says so
    /// (e.g. occupied before 2022).
    public let since: [ControlStatus: String]
    /// Regions (ISO codes) known to lie wholly inside the occupied layer without an overlay:
    /// the whole regions of the baseline added to a source that leaves it out.
    public let whollyOccupied: Set<String>

    public init(date: DayDate, source: String, layers: [ControlStatus: Geometry], since: [ControlStatus: String] = [:],
                whollyOccupied: Set<String> = []) {
        self.date = date
        self.source = source
        self.layers = layers
        self.since = since
        self.whollyOccupied = whollyOccupied
    }

    /// The statuses present, in table order.
    public var statuses: [ControlStatus] { layers.keys.sorted() }

    /// One geometry per status, each without what a stronger status covers (occupied over
    /// contested over liberated over held abroad): the layers a snapshot holds are disjoint.
    /// Empty layers are left out.
    public static func disjoint(_ layers: [ControlStatus: Geometry]) throws -> [ControlStatus: Geometry] {
        var out: [ControlStatus: Geometry] = [:]
        var covered: Geometry?
        for status in ControlStatus.allCases {
            guard var layer = layers[status] else { continue }
            if let c = covered { layer = try layer.difference(c).polygonalParts() }
            if !layer.isEmpty { out[status] = layer }
            covered = try covered.map { try $0.union(layer) } ?? layer
        }
        return out
    }
}

/// An entry of the timeline: where a snapshot is, without reading it: a snapshot file, or
/// entry `packEntry` of the snapshot pack at `path`.
public struct SnapshotRef: Hashable, Sendable {
    public let date: DayDate
    public let source: String
    public let path: String
    public let packEntry: Int?

    public init(date: DayDate, source: String, path: String, packEntry: Int? = nil) {
        self.date = date
        self.source = source
        self.path = path
        self.packEntry = packEntry
    }

    /// Where the snapshot is, for messages: the file, or the pack and the date.
    public var location: String { packEntry == nil ? path : "\(path) (\(date))" }
}
