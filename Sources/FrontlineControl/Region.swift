import FrontlineGeo

/// One first-level unit (oblast, republic, city with special status), land only.
public final class Region {
    public let iso: String
    public let nameEN: String
    public let nameUK: String
    public let kind: String
    /// Land-clipped boundary in lon/lat.
    public let geometry: Geometry
    public let envelope: Envelope
    /// Geodesic land area in km², computed once at load.
    public let areaKm2: Double

    public init(iso: String, nameEN: String, nameUK: String, kind: String, geometry: Geometry) {
        self.iso = iso
        self.nameEN = nameEN
        self.nameUK = nameUK
        self.kind = kind
        self.geometry = geometry
        self.envelope = geometry.envelope ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        self.areaKm2 = Geodesic.areaKm2(geometry)
    }

    /// The name in the language asked for ("en" or "uk").
    public func name(_ lang: String) -> String { lang == "uk" ? nameUK : nameEN }
}
