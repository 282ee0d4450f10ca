import CZlib
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
        let value = data.withUnsafeBytes { raw -> UInt in
            CZlib.crc32(UInt(start), raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count))
        }
        return UInt32(truncatingIfNeeded: value)
    }
}
