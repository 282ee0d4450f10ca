import FrontlineControl

/// The look of a map: every colour and line in one place. Four themes: a calm light default,
/// dark, print (reads in greyscale: hatching instead of hue) and colour-blind safe (Okabe-Ito).
public struct Theme: Sendable {
    public enum Name: String, CaseIterable, Sendable {
        case light, dark, print, colorblind
    }

    public var name: Name
    public var water: RGBA
    public var neighbourLand: RGBA
    public var land: RGBA
    public var coast: LineStyle
    public var regionBorder: LineStyle
    public var countryBorder: LineStyle
    public var river: LineStyle
    public var status: [ControlStatus: FillStyle]
    public var frontLine: LineStyle
    public var text: RGBA
    public var mutedText: RGBA
    public var shareText: RGBA
    public var halo: RGBA
    public var panel: RGBA
    public var marker: LineStyle
    /// Change maps: land held at both dates (muted), newly held (strong warm), no longer held
    /// (strong cool).
    public var heldBoth: FillStyle
    public var gained: FillStyle
    public var lost: FillStyle
    /// Drawn over occupied land where it was held before 24 February 2022.
    public var baseline: FillStyle
    /// A light band under the front line so it reads on any fill: the strongest line of a map.
    public var frontCasing = LineStyle(RGBA(1, 1, 1, 0.9), width: 6.4)
    /// Change maps: newly contested (amber) and contested at both dates (muted grey).
    public var gainedContested = FillStyle(RGBA(hex: "#e0a300"))
    /// (A darker grey than the grey zone's: apart from land held at both dates under
    /// protanopia and deuteranopia, ΔE 10 and 13.)
    public var contestedBoth = FillStyle(RGBA(hex: "#4d4d4d", alpha: 0.4))
    /// Names of seas.
    public var seaText = RGBA(hex: "#4f7f99")

    public func fill(_ s: ControlStatus) -> FillStyle { status[s] ?? FillStyle(RGBA(0.5, 0.5, 0.5, 0.5)) }

    public static func named(_ n: Name) -> Theme {
        switch n {
        case .light: return light
        case .dark: return dark
        case .print: return print
        case .colorblind: return colorblind
        }
    }

    public static let light = Theme(
        name: .light, water: RGBA(hex: "#cfe1ea"), neighbourLand: RGBA(hex: "#e9e7e2"), land: RGBA(hex: "#fbfaf7"),
        coast: LineStyle(RGBA(hex: "#8fb3c6"), width: 0.6), regionBorder: LineStyle(RGBA(hex: "#8c8c8c"), width: 0.7),
        countryBorder: LineStyle(RGBA(hex: "#5c5c5c"), width: 1.2), river: LineStyle(RGBA(hex: "#8fbcd4"), width: 0.8),
        status: [.occupied: FillStyle(RGBA(hex: "#b3261e", alpha: 0.72)),
                 .contested: FillStyle(RGBA(hex: "#a0958a", alpha: 0.7)),
                 .liberated: FillStyle(RGBA(hex: "#cddc39", alpha: 0.55)),
                 .heldAbroad: FillStyle(RGBA(hex: "#1f5f9e", alpha: 0.55))],
        frontLine: LineStyle(RGBA(hex: "#3d0604"), width: 2.2), text: RGBA(hex: "#1f1f1f"), mutedText: RGBA(hex: "#5f5f5f"),
        shareText: RGBA(hex: "#7d120c"), halo: RGBA(1, 1, 1, 0.85), panel: RGBA(1, 1, 1, 0.88),
        marker: LineStyle(RGBA(hex: "#1f1f1f"), width: 1.4),
        heldBoth: FillStyle(RGBA(hex: "#b3261e", alpha: 0.22)), gained: FillStyle(RGBA(hex: "#e8590c")),
        lost: FillStyle(RGBA(hex: "#1c6fd1")), baseline: FillStyle(RGBA(hex: "#6e1410", alpha: 0.5)))

    public static let dark = Theme(
        name: .dark, water: RGBA(hex: "#0f1b24"), neighbourLand: RGBA(hex: "#23272c"), land: RGBA(hex: "#363b42"),
        coast: LineStyle(RGBA(hex: "#27455a"), width: 0.6), regionBorder: LineStyle(RGBA(hex: "#6d737b"), width: 0.7),
        countryBorder: LineStyle(RGBA(hex: "#a3a9b0"), width: 1.2), river: LineStyle(RGBA(hex: "#2c5670"), width: 0.8),
        status: [.occupied: FillStyle(RGBA(hex: "#e5534b", alpha: 0.75)),
                 .contested: FillStyle(RGBA(hex: "#b5aa9c", alpha: 0.6)),
                 .liberated: FillStyle(RGBA(hex: "#b8e186", alpha: 0.45)),
                 .heldAbroad: FillStyle(RGBA(hex: "#5b9bd5", alpha: 0.6))],
        frontLine: LineStyle(RGBA(hex: "#ffd2ca"), width: 2.2), text: RGBA(hex: "#eeeeee"), mutedText: RGBA(hex: "#b9bec4"),
        shareText: RGBA(hex: "#ffb4a8"), halo: RGBA(0.08, 0.09, 0.1, 0.85), panel: RGBA(0.1, 0.11, 0.13, 0.9),
        marker: LineStyle(RGBA(hex: "#eeeeee"), width: 1.4),
        heldBoth: FillStyle(RGBA(hex: "#e5534b", alpha: 0.25)), gained: FillStyle(RGBA(hex: "#ff8a3d")),
        lost: FillStyle(RGBA(hex: "#5eb2ff")), baseline: FillStyle(RGBA(hex: "#1a0604", alpha: 0.42)),
        frontCasing: LineStyle(RGBA(0.08, 0.09, 0.1, 0.9), width: 6.4), seaText: RGBA(hex: "#6d9bb5"))

