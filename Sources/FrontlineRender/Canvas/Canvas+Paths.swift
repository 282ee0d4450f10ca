import Foundation
import CCairo
import FrontlineGeo

/// Paths from device-space coordinates, filled or stroked in one Cairo operation, so that
/// adjacent pieces filled together show no seams.
extension Canvas {
    /// Starts an empty path.
    public func beginPath() { cairo_new_path(cr) }

    /// Adds a closed ring (device coordinates).
    public func addRing(_ ring: [Position]) {
        guard let first = ring.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in ring.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_close_path(cr)
    }

    /// Adds an open line (device coordinates).
    public func addLine(_ line: [Position]) { addLine(line[...]) }

    /// Adds an open line from part of an array.
    public func addLine(_ line: ArraySlice<Position>) {
        guard let first = line.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in line.dropFirst() { cairo_line_to(cr, p.x, p.y) }
    }

    /// Adds a circle (a marker).
    public func addCircle(center: Position, radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
        cairo_close_path(cr)
    }

    /// Fills the current path (even-odd, so holes stay holes whatever the ring orientation)
    /// and keeps it for a following stroke when `keep` is true.
    public func fillPath(_ style: FillStyle, keep: Bool = false) {
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
        setColor(style.color)
        if let hatch = style.hatch {
            cairo_fill_preserve(cr)
            cairo_save(cr)
            cairo_clip_preserve(cr)
            drawHatch(hatch)
            cairo_restore(cr)
            if !keep { cairo_new_path(cr) }
        } else if keep {
            cairo_fill_preserve(cr)
        } else {
            cairo_fill(cr)
        }
    }

    /// Restricts drawing to the current path (even-odd) until `restore()`, and clears it.
    public func clipPath() {
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
        cairo_clip(cr)
    }

    /// Strokes the current path with `scale` applied to width and dashes, and clears it.
    public func strokePath(_ style: LineStyle, scale: Double = 1) {
        setColor(style.color)
        cairo_set_line_width(cr, style.width * scale)
        let dashes = style.dash.map { $0 * scale }
        dashes.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    /// Diagonal lines over the current clip, as vector paths (they stay sharp in SVG and PDF).
    private func drawHatch(_ h: Hatch) {
        var x1 = 0.0, y1 = 0.0, x2 = 0.0, y2 = 0.0
        cairo_clip_extents(cr, &x1, &y1, &x2, &y2)
        cairo_new_path(cr)
        let span = (x2 - x1) + (y2 - y1)
        // Lines x - y = c, on a grid anchored at the origin so neighbouring pieces line up.
        var c = (floor((x1 - y2) / h.spacing)) * h.spacing
        while c <= x2 - y1 {
            cairo_move_to(cr, c + y1 - 1, y1 - 1)
            cairo_line_to(cr, c + y1 - 1 + span + 2, y1 - 1 + span + 2)
            c += h.spacing
        }
        setColor(h.color)
        cairo_set_line_width(cr, h.width)
        cairo_stroke(cr)
    }
}
