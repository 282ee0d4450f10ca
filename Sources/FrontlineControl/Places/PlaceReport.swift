import FrontlineGeo
import FrontlineSupport

/// What `places QUERY` answers of one place: its status on a date, its distance to the front
/// line the figures measure, and, when asked, its periods over the whole record.
public struct PlaceReport: Sendable {
    public let place: Gazetteer.Place
    public let date: DayDate
    public let status: PlaceStatus
    /// km to the nearest point of the front line; nil when the date has no front line.
    public let frontKm: Double?
    public let history: [PlacePeriod]?
    /// The statuses the source reports elsewhere but not in this snapshot: "held" would claim
    /// more than it knows (no grey zone in DeepState's daily files after 2025-08-10).
    public var notReported: [ControlStatus] = []
}

extension Dataset {
    /// The report on `place` on `date` (default: the newest snapshot's date).
    public func placeReport(_ place: Gazetteer.Place, asOf date: DayDate? = nil, history: Bool = false) throws -> PlaceReport {
        guard let day = date ?? timeline.last?.date else { throw FrontlineError.missingInput("the dataset holds no snapshots") }
        let status = try self.status(of: place.position, region: place.region, asOf: day)
        // The distance to the contact line the figures measure.
        let measured = try measure(asOf: day)
        let front = measured.geometry.front
        let km = front.isEmpty ? nil : LineDistanceIndex(lines: front).distanceKm(to: place.position, within: 5_000)
        let periods = history ? try self.history(of: place.position, region: place.region) : nil
        return PlaceReport(place: place, date: day, status: status, frontKm: km, history: periods, notReported: measured.state.notReported)
    }
}
