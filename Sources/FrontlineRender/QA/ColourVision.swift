import Foundation

/// Colour differences as readers with colour-vision deficiencies see them: sRGB simulated
/// for protanopia, deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity
/// 1, applied in linear RGB) and compared by CIE76 ΔE in CIELAB (D65).
enum ColourVision: String, CaseIterable {
    case normal, protanopia, deuteranopia, tritanopia

    /// Two colours closer than this are taken for one: a ΔE of 2 is a just-noticeable
    /// difference side by side; a legend swatch is matched to a patch of map at a distance,
    /// so the QA matrix asks for five times that.
    static let distinctDeltaE = 10.0

    private var matrix: [[Double]]? {
        switch self {
        case .normal: return nil
        case .protanopia: return [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        case .deuteranopia: return [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        case .tritanopia: return [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
        }
    }

    /// ΔE between two opaque colours as this reader sees them.
    func deltaE(_ a: RGBA, _ b: RGBA) -> Double {
        let p = lab(a), q = lab(b)
        return ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }

    private func lab(_ c: RGBA) -> (Double, Double, Double) {
        func linear(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        var rgb = [linear(c.r), linear(c.g), linear(c.b)]
        if let m = matrix { rgb = m.map { row in min(1, max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])) } }
        let x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
        let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
        let z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }
}
