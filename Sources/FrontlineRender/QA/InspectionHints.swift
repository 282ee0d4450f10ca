import FrontlineGeo

/// What a map's inspection needs beyond the prepared picture, from the composer that made it.
struct InspectionHints {
    /// A town near the front line: within `nearKm` of it and inside the frame.
    struct FrontTown {
        let name: String
        let population: Int
        let km: Double
        /// Where its dot is, device units: a label names it when the label is beside it.
        let at: Position
    }

    /// The distance at which the map ranks a town as a front town.
    static let nearKm = PlaceRanking.nearKm
    /// Towns near the front, the largest first.
    var frontTowns: [FrontTown] = []
    /// The lon/lat box the base layers cover (water, coast, borders), nil when there are none.
    var baseExtent: Envelope?
    /// The smallest text allowed, device units (11 px at 96 dpi).
    var textFloor: Double
    /// The land and water colours legend swatches must stand apart from.
    var land: RGBA
    var water: RGBA
}
