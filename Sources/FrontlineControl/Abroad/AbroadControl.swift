/// Land held by the defender in one neighbouring country on a date (`ControlStatus.heldAbroad`).
public struct AbroadControl: Sendable, Equatable {
    /// The gazetteer's country code (`RU`).
    public let country: String
    public let names: Names
    public let km2: Double
    /// The length of its edge against the neighbour's own land (the border is not part of it).
    public let frontKm: Double

    public init(country: String, names: Names, km2: Double, frontKm: Double) {
        self.country = country
        self.names = names
        self.km2 = km2
        self.frontKm = frontKm
    }
}
