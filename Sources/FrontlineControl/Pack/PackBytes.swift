import Foundation

/// Variable-length integers (LEB128, signed ones zigzagged) and fixed little-endian words:
/// the vocabulary of the snapshot pack. Small deltas between neighbouring vertices take one
/// to three bytes instead of a double's eight.
struct PackWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func varint(_ v: Int) { varint(UInt64(v)) }
    mutating func zigzag(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func string(_ s: String) {
        let b = Array(s.utf8)
        varint(b.count)
        bytes.append(contentsOf: b)
    }
    mutating func append(_ b: [UInt8]) { bytes.append(contentsOf: b) }
}

/// Reads what `PackWriter` wrote; nil past the end or on an overlong number, so that a cut or
/// damaged pack is an error message, never a trap.
struct PackReader {
    let b: UnsafeRawBufferPointer
    var i: Int

    init(_ b: UnsafeRawBufferPointer, at i: Int = 0) {
        self.b = b
        self.i = i
    }

    var atEnd: Bool { i == b.count }

    mutating func varint() -> UInt64? {
        var v: UInt64 = 0, shift: UInt64 = 0
        while i < b.count, shift < 64 {
            let c = b[i]
            i += 1
            v |= UInt64(c & 0x7f) << shift
            if c < 0x80 { return v }
            shift += 7
        }
        return nil
    }
    mutating func count(max: Int) -> Int? {
        guard max >= 0, let v = varint(), v <= UInt64(max) else { return nil }
        return Int(v)
    }
    mutating func zigzag() -> Int64? {
        varint().map { Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1))) }
    }
    mutating func u32() -> UInt32? {
        guard b.count - i >= 4 else { return nil }
        defer { i += 4 }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
    mutating func string() -> String? {
        // The length is checked against what is left after it is read (the fuzzer found the
        // check made before: a length reaching past the end by its own bytes trapped).
        guard let v = varint(), v <= UInt64(b.count - i) else { return nil }
        let n = Int(v)
        defer { i += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: b[i..<i + n]), as: UTF8.self)
    }
}
