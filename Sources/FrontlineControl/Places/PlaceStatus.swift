import Foundation
import FrontlineGeo
import FrontlineSupport

/// Who holds a point on a date, read from the snapshot that stands for the date: the first of
/// its status layers (disjoint after import) that contains the point, or none (held by the
/// defender). The layers are the source's own polygons, not the figures' land-clipped shapes:
/// a town on the coast is where the source draws it.
public struct PlaceStatus: Sendable {
    /// The snapshot read (the newest on or before the date asked, as every command takes it).
    public let snapshot: SnapshotRef
    /// nil: held by the defender (not occupied, not contested).
    public let status: ControlStatus?
}

/// A stretch of the record during which a place kept one status: the first and last snapshot
/// that show it so. The change from the previous period happened between that period's last
/// snapshot and this one's first.
public struct PlacePeriod: Sendable {
    public let status: ControlStatus?
    public let first: SnapshotRef
    public let last: SnapshotRef
    /// The last snapshot of the previous period (nil for the first period).
    public let after: SnapshotRef?

    /// The status a period records: land marked liberated is held land (the layer marks where
    /// the invader once was, and only some sources draw it), so it does not start a period.
    public static func recorded(_ s: ControlStatus?) -> ControlStatus? { s == .liberated ? nil : s }
}

extension Dataset {
    /// The status of `p` (inside `region`) in the snapshot standing for `date`.
    public func status(of p: Position, region: String?, asOf date: DayDate, source: String? = nil) throws -> PlaceStatus {
        let ref = try timeline.snapshot(asOf: date, source: source).ref
        return PlaceStatus(snapshot: ref, status: try status(of: p, region: region, in: try snapshot(ref)))
    }

    func status(of p: Position, region: String?, in s: Snapshot) throws -> ControlStatus? {
        if let region, s.whollyOccupied.contains(region) { return .occupied }
        let point = try Geometry.point(p)
        return try s.statuses.first { try s.layers[$0]!.contains(point) }
    }

    /// The snapshots that stand for the dates of the record, one per date, in order: what any
    /// date of the whole record would be answered from.
    public var standingSnapshots: [SnapshotRef] {
        var seen = Set<DayDate>()
        return timeline.all.compactMap { r in
            guard seen.insert(r.date).inserted else { return nil }
            return try? timeline.snapshot(asOf: r.date).ref
        }
    }

    /// The periods of each status of `p` over the whole record. Snapshots are read on all
    /// cores, each read and tested on one thread (its GEOS geometries stay there).
    public func history(of p: Position, region: String?) throws -> [PlacePeriod] {
        let refs = standingSnapshots
        let statuses = try Parallel.map(refs.count) { i in
            PlacePeriod.recorded(try self.status(of: p, region: region, in: try self.snapshot(refs[i])))
        }
        var periods: [PlacePeriod] = []
        var current: (status: ControlStatus?, first: SnapshotRef, last: SnapshotRef, after: SnapshotRef?)?
        for (ref, s) in zip(refs, statuses) {
            if let c = current, c.status == s {
                current?.last = ref
                continue
            }
            if let c = current { periods.append(PlacePeriod(status: c.status, first: c.first, last: c.last, after: c.after)) }
            current = (s, ref, ref, current?.last)
        }
        if let c = current { periods.append(PlacePeriod(status: c.status, first: c.first, last: c.last, after: c.after)) }
        return periods
    }
}
