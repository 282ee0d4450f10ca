/// How an area is filled: a colour, optionally with hatching drawn over it.
public struct FillStyle: Equatable, Sendable {
    public var color: RGBA
    public var hatch: Hatch?

    public init(_ color: RGBA, hatch: Hatch? = nil) {
        self.color = color
        self.hatch = hatch
    }

    /// The same fill with its hatch measured in device units (`unit` per style unit).
    func scaled(_ unit: Double) -> FillStyle {
        FillStyle(color, hatch: hatch.map { Hatch(color: $0.color, spacing: $0.spacing * unit, width: $0.width * unit) })
    }
}

/// Diagonal lines, for fills that must read in greyscale print.
public struct Hatch: Equatable, Sendable {
    public var color: RGBA
    public var spacing: Double
    public var width: Double

    public init(color: RGBA, spacing: Double, width: Double) {
        self.color = color
        self.spacing = spacing
        self.width = width
    }
}

/// How a line is drawn. Widths are in device units before the map's scale factor.
public struct LineStyle: Equatable, Sendable {
    public var color: RGBA
    public var width: Double
    public var dash: [Double]

    public init(_ color: RGBA, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// A font for Cairo's text API: fontconfig finds the family (DejaVu Sans covers Cyrillic).
public struct Font: Equatable, Sendable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(size: Double, bold: Bool = false, italic: Bool = false, family: String = "DejaVu Sans") {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
    }

    public func scaled(_ k: Double) -> Font {
        Font(size: size * k, bold: bold, italic: italic, family: family)
    }
}
