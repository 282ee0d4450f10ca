import CZlib
import Foundation
import FrontlineSupport

/// Reads a file that may be gzip-compressed (`.geojson.gz`): gzip is recognised by its magic
/// bytes, not by the name, and inflated with zlib.
public enum CompressedFile {
    public static func contents(of url: URL) throws -> Data {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw FrontlineError.missingInput("cannot read \(url.path)") }
        guard data.count >= 2, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b else { return data }
        return try inflate(data, name: url.lastPathComponent)
    }

    public static func inflate(_ input: Data, name: String) throws -> Data {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw FrontlineError.badData("\(name): cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        input.withUnsafeBytes { (src: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: src.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(src.count)
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { buf in
                    stream.next_out = buf.baseAddress
                    stream.avail_out = uInt(buf.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { throw FrontlineError.badData("\(name): truncated or corrupt gzip data") }
        return output
    }
}
