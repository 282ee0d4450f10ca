import CDeflate
import Foundation

/// A file's CRC-32, as "crc32:xxxxxxxx": how a dataset remembers that its regions file was
/// validated when it was built (an edited file no longer matches and is validated again).
/// A guard against accidents, not against tampering.
public enum Checksum {
    public static func crc32(_ data: Data) -> String { text(crc32Value(data)) }

    /// "crc32:xxxxxxxx" of a CRC already taken.
    public static func text(_ crc: UInt32) -> String { String(format: "crc32:%08x", crc) }

    /// The CRC-32 itself, continuing from `start` (to checksum several parts as one).
    public static func crc32Value(_ data: Data, start: UInt32 = 0) -> UInt32 {
        // libdeflate's CRC-32: zlib's values, three to four times as fast (CDeflate).
        data.withUnsafeBytes { raw in
            raw.isEmpty ? start : libdeflate_crc32(start, raw.baseAddress, raw.count)
        }
    }
}
