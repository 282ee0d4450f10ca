import CDeflate
import CZlib
import Foundation
import FrontlineControl
import FrontlineSupport

/// Writes a Cairo image buffer as PNG through zlib. Cairo's own writer goes through libpng's
/// defaults (adaptive filters, zlib level 6) and took a quarter of a whole map render; for
/// flat map colours, unfiltered rows at zlib level 3 are five times faster and smaller.
/// Opaque images are written as RGB, others as RGBA with alpha un-premultiplied. Large images
/// are converted and compressed in bands on all cores, the bands joined into one zlib stream
/// as pigz does (raw deflate blocks ended on a byte boundary, one Adler-32 for the whole).
enum PNGEncoder {
    /// One image painted as horizontal bands on several canvases (top first), as one PNG.
    static func encode(bands canvases: [Canvas]) throws -> Data {
        try encode(sources: canvases.map { c in
            try c.withPixels { pixels, stride in
                (pixels: UnsafeRawPointer(pixels).assumingMemoryBound(to: UInt8.self), height: Int(c.height), stride: stride * 4)
            }
        }, width: Int(canvases[0].width))
    }

    /// `pixels` is Cairo's ARGB32 (premultiplied, native-endian words), `stride` bytes a row.
    static func encode(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws -> Data {
        try encode(sources: [(pixels, height, stride)], width: width)
    }

    /// Rows from one or more pixel buffers, top to bottom.
    static func encode(sources: [(pixels: UnsafePointer<UInt8>, height: Int, stride: Int)], width: Int) throws -> Data {
        let height = sources.reduce(0) { $0 + $1.height }
        // Row y lives in source s at row y - start[s].
        var starts: [Int] = []
        var acc = 0
        for s in sources { starts.append(acc); acc += s.height }
        // The pixel buffers are only read, by every band's thread.
        let buffers = Handoff(sources)
        let offsets = starts
        @Sendable func row(_ y: Int) -> UnsafeRawPointer {
            let sources = buffers.value
            let s = offsets.lastIndex { $0 <= y }!
            return UnsafeRawPointer(sources[s].pixels + (y - offsets[s]) * sources[s].stride)
        }
        let opaque = (0..<height).allSatisfy { y in
            let r = row(y).assumingMemoryBound(to: UInt32.self)
            return (0..<width).allSatisfy { r[$0] >> 24 == 0xFF }
        }
        // Small pictures in one band on this thread: a 256-pixel tile compresses in about as long
        // as starting threads takes, and tile pyramids already use every core.
        let bands = height * width >= 512 * 512 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let rowsPerBand = (height + bands - 1) / bands
        let done = try Parallel.map(bands) { b in
            try compress(rows: (b * rowsPerBand)..<min(height, (b + 1) * rowsPerBand), width: width, opaque: opaque,
                         last: b == bands - 1, row: row)
        }
        return join(done, width: width, height: height, opaque: opaque)
    }

    /// One band of an image, compressed: raw deflate blocks and the Adler-32 of its scanlines.
    struct Band: Sendable {
        let deflated: Data
        let adler: uLong
        let length: Int
    }

    /// Compresses the scanlines of `rows` (a band of the image; `last` ends the stream).
    static func compress(rows: Range<Int>, width: Int, opaque: Bool, last: Bool, row: (Int) -> UnsafeRawPointer) throws -> Band {
        var scanlines: [UInt8] = []
        return try compress(rows: rows, width: width, opaque: opaque, last: last, scratch: &scanlines, row: row)
    }

    /// The same, the scanlines converted into `scratch` (grown when too small, kept for the
    /// next band: a fresh buffer faults in every page).
    static func compress(rows: Range<Int>, width: Int, opaque: Bool, last: Bool, scratch: inout [UInt8],
                         row: (Int) -> UnsafeRawPointer) throws -> Band {
        let total = (1 + width * (opaque ? 3 : 4)) * rows.count
        // Left uninitialised: `convert` writes every byte before anything reads one.
        if scratch.count < total { scratch = [UInt8](unsafeUninitializedCapacity: total) { _, count in count = total } }
        return try scratch.withUnsafeMutableBufferPointer { buffer in
            let raw = UnsafeMutableBufferPointer(rebasing: buffer[0..<total])
            convert(rows: rows, width: width, opaque: opaque, into: raw, row: row)
            // libdeflate's Adler-32 (zlib's value, four times as fast): bands are joined with
            // zlib's adler32_combine.
            let adler = uLong(libdeflate_adler32(1, raw.baseAddress, raw.count))
            return Band(deflated: try deflateBand(UnsafeBufferPointer(raw), last: last), adler: adler, length: raw.count)
        }
    }

    /// One band painted on its own canvas, compressed on the thread that painted it, so that
    /// compression overlaps the painting of other bands: its first `rows` rows (a canvas lent
    /// for the image's last band may be taller). `opaque` must hold for every pixel (the caller
    /// knows: an opaque background under everything).
    static func compress(canvas c: Canvas, rows: Int, opaque: Bool, last: Bool, scratch: inout [UInt8]) throws -> Band {
        try c.withPixels { pixels, stride in
            let base = UnsafeRawPointer(pixels)
            return try compress(rows: 0..<rows, width: Int(c.width), opaque: opaque, last: last, scratch: &scratch) { base + $0 * stride * 4 }
        }
    }

    /// The PNG of compressed bands, top first (pigz's joining: one zlib stream, one Adler-32).
    static func join(_ bands: [Band], width: Int, height: Int, opaque: Bool) -> Data {
        var adler = bands[0].adler
        for b in bands.dropFirst() { adler = adler32_combine(adler, b.adler, off_t(b.length)) }
        var idat = Data([0x78, 0x5E])  // zlib header: deflate, 32K window, level 2-5
        for b in bands { idat.append(b.deflated) }
        idat.appendBigEndian(UInt32(adler))
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, opaque ? 2 : 6, 0, 0, 0])  // 8-bit, RGB/RGBA, deflate, no filter method, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", idat, to: &png)
        appendChunk("IEND", Data(), to: &png)
        return png
    }

    /// Rows of Cairo pixels as PNG scanlines (filter byte 0, then RGB or RGBA) into `out`,
    /// which holds exactly their bytes. Uninitialised memory is fine: every byte is written.
    private static func convert(rows: Range<Int>, width: Int, opaque: Bool, into out: UnsafeMutableBufferPointer<UInt8>,
                                row source: (Int) -> UnsafeRawPointer) {
        let rowBytes = 1 + width * (opaque ? 3 : 4)
        let base = out.baseAddress!
        for (n, y) in rows.enumerated() {
            let row = source(y).assumingMemoryBound(to: UInt32.self)
            let line = base + n * rowBytes
            line[0] = 0  // filter: none
            if opaque {
                opaqueScanline(row, width, line + 1)
            } else {
                translucentScanline(row, width, line + 1)
            }
        }
    }

    /// Premultiplied is plain when every pixel is opaque: bytes are only reordered.
    @inline(__always)
    private static func opaqueScanline(_ row: UnsafePointer<UInt32>, _ width: Int, _ out: UnsafeMutablePointer<UInt8>) {
        var o = out
        for x in 0..<width {
            let p = row[x]
            o[0] = UInt8(truncatingIfNeeded: p >> 16)
            o[1] = UInt8(truncatingIfNeeded: p >> 8)
            o[2] = UInt8(truncatingIfNeeded: p)
            o += 3
        }
    }

    private static func translucentScanline(_ row: UnsafePointer<UInt32>, _ width: Int, _ out: UnsafeMutablePointer<UInt8>) {
        var o = out
        for x in 0..<width {
            let p = row[x]
            let a = p >> 24
            var r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
            if a > 0 && a < 255 {
                r = (r * 255 + a / 2) / a
                g = (g * 255 + a / 2) / a
                b = (b * 255 + a / 2) / a
            }
            o[0] = UInt8(r); o[1] = UInt8(g); o[2] = UInt8(b); o[3] = UInt8(a)
            o += 4
        }
    }

    /// Raw deflate (no zlib header or checksum) of one band at level 3; every band but the
    /// last ends with a full flush, so the next band's blocks can follow it directly.
    private static func deflateBand(_ raw: UnsafeBufferPointer<UInt8>, last: Bool) throws -> Data {
        var stream = z_stream()
        var status = deflateInit2_(&stream, 3, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw FrontlineError.cannotWrite("PNG compression failed (zlib status \(status))") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(raw.count))) + 16
        let out = [UInt8](unsafeUninitializedCapacity: bound) { outBuf, count in
            // zlib reads next_in only; its C declaration is not const.
            stream.next_in = UnsafeMutablePointer(mutating: raw.baseAddress)
            stream.avail_in = uInt(raw.count)
            stream.next_out = outBuf.baseAddress
            stream.avail_out = uInt(outBuf.count)
            status = deflate(&stream, last ? Z_FINISH : Z_FULL_FLUSH)
            count = outBuf.count - Int(stream.avail_out)
        }
        guard status == (last ? Z_STREAM_END : Z_OK) else {
            throw FrontlineError.cannotWrite("PNG compression failed (zlib status \(status))")
        }
        return Data(out)
    }

    private static func appendChunk(_ type: String, _ body: Data, to png: inout Data) {
        png.appendBigEndian(UInt32(body.count))
        let typeAndBody = Data(type.utf8) + body
        png.append(typeAndBody)
        png.appendBigEndian(Checksum.crc32Value(typeAndBody))
    }
}

extension Data {
    mutating func appendBigEndian(_ v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }
}
