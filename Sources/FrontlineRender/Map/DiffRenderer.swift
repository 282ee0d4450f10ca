import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// The change map between two dates, as PNG, SVG or PDF bytes, and the figures behind it:
///
///     let change = try dataset.change(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!)
///     let png = try DiffRenderer(dataset: dataset).render(change, options: MapOptions()).data
public final class DiffRenderer: Sendable {
    public let dataset: Dataset
    private let maps: MapRenderer

    public init(dataset: Dataset) {
        self.dataset = dataset
        self.maps = MapRenderer(dataset: dataset)
    }

    public struct Rendered {
        public let data: Data
        public let format: OutputFormat
        public let changes: ChangeSet
        public let viewport: Viewport
    }

    public func render(_ change: (changes: ChangeSet, geometry: ChangeGeometry, toGeometry: ControlGeometry),
                       options: MapOptions) throws -> Rendered {
        if let problem = options.problem() { throw FrontlineError.usage(problem) }
        let composer = MapComposer(dataset: dataset, base: try maps.base(), options: options)
        let scene = try DiffComposer(map: composer).scene(change.changes, change.geometry, change.toGeometry)
        if options.format == .png {
            let png = try SceneRenderer.png(scene)
            return Rendered(data: png.data, format: .png, changes: change.changes, viewport: png.viewport)
        }
        let canvas = try Canvas(format: options.format, width: options.width, height: options.height,
                                title: scene.furniture.title, metadataDate: change.changes.to.date.description)
        let viewport = try SceneRenderer.draw(scene, on: canvas)
        return Rendered(data: try canvas.finish(), format: options.format, changes: change.changes, viewport: viewport)
    }

    /// Measures and draws in one call.
    public func render(from: DayDate, to: DayDate, options: MapOptions) throws -> Rendered {
        try render(dataset.change(from: from, to: to, fromSource: options.source, toSource: options.source), options: options)
    }
}