    public static let print = Theme(
        name: .print, water: RGBA(hex: "#f3f3f3"), neighbourLand: RGBA(hex: "#dcdcdc"), land: RGBA(1, 1, 1),
        coast: LineStyle(RGBA(hex: "#9a9a9a"), width: 0.6), regionBorder: LineStyle(RGBA(hex: "#8a8a8a"), width: 0.7),
        countryBorder: LineStyle(RGBA(hex: "#3a3a3a"), width: 1.3), river: LineStyle(RGBA(hex: "#b5b5b5"), width: 0.7),
        status: [.occupied: FillStyle(RGBA(hex: "#7a7a7a", alpha: 0.75), hatch: Hatch(color: RGBA(0, 0, 0, 0.55), spacing: 6, width: 0.9)),
                 .contested: FillStyle(RGBA(hex: "#c8c8c8", alpha: 0.8)),
                 .liberated: FillStyle(RGBA(1, 1, 1, 0), hatch: Hatch(color: RGBA(0, 0, 0, 0.35), spacing: 4, width: 0.5)),
                 // A mid grey under its hatch: on white it read as the liberated land's hatch.
                 .heldAbroad: FillStyle(RGBA(hex: "#9a9a9a", alpha: 0.6), hatch: Hatch(color: RGBA(0, 0, 0, 0.6), spacing: 3, width: 0.6))],
        // Region names a darker grey than on screen: over the hatching #4a4a4a read faint.
        frontLine: LineStyle(RGBA(0, 0, 0), width: 2.4), text: RGBA(0, 0, 0), mutedText: RGBA(hex: "#2e2e2e"),
        shareText: RGBA(0, 0, 0), halo: RGBA(1, 1, 1, 0.9), panel: RGBA(1, 1, 1, 0.92),
        marker: LineStyle(RGBA(0, 0, 0), width: 1.4),
        // Newly occupied a mid grey, not black: a black fill swallowed the black front line
        // and the bold names of the towns it took (the desk's print change map).
        heldBoth: FillStyle(RGBA(hex: "#d0d0d0", alpha: 0.8)), gained: FillStyle(RGBA(hex: "#6a6a6a")),
        lost: FillStyle(RGBA(1, 1, 1), hatch: Hatch(color: RGBA(0, 0, 0, 0.8), spacing: 3, width: 0.8)),
        baseline: FillStyle(RGBA(hex: "#3a3a3a", alpha: 0.75), hatch: Hatch(color: RGBA(0, 0, 0, 0.7), spacing: 6, width: 0.9)),
        seaText: RGBA(hex: "#5a5a5a"))

    /// Okabe-Ito vermillion (occupied), yellow (liberated) and blue (held abroad, and freed on
    /// change maps): distinct for every common form of colour blindness and from the water.
    public static let colorblind = Theme(
        name: .colorblind, water: RGBA(hex: "#d6e6f0"), neighbourLand: RGBA(hex: "#e9e7e2"), land: RGBA(hex: "#fbfaf7"),
        coast: LineStyle(RGBA(hex: "#8fb3c6"), width: 0.6), regionBorder: LineStyle(RGBA(hex: "#8c8c8c"), width: 0.7),
        countryBorder: LineStyle(RGBA(hex: "#5c5c5c"), width: 1.2), river: LineStyle(RGBA(hex: "#8fbcd4"), width: 0.8),
        status: [.occupied: FillStyle(RGBA(hex: "#d55e00", alpha: 0.75)),
                 .contested: FillStyle(RGBA(hex: "#999999", alpha: 0.7)),
                 .liberated: FillStyle(RGBA(hex: "#f0e442", alpha: 0.7)),
                 .heldAbroad: FillStyle(RGBA(hex: "#0072b2", alpha: 0.6))],
        frontLine: LineStyle(RGBA(hex: "#4a1a00"), width: 2.2), text: RGBA(hex: "#1f1f1f"), mutedText: RGBA(hex: "#5f5f5f"),
        shareText: RGBA(hex: "#8a3b00"), halo: RGBA(1, 1, 1, 0.85), panel: RGBA(1, 1, 1, 0.88),
        marker: LineStyle(RGBA(hex: "#1f1f1f"), width: 1.4),
        heldBoth: FillStyle(RGBA(hex: "#d55e00", alpha: 0.22)), gained: FillStyle(RGBA(hex: "#d55e00")),
        lost: FillStyle(RGBA(hex: "#0072b2")), baseline: FillStyle(RGBA(hex: "#6b2a00", alpha: 0.6)))
}
