import CCairo
import Foundation
import FrontlineControl
import FrontlineSupport

/// A decoded PNG with pixel access, for checking what a map shows (tests, tile stitching).
public final class RasterImage {
    public let width: Int
    public let height: Int
    private let surface: OpaquePointer

    public init(png: Data) throws {
        let source = ByteSource(png)
        let s = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(ByteSource.read, Unmanaged.passUnretained(source).toOpaque())
        }
        guard let s, cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
            if let s { cairo_surface_destroy(s) }
            throw FrontlineError.badData("not a PNG image")
        }
        surface = s
        cairo_surface_flush(s)
        width = Int(cairo_image_surface_get_width(s))
        height = Int(cairo_image_surface_get_height(s))
    }

    deinit { cairo_surface_destroy(surface) }

    /// The colour at (x, y), alpha un-premultiplied; nil outside the image.
    public func pixel(x: Int, y: Int) -> RGBA? {
        guard (0..<width).contains(x), (0..<height).contains(y), let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        let p = data + y * stride + x * 4
        // ARGB32 / RGB24 are native-endian 32-bit words: B, G, R, A in memory on little-endian.
        let word = p.withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
        let a = format == CAIRO_FORMAT_RGB24 ? 255 : Double((word >> 24) & 0xFF)
        guard a > 0 else { return RGBA(0, 0, 0, 0) }
        let k = format == CAIRO_FORMAT_RGB24 ? 255.0 : a
        return RGBA(Double((word >> 16) & 0xFF) / k, Double((word >> 8) & 0xFF) / k, Double(word & 0xFF) / k, a / 255)
    }
}

/// Feeds bytes to Cairo's PNG reader.
private final class ByteSource {
    let data: Data
    var offset = 0
    init(_ data: Data) { self.data = data }

    static let read: cairo_read_func_t = { closure, buffer, length in
        guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
        let src = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard src.offset + n <= src.data.count else { return CAIRO_STATUS_READ_ERROR }
        src.data.copyBytes(to: buffer, from: src.offset..<(src.offset + n))
        src.offset += n
        return CAIRO_STATUS_SUCCESS
    }
}
