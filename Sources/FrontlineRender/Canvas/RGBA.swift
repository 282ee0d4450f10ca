/// A colour with straight (not premultiplied) alpha, components 0...1.
public struct RGBA: Equatable, Hashable, Sendable {
    public var r: Double
    public var g: Double
    public var b: Double
    public var a: Double

    public init(_ r: Double, _ g: Double, _ b: Double, _ a: Double = 1) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// From "#rrggbb".
    public init(hex: String, alpha: Double = 1) {
        let v = UInt32(hex.dropFirst(), radix: 16) ?? 0
        self.init(Double((v >> 16) & 0xFF) / 255, Double((v >> 8) & 0xFF) / 255, Double(v & 0xFF) / 255, alpha)
    }

    public func withAlpha(_ a: Double) -> RGBA { RGBA(r, g, b, a) }

    /// This colour painted over an opaque `background`: what a reader sees.
    public func over(_ background: RGBA) -> RGBA {
        RGBA(r * a + background.r * (1 - a), g * a + background.g * (1 - a), b * a + background.b * (1 - a), 1)
    }

    /// 8-bit components, as in a PNG.
    public var bytes: (r: UInt8, g: UInt8, b: UInt8) {
        (UInt8((r * 255).rounded()), UInt8((g * 255).rounded()), UInt8((b * 255).rounded()))
    }

    /// "#rrggbb", for SVG-facing text and tests.
    public var hex: String {
        let c = bytes
        return "#" + [c.r, c.g, c.b].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// Relative luminance (sRGB, WCAG), to tell light from dark.
    public var luminance: Double { 0.2126 * r + 0.7152 * g + 0.0722 * b }
}

extension String {
    func leftPadded(to n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
