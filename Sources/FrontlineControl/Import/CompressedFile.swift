import CZlib
import Foundation
import FrontlineSupport

/// Reads a file that may be gzip-compressed (`.geojson.gz`): gzip is recognised by its magic
/// bytes, not by the name, and inflated with zlib, every member of a multi-member file (what
/// `cat a.gz b.gz` makes) in turn, up to a limit on the inflated size.
public enum CompressedFile {
    /// The most a compressed input may inflate to: the largest real archive (DeepStateMap's
    /// full export, 446 KB) about 300 times over. A gzip bomb (4 MB holding 4 GiB) is refused
    /// with 65 once it passes this, not inflated whole into memory.
    public static let maxInflatedBytes = 128 << 20

    public static func contents(of url: URL, limit: Int = maxInflatedBytes) throws -> Data {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw FrontlineError.missingInput("cannot read \(url.path)") }
        guard isGzip(data[...]) else { return data }
        return try inflate(data, name: url.lastPathComponent, limit: limit)
    }

    static func isGzip(_ d: Data.SubSequence) -> Bool {
        d.count >= 2 && d[d.startIndex] == 0x1f && d[d.startIndex + 1] == 0x8b
    }

    public static func inflate(_ input: Data, name: String, limit: Int = maxInflatedBytes) throws -> Data {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw FrontlineError.badData("\(name): cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        var tooLarge = false, trailing = false
        input.withUnsafeBytes { (src: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: src.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(src.count)
            while true {
                status = chunk.withUnsafeMutableBufferPointer { buf in
                    stream.next_out = buf.baseAddress
                    stream.avail_out = uInt(buf.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit { tooLarge = true; return }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_OK { continue }
                // The end of one member: another may follow (RFC 1952, 2.2).
                guard status == Z_STREAM_END, stream.avail_in > 0 else { return }
                let rest = src.count - Int(stream.avail_in)
                guard rest + 1 < src.count, src[rest] == 0x1f, src[rest + 1] == 0x8b else {
                    // Zeros after the last member are padding (tape blocks), as gzip(1) reads them.
                    trailing = src[rest...].contains { $0 != 0 }
                    return
                }
                guard inflateReset(&stream) == Z_OK else { status = Z_DATA_ERROR; return }
            }
        }
        if tooLarge {
            throw FrontlineError.badData("\(name): gzip data inflates to more than \(limit >> 20) MB; refusing it (a corrupt or hostile file)")
        }
        if trailing { throw FrontlineError.badData("\(name): bytes that are not gzip after the compressed data") }
        guard status == Z_STREAM_END else { throw FrontlineError.badData("\(name): truncated or corrupt gzip data") }
        return output
    }
}
