import CZlib
import Foundation
import FrontlineControl

/// Writes a Cairo image buffer as PNG through zlib. Cairo's own writer goes through libpng's
/// defaults (adaptive filters, zlib level 6) and took a quarter of a whole map render; for
/// flat map colours, unfiltered rows at zlib level 3 are five times faster and smaller.
/// Opaque images are written as RGB, others as RGBA with alpha un-premultiplied.
enum PNGEncoder {
    /// `pixels` is Cairo's ARGB32 (premultiplied, native-endian words), `stride` bytes a row.
    static func encode(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws -> Data {
        let opaque = isOpaque(pixels, width, height, stride)
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + width * channels
        var raw = [UInt8](repeating: 0, count: rowBytes * height)
        raw.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
                var o = y * rowBytes + 1  // filter byte 0: none
                for x in 0..<width {
                    let p = row[x]
                    let a = UInt32(p >> 24)
                    var r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                    if !opaque && a > 0 && a < 255 {
                        r = (r * 255 + a / 2) / a
                        g = (g * 255 + a / 2) / a
                        b = (b * 255 + a / 2) / a
                    }
                    out[o] = UInt8(r); out[o + 1] = UInt8(g); out[o + 2] = UInt8(b)
                    if !opaque { out[o + 3] = UInt8(a) }
                    o += channels
                }
            }
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, opaque ? 2 : 6, 0, 0, 0])  // 8-bit, RGB/RGBA, deflate, no filter method, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try deflate(raw), to: &png)
        appendChunk("IEND", Data(), to: &png)
        return png
    }

    private static func isOpaque(_ pixels: UnsafePointer<UInt8>, _ width: Int, _ height: Int, _ stride: Int) -> Bool {
        for y in 0..<height {
            let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xFF { return false }
        }
        return true
    }

    private static func deflate(_ raw: [UInt8]) throws -> Data {
        var size = compressBound(uLong(raw.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&out, &size, raw, uLong(raw.count), 3)
        guard status == Z_OK else { throw FrontlineError.cannotWrite("PNG compression failed (zlib status \(status))") }
        return Data(out[0..<Int(size)])
    }

    private static func appendChunk(_ type: String, _ body: Data, to png: inout Data) {
        png.appendBigEndian(UInt32(body.count))
        let typeAndBody = Data(type.utf8) + body
        png.append(typeAndBody)
        let crc = typeAndBody.withUnsafeBytes { crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, uInt($0.count)) }
        png.appendBigEndian(UInt32(crc))
    }
}

extension Data {
    mutating func appendBigEndian(_ v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }
}
