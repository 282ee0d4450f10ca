import Foundation
import FrontlineGeo

/// Draws a `MapScene` on a `Canvas`: layers in order, then labels (placed without overlaps,
/// around the furniture), then the furniture. Geometry preparation (projection, fitting,
/// decimation) is shared by every backend; only the paint calls differ (Canvas).
public enum SceneRenderer {
    @discardableResult
    public static func draw(_ scene: MapScene, on canvas: Canvas) throws -> Viewport {
        canvas.paint(scene.background)
        let viewport = try Viewport(projection: Projection(to: scene.projection), extent: scene.extent,
                                    width: scene.width, height: scene.height, frame: scene.frame)
        var obstacles: [Envelope] = []
        for layer in scene.layers {
            obstacles += try draw(layer, viewport, canvas, scene.unit)
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
    private static func draw(_ layer: SceneLayer, _ vp: Viewport, _ canvas: Canvas, _ unit: Double) throws -> [Envelope] {
        switch layer {
        case .fill(_, let polygons, let style, let outline):
            guard !polygons.isEmpty else { return [] }
            canvas.beginPath()
            for rings in polygons {
                for ring in rings { canvas.addRing(decimate(try vp.device(ring), step: 0.5)) }
            }
            canvas.fillPath(FillStyle(style.color, hatch: style.hatch.map { Hatch(color: $0.color, spacing: $0.spacing * unit, width: $0.width * unit) }),
                            keep: outline != nil)
            if let outline { canvas.strokePath(outline, scale: unit) }
        case .stroke(_, let lines, let style):
            guard !lines.isEmpty else { return [] }
            canvas.beginPath()
            for line in lines { canvas.addLine(decimate(try vp.device(line), step: 0.5)) }
            canvas.strokePath(style, scale: unit)
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
