import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// The map of territorial control on a date, as PNG, SVG or PDF bytes. The Swift entry point
/// for what `frontline render` does:
///
///     let renderer = try MapRenderer(dataset: try Dataset.open(dataDir: nil))
///     let map = try renderer.render(date: DayDate("2026-02-05")!, options: MapOptions())
///     try map.data.write(to: URL(fileURLWithPath: "map.png"))
///
/// A value over a `MapContext`: it draws what Control measured and measures nothing itself
/// (`render(date:)` asks the dataset for the measurement first).
public struct MapRenderer: Sendable {
    public let context: MapContext
    public var dataset: Dataset { context.dataset }

    public init(context: MapContext) { self.context = context }

    /// A renderer with a context of its own (the base layers read now).
    public init(dataset: Dataset) throws { context = try MapContext(dataset: dataset) }

    /// A rendered map with what it shows: the figures, the snapshot used, and the viewport
    /// (to find where a lon/lat position is on the picture).
    public struct Rendered {
        public let data: Data
        public let format: OutputFormat
        public let state: ControlState
        public let viewport: Viewport
        /// The QA matrix's findings, when `MapOptions.inspect` asked for them.
        public var inspection: MapInspection? = nil
    }

    /// Measures the date (Control) and draws it.
    public func render(date: DayDate, options: MapOptions) throws -> Rendered {
        try options.check()
        _ = try dataset.regions.resolve(options.regions)
        PhaseClock.mark("dataset open")
        if let days = options.advancesDays {
            // The recent advances are a change against the date `days` before, with the rules of
            // `diff`; its later end is the map's measurement, so nothing is measured twice.
            let start = max(dataset.timeline.first?.date ?? date, date.adding(days: -days))
            let change = try dataset.change(from: start, to: date, fromSource: options.source, toSource: options.source)
            PhaseClock.mark("snapshots read and measured")
            return try draw(ControlMeasurement(state: change.changes.to, geometry: change.toGeometry), advances: change, options: options)
        }
        let measured = try dataset.measure(asOf: date, source: options.source)
        PhaseClock.mark("snapshot read and measured")
        return try draw(measured, advances: nil, options: options)
    }

    /// Draws figures and shapes measured elsewhere (a server that caches them, a report);
    /// `advances`, when given, is the change whose newly occupied land is drawn stronger.
    public func render(_ measured: ControlMeasurement, advances: ChangeMeasurement? = nil, options: MapOptions) throws -> Rendered {
        try options.check()
        return try draw(measured, advances: advances, options: options)
    }

    /// The drawing, options already checked.
    private func draw(_ measured: ControlMeasurement, advances: ChangeMeasurement?, options: MapOptions) throws -> Rendered {
        let base = try context.base()
        PhaseClock.mark("base layers (waited)")
        let composer = MapComposer(dataset: dataset, base: base, options: options)
        let scene = try composer.scene(state: measured.state, geometry: measured.geometry, advances: advances)
        PhaseClock.mark("scene composed")
        let (data, viewport) = try SceneRenderer.output(scene, format: options.format, metadataDate: measured.state.date.description)
        return Rendered(data: data, format: options.format, state: measured.state, viewport: viewport,
                        inspection: try composer.inspection(scene, front: measured.geometry.front))
    }

    public func png(date: DayDate, options: MapOptions = MapOptions()) throws -> Data {
        var o = options
        o.format = .png
        return try render(date: date, options: o).data
    }
}
