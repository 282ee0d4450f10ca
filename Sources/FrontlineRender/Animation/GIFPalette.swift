/// A palette of at most 256 colours for a whole animation. Maps are flat colours plus
/// antialiased edges: the most frequent colours over all frames (every flat colour) are kept
/// exactly, and each other colour maps to its nearest palette entry (remembered per colour).
struct GIFPalette {
    private(set) var colors: [UInt32] = []  // 0xRRGGBB
    private var index: [UInt32: UInt8] = [:]

    init(frames: [[UInt32]]) {
        var counts: [UInt32: Int] = [:]
        for f in frames { for p in f { counts[p, default: 0] += 1 } }
        colors = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(256).map(\.key).sorted()
        for (i, c) in colors.enumerated() { index[c] = UInt8(i) }
    }

    /// The palette index of a colour: exact when it is in the palette, else the nearest.
    mutating func index(of c: UInt32) -> UInt8 {
        if let i = index[c] { return i }
        var best = 0, bestDistance = Int.max
        let r = Int((c >> 16) & 0xFF), g = Int((c >> 8) & 0xFF), b = Int(c & 0xFF)
        for (i, p) in colors.enumerated() {
            let dr = r - Int((p >> 16) & 0xFF), dg = g - Int((p >> 8) & 0xFF), db = b - Int(p & 0xFF)
            let d = 2 * dr * dr + 4 * dg * dg + 3 * db * db
            if d < bestDistance { bestDistance = d; best = i }
        }
        index[c] = UInt8(best)
        return UInt8(best)
    }
}
