/// Who holds a piece of territory according to a source. "Free" (held by the defending
/// state) is not a layer: it is what remains of a region outside every status layer.
public enum ControlStatus: String, CaseIterable, Comparable, Sendable, Codable {
    case occupied
    case contested
    case liberated
    /// Land the defender holds across the border, in a neighbouring country (Kursk 2024-25):
    /// measured apart from the country's regions, by neighbour, never in the country's shares.
    case heldAbroad = "held_abroad"

    /// True for the statuses the invader holds or fights for: their outline against the
    /// rest is the front line. Liberated land is held by the defender again; it is drawn
    /// and counted as a layer of its own but is not cut out of free land.
    public var isHeldByInvader: Bool { self == .occupied || self == .contested }

    /// True for the status that lies outside the country's regions.
    public var isAbroad: Bool { self == .heldAbroad }

    /// Order used in tables, JSON and legends.
    public static func < (a: ControlStatus, b: ControlStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
