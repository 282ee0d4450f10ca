import Foundation
import FrontlineControl
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// The map of territorial control on a date, as PNG, SVG or PDF bytes. The Swift entry point
/// for what `frontline render` does:
///
///     let renderer = try MapRenderer(dataset: try Dataset.open(dataDir: nil))
///     let map = try renderer.render(date: DayDate("2026-02-05")!, options: MapOptions())
///     try map.data.write(to: URL(fileURLWithPath: "map.png"))
public final class MapRenderer: Sendable {
    public let dataset: Dataset
    private let baseLoad: Background<BaseMap>

    /// Starts reading the base layers on another core (unless `base` is already on its way);
    /// the first render measures control meanwhile and waits for them only when it composes.
    public init(dataset: Dataset, base: Background<BaseMap>? = nil) {
        self.dataset = dataset
        baseLoad = base ?? MapRenderer.loadBase(dataset.folder)
    }

    /// Reads a dataset folder's base layers on another thread, and sets up the fonts there.
    /// A command that knows its folder starts this before opening the dataset, so the two
    /// overlap.
    public static func loadBase(_ folder: URL) -> Background<BaseMap> {
        Background {
            Canvas.warmUpText()
            return try BaseMap(folder: folder)
        }
    }

    /// The base layers (waits for them on first use).
    public func base() throws -> BaseMap { try baseLoad.value() }

    /// A rendered map with what it shows: the figures, the snapshot used, and the viewport
    /// (to find where a lon/lat position is on the picture).
    public struct Rendered {
        public let data: Data
        public let format: OutputFormat
        public let state: ControlState
        public let viewport: Viewport
    }

    public func render(date: DayDate, options: MapOptions) throws -> Rendered {
        if let problem = options.problem() { throw FrontlineError.usage(problem) }
        _ = try dataset.regions.resolve(options.regions)
        PhaseClock.mark("dataset open")
        let measured = try dataset.controlWithGeometry(asOf: date, source: options.source)
        PhaseClock.mark("snapshot read and measured")
        return try render(state: measured.state, geometry: measured.geometry, options: options)
    }

    /// Renders figures and shapes measured elsewhere (a server that caches them, say).
    public func render(state: ControlState, geometry: ControlGeometry, options: MapOptions) throws -> Rendered {
        if let problem = options.problem() { throw FrontlineError.usage(problem) }
        let base = try self.base()
        PhaseClock.mark("base layers (waited)")
        let scene = try MapComposer(dataset: dataset, base: base, options: options).scene(state: state, geometry: geometry)
        PhaseClock.mark("scene composed")
        if options.format == .png {
            let png = try SceneRenderer.png(scene)
            return Rendered(data: png.data, format: .png, state: state, viewport: png.viewport)
        }
        let canvas = try Canvas(format: options.format, width: options.width, height: options.height,
                                title: scene.furniture.title, metadataDate: state.date.description)
        let viewport = try SceneRenderer.draw(scene, on: canvas)
        return Rendered(data: try canvas.finish(), format: options.format, state: state, viewport: viewport)
    }

    public func png(date: DayDate, options: MapOptions = MapOptions()) throws -> Data {
        var o = options
        o.format = .png
        return try render(date: date, options: o).data
    }
}
