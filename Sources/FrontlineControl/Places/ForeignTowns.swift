import FrontlineGeo

extension Gazetteer {
    /// The most populous foreign place (not of the dataset's regions) inside each of
    /// `polygons` (lon/lat rings, exterior first): the main town of land held across the
    /// border (Sudzha in the Kursk salient), which a map names whatever its scale. GEOS work,
    /// so Control's: renderers are handed the places.
    public static func mainForeignPlaces(_ places: [Place], in polygons: [[[Position]]]) throws -> [Place] {
        let foreign = places.filter { !$0.isHome }
        var towns: [Place] = []
        for rings in polygons where !rings.isEmpty {
            guard let box = Envelope(of: rings[0]) else { continue }
            let inBox = foreign.filter { box.contains($0.position) }
            guard !inBox.isEmpty else { continue }
            let prepared = try PreparedGeometry(try Geometry.polygon(rings))
            if let top = try inBox.filter({ try prepared.contains($0.position) }).max(by: { $0.population < $1.population }), !towns.contains(top) {
                towns.append(top)
            }
        }
        return towns
    }
}
