import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// The change map between two dates, as PNG, SVG or PDF bytes, and the figures behind it:
///
///     let change = try dataset.change(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!)
///     let png = try DiffRenderer(dataset: dataset).render(change, options: MapOptions()).data
public struct DiffRenderer: Sendable {
    public let context: MapContext
    public var dataset: Dataset { context.dataset }

    public init(context: MapContext) { self.context = context }

    /// A renderer with a context of its own (the base layers read now).
    public init(dataset: Dataset) throws { context = try MapContext(dataset: dataset) }

    public struct Rendered {
        public let data: Data
        public let format: OutputFormat
        public let changes: ChangeSet
        public let viewport: Viewport
        /// The QA matrix's findings, when `MapOptions.inspect` asked for them.
        public var inspection: MapInspection? = nil
    }

    /// Draws a change Control measured; the largest of `places` (settlements that changed hands
    /// in it) are named on the map whatever their size.
    public func render(_ change: ChangeMeasurement, places: ChangedPlaces? = nil, options: MapOptions) throws -> Rendered {
        try options.check()
        let composer = MapComposer(dataset: dataset, base: try context.base(), options: options)
        let scene = try DiffComposer(map: composer).scene(change.changes, change.geometry, change.toGeometry, places: places)
        let (data, viewport) = try SceneRenderer.output(scene, format: options.format, metadataDate: change.changes.to.date.description)
        return Rendered(data: data, format: options.format, changes: change.changes, viewport: viewport,
                        inspection: try composer.inspection(scene, front: change.toGeometry.front))
    }

    /// Measures (Control) and draws in one call.
    public func render(from: DayDate, to: DayDate, options: MapOptions) throws -> Rendered {
        try render(dataset.change(from: from, to: to, fromSource: options.source, toSource: options.source), options: options)
    }
}
