/// Land held by the defender in one neighbouring country on a date (`ControlStatus.heldAbroad`).
public struct AbroadControl: Sendable, Equatable {
    /// The gazetteer's country code (`RU`).
    public let country: String
    public let nameEN: String
    public let nameUK: String
    public let km2: Double

    public init(country: String, nameEN: String, nameUK: String, km2: Double) {
        self.country = country
        self.nameEN = nameEN
        self.nameUK = nameUK
        self.km2 = km2
    }
}
