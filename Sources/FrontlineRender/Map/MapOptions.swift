import FrontlineSupport
import FrontlineControl
/// What a user chooses about a map. Everything has a default that makes a publishable map.
public struct MapOptions: Sendable {
    public var width = 1600
    public var height = 1200
    /// Text and line sizes scale with dpi / 96: a 3200×2400 map at 192 dpi looks like the
    /// default at twice the resolution.
    public var dpi = 96.0
    public var theme = Theme.Name.light
    public var language = Language.english
    /// Regions to frame (ISO codes); empty frames the whole dataset.
    public var regions: [String] = []
    /// Replaces the generated title.
    public var title: String?
    public var labels = true
    public var format = OutputFormat.png
    /// Snapshot source; nil takes the newest snapshot of any source.
    public var source: String?
    /// Days before the date whose newly occupied land is drawn in a stronger tone (the layer
    /// of recent advances); nil draws none.
    public var advancesDays: Int?
    /// Inspects the picture as the QA matrix does (`Rendered.inspection`); costs a second
    /// layout of the labels.
    public var inspect = false
    /// Statuses left off the map, its legend and its figure lines (`--hide liberated`: the
    /// road-shaped corridors of 2022 without their stripes). Never the occupied land.
    public var hidden: Set<ControlStatus> = []

    public init() {}

    public static let maximumSide = 20_000

    /// Checks sizes; returns a message for the user or nil.
    /// Throws the usage error `problem()` describes, if any.
    public func check() throws {
        if let problem = problem() { throw FrontlineError.usage(problem) }
    }

    public func problem() -> String? {
        if width < 1 || height < 1 || width > MapOptions.maximumSide || height > MapOptions.maximumSide {
            return "size \(width)x\(height) is outside 1...\(MapOptions.maximumSide) pixels per side"
        }
        if !(24...2400).contains(dpi) { return "dpi \(dpi) is outside 24...2400" }
        if let d = advancesDays, !(1...366).contains(d) { return "--advances \(d)d is outside 1...366 days" }
        return nil
    }
}
