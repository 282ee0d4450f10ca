import CZlib
import Foundation

/// A file's CRC-32, as "crc32:xxxxxxxx": how a dataset remembers that its regions file was
/// validated when it was built (an edited file no longer matches and is validated again).
/// A guard against accidents, not against tampering.
public enum Checksum {
    public static func crc32(_ data: Data) -> String {
        let value = data.withUnsafeBytes { raw -> UInt in
            CZlib.crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count))
        }
        return String(format: "crc32:%08x", UInt32(truncatingIfNeeded: value))
    }
}
