import Foundation
import FrontlineGeo

/// Draws a `MapScene` on a `Canvas`: layers in order, then labels (placed without overlaps,
/// around the furniture), then the furniture. Geometry preparation (projection, fitting,
/// decimation) is shared by every backend; only the paint calls differ (Canvas).
public enum SceneRenderer {
    @discardableResult
    public static func draw(_ scene: MapScene, on canvas: Canvas) throws -> Viewport {
        // The scene's own rectangle, not the whole surface: a report page holds a map among text.
        canvas.fillRect(x: 0, y: 0, width: scene.width, height: scene.height, scene.background)
        canvas.save()
        canvas.clip(x: 0, y: 0, width: scene.width, height: scene.height)
        defer { canvas.restore() }
        let viewport = try Viewport(projection: Projection(to: scene.projection), extent: scene.extent,
                                    width: scene.width, height: scene.height, frame: scene.frame)
        var obstacles: [Envelope] = []
        let step = lonLatStep(viewport, scene)
        for layer in scene.layers {
            obstacles += try draw(layer, viewport, canvas, scene.unit, lonLatStep: step)
        }
        let furniture = FurnitureLayout(scene.furniture, canvas: canvas, unit: scene.unit, width: scene.width, height: scene.height)
        var placer = LabelPlacer(bounds: Envelope(minX: 0, minY: 0, maxX: scene.width, maxY: scene.height),
                                 obstacles: obstacles + furniture.boxes, unit: scene.unit)
        for label in scene.labels.sorted(by: { $0.priority > $1.priority }) {
            try placer.place(label, viewport: viewport, canvas: canvas)
        }
        try furniture.draw(on: canvas, viewport: viewport)
        return viewport
    }

    /// Draws one layer; returns the boxes of its markers (labels must not cover them).
    /// The lon/lat distance under which two points are closer than 0.4 device units anywhere
    /// on the map: points that close are dropped before projecting (the eye cannot see them,
    /// and PROJ and Cairo then do a fraction of the work at country scale).
    private static func lonLatStep(_ vp: Viewport, _ scene: MapScene) -> Double {
        // A degree of latitude is the longest degree; metres per device unit vary little
        // across a conformal map of one country, so take the smallest over a few points.
        let samples = [Position(scene.width / 2, scene.height / 2), Position(0, 0), Position(scene.width, scene.height)]
        let mpu = samples.compactMap { try? vp.metresPerUnit(at: $0) }.filter { $0 > 0 && $0.isFinite }.min() ?? 0
        return mpu > 0 ? 0.4 * mpu / 111_320 : 0
    }

    private static func device(_ pts: [Position], _ vp: Viewport, _ lonLatStep: Double) throws -> [Position] {
        decimate(try vp.device(lonLatStep > 0 ? decimate(pts, step: lonLatStep) : pts), step: 0.5)
    }

    private static func draw(_ layer: SceneLayer, _ vp: Viewport, _ canvas: Canvas, _ unit: Double, lonLatStep: Double) throws -> [Envelope] {
        switch layer {
        case .fill(_, let polygons, let style, let outline):
            guard !polygons.isEmpty else { return [] }
            canvas.beginPath()
            for rings in polygons {
                for ring in rings { canvas.addRing(try device(ring, vp, lonLatStep)) }
            }
            canvas.fillPath(FillStyle(style.color, hatch: style.hatch.map { Hatch(color: $0.color, spacing: $0.spacing * unit, width: $0.width * unit) }),
                            keep: outline != nil)
            if let outline { canvas.strokePath(outline, scale: unit) }
        case .stroke(_, let lines, let style):
            guard !lines.isEmpty else { return [] }
            canvas.beginPath()
            for line in lines { canvas.addLine(try device(line, vp, lonLatStep)) }
            canvas.strokePath(style, scale: unit)
        case .strokeInside(_, let lines, let style, let clip):
            guard !lines.isEmpty, !clip.isEmpty else { return [] }
            canvas.save()
            canvas.beginPath()
            for rings in clip {
                for ring in rings { canvas.addRing(try device(ring, vp, lonLatStep)) }
            }
            canvas.clipPath()
            canvas.beginPath()
            for line in lines { canvas.addLine(try device(line, vp, lonLatStep)) }
            var doubled = style
            doubled.width *= 2
            canvas.strokePath(doubled, scale: unit)
            canvas.restore()
        case .markers(_, let points, let radius, let outline, let fill):
            guard !points.isEmpty else { return [] }
            let centres = try vp.device(points)
            canvas.beginPath()
            for c in centres { canvas.addCircle(center: c, radius: radius * unit) }
            if let fill { canvas.fillPath(FillStyle(fill), keep: true) }
            canvas.strokePath(outline, scale: unit)
            let r = radius * unit + outline.width * unit
            return centres.map { Envelope(minX: $0.x - r, minY: $0.y - r, maxX: $0.x + r, maxY: $0.y + r) }
        }
        return []
    }

    /// Drops points closer than `step` device units to the last kept one: the eye cannot see
    /// them, and paths (and SVG files) get much smaller at country scale. Ends are kept.
    static func decimate(_ pts: [Position], step: Double) -> [Position] {
        guard pts.count > 4 else { return pts }
        var out = [pts[0]]
        out.reserveCapacity(pts.count)
        let s2 = step * step
        for p in pts.dropFirst().dropLast() {
            let q = out[out.count - 1]
            if (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) >= s2 { out.append(p) }
        }
        out.append(pts[pts.count - 1])
        return out
    }
}
