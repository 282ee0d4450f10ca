import FrontlineControl
import FrontlineRender
import FrontlineTiles

extension TilePalette {
    /// The colours of a printed map's theme, for a MapLibre style of the vector tiles: the
    /// server and the CLI join Render's themes and Tiles' styles here (neither imports the other).
    public init(theme t: Theme) {
        self.init(background: t.neighbourLand.hex, land: t.land.hex, water: t.water.hex,
                  statuses: Dictionary(uniqueKeysWithValues: ControlStatus.allCases.map { ($0, (t.fill($0).color.hex, t.fill($0).color.a)) }),
                  regionBorder: t.regionBorder.color.hex, countryBorder: t.countryBorder.color.hex, front: t.frontLine.color.hex,
                  text: t.text.hex)
    }

    /// The printed map's light theme: what `style.json` files are drawn with.
    public static let light = TilePalette(theme: .light)
}
