import Foundation
import FrontlineGeo
import FrontlineSupport

/// A settlement whose status differs between two dates.
public struct ChangedPlace: Sendable {
    public let place: Gazetteer.Place
    public let from: ControlStatus?
    public let to: ControlStatus?
}

/// The settlements of the gazetteer that changed hands between the snapshots standing for two
/// dates: each place tested against both snapshots' layers (prepared, so thousands of points
/// cost milliseconds), largest first.
public struct ChangedPlaces: Sendable {
    public let from: SnapshotRef
    public let to: SnapshotRef
    public let places: [ChangedPlace]

    /// Newly occupied, newly contested (from held land: contested land that became occupied
    /// is among the occupied), and freed.
    public var occupied: [ChangedPlace] { places.filter { $0.to == .occupied } }
    public var contested: [ChangedPlace] { places.filter { $0.to == .contested } }
    public var freed: [ChangedPlace] { places.filter { $0.to == nil } }

    public static func people(_ list: [ChangedPlace]) -> Int { list.reduce(0) { $0 + $1.place.population } }
}

extension Dataset {
    /// The settlements that changed hands from `from` to `to` (each date standing for the newest
    /// snapshot on or before it, of its own source when given), largest first. `gazetteer`:
    /// the dataset's places when the caller has read them already (read here otherwise).
    public func changedPlaces(from: DayDate, to: DayDate, regions isos: [String] = [], minPopulation: Int = 0,
                              fromSource: String? = nil, toSource: String? = nil, gazetteer: Gazetteer? = nil) throws -> ChangedPlaces {
        guard from <= to else { throw FrontlineError.usage("--from \(from) is after --to \(to); swap them") }
        let picked = Set(try regions.resolve(isos).map(\.iso))
        let places = try (gazetteer ?? Gazetteer.load(folder: folder)).places.filter { p in
            guard let r = p.region else { return false }
            return p.population >= minPopulation && (picked.isEmpty || picked.contains(r))
        }
        let a = try timeline.snapshot(asOf: from, source: fromSource).ref, b = try timeline.snapshot(asOf: to, source: toSource).ref
        let before = try statuses(places, in: try snapshot(a)), after = try statuses(places, in: try snapshot(b))
        let changed = zip(places, zip(before, after)).compactMap { p, s -> ChangedPlace? in
            let (x, y) = (PlacePeriod.recorded(s.0), PlacePeriod.recorded(s.1))
            return x == y ? nil : ChangedPlace(place: p, from: x, to: y)
        }
        return ChangedPlaces(from: a, to: b, places: changed)
    }

    /// Each place's status in one snapshot.
    func statuses(_ places: [Gazetteer.Place], in s: Snapshot) throws -> [ControlStatus?] {
        let layers = try s.statuses.map { ($0, try PreparedGeometry(s.layers[$0]!)) }
        return try places.map { p in
            if let r = p.region, s.whollyOccupied.contains(r) { return .occupied }
            return try layers.first { try $0.1.contains(p.position) }?.0
        }
    }
}
