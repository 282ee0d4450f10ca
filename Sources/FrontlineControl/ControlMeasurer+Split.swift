import Foundation
import FrontlineGeo
import FrontlineSupport

extension ControlMeasurer {
    /// One snapshot on two threads: the regions the layers reach are dealt into two bins of
    /// about equal vertex count; this thread measures one, a helper thread the other on its
    /// own copies of those regions and of the layers (rebuilt from coordinates: GEOS
    /// geometries stay on the thread that made them). Results are plain values.
    func measureSplit(_ snapshot: Snapshot, _ layers: [Layer], whole: Set<String>, geometry: Bool) throws -> [RegionResult] {
        let boxes = layers.compactMap(\.envelope)
        let touched = regions.regions.indices.filter { i in boxes.contains { $0.intersects(regions.regions[i].envelope) } }
        guard touched.count >= 4 else { return try regions.regions.map { try measure($0, layers, whole: whole, geometry: geometry) } }
        let bins = Parallel.split(touched.map { regions.regions[$0].geometry.pointCount }).map { $0.map { touched[$0] } }
        let helperRegions = bins[1].map { regions.regions[$0].portable() }
        let helperLayers = layers.map { (status: $0.status, polygons: $0.geometry.polygons) }
        let rule = sliverRule
        let helper = Background<[RegionResult]> {
            let layers = try helperLayers.map { l -> Layer in
                let g = try Geometry.multiPolygon(l.polygons.map { try Geometry.polygon($0) })
                return (l.status, g, g.envelope)
            }
            let own = try helperRegions.map { try $0.rebuilt() }
            let measurer = ControlMeasurer(regions: RegionSet(own), sliverRule: rule)
            return try own.map { try measurer.measure($0, layers, whole: whole, geometry: geometry) }
        }
        var results = [RegionResult?](repeating: nil, count: regions.regions.count)
        let mine = Set(bins[1])
        for (i, r) in regions.regions.enumerated() where !mine.contains(i) {
            results[i] = try measure(r, layers, whole: whole, geometry: geometry)
        }
        for (i, r) in zip(bins[1], try helper.value()) { results[i] = r }
        return results.map { $0! }
    }
}
