import FrontlineControl
import FrontlineGeo

extension MapComposer {
    /// What the inspection of a scene this composer made needs: the towns near `front` in
    /// the frame, the base map's extent, the text floor and the colours of land and water.
    func inspectionHints(_ scene: MapScene, front: [[Position]]) throws -> InspectionHints {
        let vp = try viewport(scene)
        let visible = try vp.visibleExtent()
        let index = LineDistanceIndex(lines: front)
        let towns = try base.places.filter { $0.isHome && $0.population >= 1_000 && visible.contains($0.position) }.compactMap { p -> InspectionHints.FrontTown? in
            // The lon/lat box of a conic frame reaches beyond its corners: only dots on the canvas count.
            let at = try vp.device(p.position)
            guard at.x >= 0, at.y >= 0, at.x <= scene.width, at.y <= scene.height,
                  !index.isEmpty, let km = index.distanceKm(to: p.position, within: InspectionHints.nearKm) else { return nil }
            return InspectionHints.FrontTown(name: p.name(options.language), population: p.population, km: km, at: at)
        }
        return InspectionHints(frontTowns: towns.sorted { $0.population > $1.population }, baseExtent: base.extent,
                               textFloor: textFloor, land: theme.land, water: theme.water)
    }

    /// The scene inspected, when the options ask for it.
    func inspection(_ scene: MapScene, front: [[Position]]) throws -> MapInspection? {
        guard options.inspect else { return nil }
        return try SceneRenderer.inspect(scene, hints: try inspectionHints(scene, front: front))
    }
}
