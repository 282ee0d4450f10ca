import Foundation
import FrontlineControl
import FrontlineSupport

/// What every picture of a dataset shares, loaded once: the dataset (its info, region
/// outlines and baseline) and its base layers. Renderers are values over a context and the
/// measurements Control hands them: a report, a timelapse or a tile server reads `base/` once
/// however many pictures it draws.
public struct MapContext: Sendable {
    public let dataset: Dataset
    private let baseLoad: Background<BaseMap>
    /// Layers projected for tiles, kept across the dates this context draws.
    let tileShapes = TileShapeCache()

    /// A context over `dataset`, its base layers read now.
    public init(dataset: Dataset) throws {
        let base = try BaseMap(folder: dataset.folder)
        self.init(dataset: dataset, base: Background(ready: base))
    }

    /// A context whose base layers are still being read (`loadBase`): a command that knows its
    /// folder starts that before opening the dataset, and the two overlap.
    public init(dataset: Dataset, base: Background<BaseMap>) {
        self.dataset = dataset
        baseLoad = base
    }

    /// Starts reading a dataset folder's base layers on another core, and sets up the fonts there.
    public static func loadBase(_ folder: URL) -> Background<BaseMap> {
        Background {
            Canvas.warmUpText()
            return try BaseMap(folder: folder)
        }
    }

    /// The base layers (waits for them on first use).
    public func base() throws -> BaseMap { try baseLoad.value() }
}
