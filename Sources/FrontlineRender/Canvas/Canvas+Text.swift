import CCairo
import FrontlineGeo

/// Text through Cairo's text API with fontconfig fonts. A halo (a wide stroke of the text
/// outline in a light colour, under the fill) keeps labels readable over any map colour.
extension Canvas {
    public struct TextSize {
        public let width: Double
        /// Font ascent and descent: the same for every text of a font, so lines align.
        public let ascent: Double
        public let descent: Double
        public var height: Double { ascent + descent }
    }

    /// Loads fontconfig's configuration and the label faces (6 ms, paid by the first text
    /// measured) so that a thread with other work to do can pay it instead of the one that
    /// lays out the map after measuring it. Cairo's and fontconfig's caches are process-wide.
    public static func warmUpText() {
        guard let canvas = try? Canvas(format: .png, width: 1, height: 1) else { return }
        for font in [Font(size: 12), Font(size: 12, bold: true), Font(size: 12, italic: true)] {
            _ = canvas.measure("Frontline Фронт 0123456789 %", font)
        }
    }

    func select(_ font: Font) {
        if font == currentFont { return }
        cairo_set_font_face(cr, fontFace(font))
        cairo_set_font_size(cr, font.size)
        currentFont = font
    }

    public func measure(_ text: String, _ font: Font) -> TextSize {
        select(font)
        var te = cairo_text_extents_t()
        var fe = cairo_font_extents_t()
        cairo_text_extents(cr, text, &te)
        cairo_font_extents(cr, &fe)
        return TextSize(width: te.x_advance, ascent: fe.ascent, descent: fe.descent)
    }

    /// Draws `text` with its baseline starting at `origin`.
    public func drawText(_ text: String, at origin: Position, font: Font, color: RGBA, halo: RGBA? = nil, haloWidth: Double = 0) {
        select(font)
        texts.append((text, (origin.x, origin.y), font))
        cairo_new_path(cr)
        cairo_move_to(cr, origin.x, origin.y)
        if let halo, haloWidth > 0 {
            cairo_text_path(cr, text)
            setColor(halo)
            cairo_set_line_width(cr, 2 * haloWidth)
            if format == .pdf {
                // The halo as a path, the letters as text: a PDF reader can search and copy
                // the names, and a desk can correct one.
                cairo_stroke(cr)
                cairo_move_to(cr, origin.x, origin.y)
                setColor(color)
                cairo_show_text(cr, text)
            } else {
                cairo_stroke_preserve(cr)
                setColor(color)
                cairo_fill(cr)
            }
        } else {
            setColor(color)
            cairo_show_text(cr, text)
        }
        cairo_new_path(cr)
    }
}
