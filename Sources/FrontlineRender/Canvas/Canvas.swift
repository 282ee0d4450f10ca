import CCairo
import Foundation
import FrontlineControl
import FrontlineSupport

/// A Cairo drawing surface (PNG image, SVG or PDF document) with its context. Owns both C
/// handles and frees them in `deinit`; no Cairo pointer leaves the module. Coordinates are
/// device units: pixels for PNG, points for SVG and PDF, origin top-left, y down.
public final class Canvas {
    public let format: OutputFormat
    public let width: Double
    public let height: Double
    let surface: OpaquePointer
    let cr: OpaquePointer
    private let sink = ByteSink()
    /// Every text drawn, for the SVG text layer (Cairo writes SVG text as glyph outlines).
    var texts: [(text: String, origin: (x: Double, y: Double), font: Font)] = []
    let title: String
    /// Font faces by family and style, created once (fontconfig lookups are slow).
    private var faces: [String: OpaquePointer] = [:]
    var currentFont: Font?

    /// `metadataDate` (YYYY-MM-DD) is written as the PDF creation date instead of the clock's,
    /// so the same map gives the same bytes.
    public init(format: OutputFormat, width: Int, height: Int, title: String = "", metadataDate: String? = nil) throws {
        guard (1...20_000).contains(width), (1...20_000).contains(height) else {
            throw FrontlineError.usage("image size \(width)×\(height) is outside 1...20000 pixels")
        }
        self.format = format
        self.title = title
        self.width = Double(width)
        self.height = Double(height)
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        switch format {
        case .png:
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        case .svg:
            surface = cairo_svg_surface_create_for_stream(ByteSink.write, closure, Double(width), Double(height))
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(ByteSink.write, closure, Double(width), Double(height))
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Frontline")
            if !title.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
            let date = (metadataDate ?? "2000-01-01") + "T00:00:00"
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            let reason = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw FrontlineError.usage("cannot create a \(width)×\(height) \(format.rawValue) surface: \(reason)")
        }
        cr = cairo_create(surface)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        for face in faces.values { cairo_font_face_destroy(face) }
    }

    func fontFace(_ font: Font) -> OpaquePointer {
        let key = "\(font.family)|\(font.bold)|\(font.italic)"
        if let face = faces[key] { return face }
        let face = cairo_toy_font_face_create(font.family, font.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                                              font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)!
        faces[key] = face
        return face
    }

    /// Throws when Cairo has stopped drawing: it records the first error (out of memory, a
    /// restore without a save, a singular matrix) and ignores everything after it, so a
    /// picture is checked before its pixels or bytes are used, never handed out half drawn.
    func checkStatus() throws {
        var status = cairo_status(cr)
        if status == CAIRO_STATUS_SUCCESS { status = cairo_surface_status(surface) }
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw FrontlineError.cannotWrite("drawing the \(format.rawValue) picture failed: \(String(cString: cairo_status_to_string(status)))")
    }

    /// Ends drawing and returns the encoded picture (Cairo's status checked first and, for
    /// SVG and PDF, after the file is written).
    public func finish() throws -> Data {
        cairo_surface_flush(surface)
        try checkStatus()
        if format == .png {
            guard let pixels = cairo_image_surface_get_data(surface) else { throw FrontlineError.cannotWrite("no image data to encode") }
            return try PNGEncoder.encode(pixels: pixels, width: Int(width), height: Int(height),
                                         stride: Int(cairo_image_surface_get_stride(surface)))
        } else {
            cairo_surface_finish(surface)
            try checkStatus()
        }
        return format == .svg ? SVGTextLayer.add(to: sink.data, title: title, texts: texts) : sink.data
    }

    public func save() { cairo_save(cr) }
    /// Restores the drawing state (the font too: forget which one is selected).
    public func restore() {
        cairo_restore(cr)
        currentFont = nil
    }

    func setColor(_ c: RGBA) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a) }

    /// Paints the whole surface.
    public func paint(_ c: RGBA) {
        setColor(c)
        cairo_paint(cr)
    }

    /// Fills an axis-aligned rectangle.
    public func fillRect(x: Double, y: Double, width: Double, height: Double, _ c: RGBA) {
        cairo_new_path(cr)
        cairo_rectangle(cr, x, y, width, height)
        setColor(c)
        cairo_fill(cr)
    }

    /// Moves the origin (until `restore()`): to draw a scene into part of a page.
    public func translate(x: Double, y: Double) { cairo_translate(cr, x, y) }

    /// Back to device coordinates (a band canvas painted again for another band).
    func resetTransform() { cairo_identity_matrix(cr) }

    /// Scales drawing (until `restore()`): a map laid out for a large canvas, shown small.
    public func scale(_ k: Double) { cairo_scale(cr, k, k) }

    /// Ends the current PDF page and starts the next.
    public func newPage() { cairo_show_page(cr) }

    /// The image's pixels (Cairo ARGB32: premultiplied, native-endian 32-bit words), row by row,
    /// for frame-by-frame encoders. Only for PNG canvases.
    public func withPixels<T>(_ body: (UnsafePointer<UInt32>, _ stride: Int) throws -> T) throws -> T {
        cairo_surface_flush(surface)
        try checkStatus()
        guard format == .png, let data = cairo_image_surface_get_data(surface) else {
            throw FrontlineError.usage("pixels are only available from an image canvas")
        }
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        return try data.withMemoryRebound(to: UInt32.self, capacity: stride * Int(height)) { try body($0, stride) }
    }

    /// Restricts drawing to a rectangle until `restore()`.
    public func clip(x: Double, y: Double, width: Double, height: Double) {
        cairo_new_path(cr)
        cairo_rectangle(cr, x, y, width, height)
        cairo_clip(cr)
    }
}

/// Collects the bytes Cairo writes through its stream callbacks.
final class ByteSink {
    var data = Data()

    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}
