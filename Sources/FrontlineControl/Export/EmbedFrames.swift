import Foundation
import FrontlineGeo
import FrontlineSupport

/// What an embeddable map of a period needs, as plain values: the regions' outlines and, per
/// snapshot of the period, the held land per status (the land the figures count, simplified
/// for the screen) with the figures of that date.
public struct EmbedFrames: Sendable {
    public struct Outline: Sendable {
        public let iso: String
        public let names: Names
        public let polygons: [[[Position]]]
    }

    public struct Frame: Sendable {
        public let state: ControlState
        /// Held land per status, simplified; statuses in the source's order.
        public let held: [(status: ControlStatus, polygons: [[[Position]]])]
    }

    public let outlines: [Outline]
    /// Sea and large water (the dataset's `base/water.geojson`), simplified; empty without it.
    public let water: [[[Position]]]
    public let frames: [Frame]
    /// Simplification tolerance, degrees.
    public let tolerance: Double
}

extension Dataset {
    /// The frames of every snapshot from `from` to `to` (and the one standing for `from`), or
    /// of the snapshots standing for every `every` days. `progress` gets (done, total) frames.
    public func embedFrames(from: DayDate, to: DayDate, every: Int? = nil, regions isos: [String] = [], tolerance: Double = 0.005, source: String? = nil,
                            progress: (Int, Int) -> Void = { _, _ in }) throws -> EmbedFrames {
        guard from < to else { throw FrontlineError.usage("the period is empty: --from \(from) must be before --to \(to)") }
        guard tolerance > 0 && tolerance <= 0.1 else { throw FrontlineError.usage("--tolerance must be above 0 and at most 0.1 degrees") }
        let picked = try regions.resolve(isos)
        var dates = try seriesDates(from: from, to: to, everyDays: every, source: source)
        if dates.last != to { dates.append(to) }  // the period's end is always a frame
        let sequence = measurements(source: source)
        let keep = Set(picked.isEmpty ? regions.regions.map(\.iso) : picked.map(\.iso))
        var frames: [EmbedFrames.Frame] = []
        var last: SnapshotRef?
        for (i, d) in dates.enumerated() {
            let ref = try timeline.snapshot(asOf: d, source: source).ref
            defer { progress(i + 1, dates.count) }
            guard ref != last else { continue }  // a date standing for the same snapshot as the one before
            last = ref
            let m = try sequence.next(d)
            var held: [(ControlStatus, [[[Position]]])] = []
            // Land held abroad comes along on a country page (it is no region's).
            let statuses = picked.isEmpty ? m.state.mapStatuses : m.state.statuses
            let drawn = keep.union(picked.isEmpty ? [ControlGeometry.abroadKey] : [])
            for s in statuses {
                let shapes = try m.geometry.byRegion.filter { drawn.contains($0.key) }.sorted { $0.key < $1.key }
                    .compactMap { $0.value.held[s] }.filter { !$0.base.isEmpty }.map { try $0.geometry() }
                guard !shapes.isEmpty else { continue }
                // One geometry per status, so the simplified pieces of neighbouring regions meet.
                let union = try Geometry.union(shapes).simplified(tolerance: tolerance)
                held.append((s, Self.withoutDegenerateRings(union.polygons)))
            }
            frames.append(EmbedFrames.Frame(state: picked.isEmpty ? m.state : m.state.filtered(picked.map(\.iso)), held: held))
        }
        let outlines = try (picked.isEmpty ? regions.regions : picked).map { r in
            EmbedFrames.Outline(iso: r.iso, names: r.names, polygons: try r.geometry.simplified(tolerance: tolerance).polygons)
        }
        return EmbedFrames(outlines: outlines, water: try water(tolerance: tolerance), frames: frames, tolerance: tolerance)
    }

    /// The base layer's water, for context: the land beyond the regions is the page's background.
    private func water(tolerance: Double) throws -> [[[Position]]] {
        let url = folder.appendingPathComponent("base/water.geojson")
        guard let bytes = FileManager.default.contents(atPath: url.path) else { return [] }
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONReader.read(bytes) } catch { throw FrontlineError.badData(in: "base/water.geojson", error) }
        return try fc.features.flatMap { f -> [[[Position]]] in
            guard let g = f.geometry else { return [] }
            return try g.geometry().simplified(tolerance: tolerance).polygons
        }
    }
}
