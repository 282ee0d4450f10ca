/// Picture sizes for the places a map goes: social formats in pixels, paper pages (landscape)
/// in PDF points.
public enum PicturePreset: String, CaseIterable, Sendable {
    case square, portrait, landscape, story

    public var size: (width: Int, height: Int) {
        switch self {
        case .square: return (1080, 1080)
        case .portrait: return (1080, 1350)
        case .landscape: return (1200, 675)
        case .story: return (1080, 1920)
        }
    }

    /// The resolution the preset's text and lines are drawn at: a picture for a phone is
    /// shown at about a third of its pixels, so its words are drawn 1.375× larger (a story's
    /// at 1.5× lost Donetsk's and Luhansk's shares: their held land had no room for them); a
    /// landscape card is shown wider (1.15×). `--dpi` still wins.
    public var dpi: Double {
        switch self {
        case .square, .portrait, .story: return 132
        case .landscape: return 110
        }
    }
}

public enum PaperPage: String, CaseIterable, Sendable {
    case a4, a3, letter

    /// Landscape, in points (1/72 inch).
    public var size: (width: Int, height: Int) {
        switch self {
        case .a4: return (842, 595)
        case .a3: return (1191, 842)
        case .letter: return (792, 612)
        }
    }
}
