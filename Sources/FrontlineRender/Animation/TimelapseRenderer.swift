import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// An animated GIF of the control map over a period: one frame per date (every `everyDays`),
/// each with its date in the title and the held km² in the subtitle. One measurer serves all
/// frames, so regions the front did not touch are measured once.
public struct TimelapseRenderer: Sendable {
    public let context: MapContext
    public var dataset: Dataset { context.dataset }

    public init(context: MapContext) { self.context = context }

    /// A renderer with a context of its own (the base layers read now).
    public init(dataset: Dataset) throws { context = try MapContext(dataset: dataset) }

    public struct Rendered {
        public let data: Data
        public let dates: [DayDate]
    }

    /// `options.format` is ignored (GIF); 800×600 suits a timelapse.
    public func render(from: DayDate, to: DayDate, everyDays: Int, fps: Double, options: MapOptions,
                       progress: (Int, Int) -> Void = { _, _ in }) throws -> Rendered {
        guard from < to else { throw FrontlineError.usage("the period is empty: --from \(from) must be before --to \(to)") }
        guard everyDays >= 1 else { throw FrontlineError.usage("--every must be at least 1 day, e.g. 7d") }
        guard fps > 0 && fps <= 50 else { throw FrontlineError.usage("--fps must be between 0 and 50") }
        try options.check()
        _ = try dataset.regions.resolve(options.regions)
        var o = options
        o.format = .png
        let dates = stride(from: from.daysSinceEpoch, through: to.daysSinceEpoch, by: everyDays).map(DayDate.init(daysSinceEpoch:))
        var composer = MapComposer(dataset: dataset, base: try context.base(), options: o)
        var frames: [[UInt32]] = []
        // Control measures each frame (one measurer, so untouched regions are measured once).
        let measurements = dataset.measurements(source: options.source)
        let measured = try dates.map { try measurements.next($0) }
        // The shares stand where the last frame puts them, in every frame whose occupied land
        // holds that spot: labels that moved from frame to frame read as news.
        if let last = measured.last {
            let vp = try composer.viewport(composer.frame(try dataset.regions.resolve(o.regions)))
            composer.fixedShareSpots = try composer.shareSpots(last.state, last.geometry, vp)
        }
        // One legend, one title box and fixed corners for the whole film: rows for every
        // status any frame shows, panels where they are on a map without data avoidance (a
        // panel that moved from frame to frame would jump). What a frame's source does not
        // report is a line of its subtitle, not a legend row beside the rows of the statuses
        // other frames show; every subtitle is as long as the longest, so the box keeps its
        // size when the source changes (it shrank from five lines to two on 13 August 2025).
        let (legend, lines) = try legendOfAll(measured, composer)
        for (n, m) in measured.enumerated() {
            var scene = try composer.scene(state: m.state, geometry: m.geometry)
            scene.furniture.subtitle += scene.furniture.legend.filter(\.swatch.isNote).map(\.label)
            scene.furniture.subtitle += Array(repeating: "", count: max(0, lines - scene.furniture.subtitle.count))
            scene.furniture.legend = legend
            scene.furnitureAvoidsData = false
            let canvas = try Canvas(format: .png, width: o.width, height: o.height)
            try SceneRenderer.draw(scene, on: canvas)
            frames.append(try canvas.withPixels { pixels, stride in
                (0..<o.height).flatMap { y in (0..<o.width).map { x in pixels[y * stride + x] & 0xFF_FFFF } }
            })
            progress(n + 1, dates.count)
        }
        let delay = max(2, Int((100 / fps).rounded()))
        return Rendered(data: try GIFEncoder.encode(frames: frames, width: o.width, height: o.height, delayCentiseconds: delay), dates: dates)
    }

    /// The legend of every frame's rows, each once in order (notes left to the subtitles), and
    /// the most subtitle lines a frame has with its note.
    func legendOfAll(_ measured: [ControlMeasurement], _ composer: MapComposer) throws
        -> (legend: [(label: String, swatch: Furniture.Swatch)], subtitleLines: Int) {
        var rows: [(label: String, swatch: Furniture.Swatch)] = [], lines = 0
        for m in measured {
            let f = composer.furniture(m.state, m.geometry, [])
            lines = max(lines, f.subtitle.count + f.legend.filter(\.swatch.isNote).count)
            for row in f.legend where !row.swatch.isNote && !rows.contains(where: { $0.label == row.label }) {
                rows.append(row)
            }
        }
        return (rows, lines)
    }
}
