import CZlib
import Foundation
import FrontlineSupport

/// gzip (RFC 1952) through zlib: PMTiles compresses its directories and metadata with it.
enum Gzip {
    static func compress(_ data: Data, level: Int32 = 9) throws -> Data {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw FrontlineError.ioError("zlib: cannot start gzip compression")
        }
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let rc = input.withUnsafeMutableBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst -> Int32 in
                stream.next_in = src.baseAddress
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard rc == Z_STREAM_END else { throw FrontlineError.ioError("zlib: gzip compression failed (\(rc))") }
        return Data(out[0..<Int(stream.total_out)])
    }
}
