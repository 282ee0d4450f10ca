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

    /// A context over `dataset`, its base layers read now (by Control: Render opens no file).
    public init(dataset: Dataset) throws {
        self.init(dataset: dataset, base: Background(ready: try dataset.baseMap()))
    }

    /// A context whose base layers are still being read (`BaseMap.load(_:warmUp:)`, with
    /// `Canvas.warmUpText` as its warm-up): a command that knows its folder starts that before
    /// opening the dataset, and the two overlap.
    public init(dataset: Dataset, base: Background<BaseMap>) {
        self.dataset = dataset
        baseLoad = base
    }

    /// The base layers (waits for them on first use).
    public func base() throws -> BaseMap { try baseLoad.value() }
}
