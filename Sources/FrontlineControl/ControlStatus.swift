/// Who holds a piece of territory according to a source. "Free" (held by the defending
/// state) is not a layer: it is what remains of a region outside every status layer.
public enum ControlStatus: String, CaseIterable, Comparable, Sendable, Codable {
    case occupied
    case contested
    case liberated

    /// True for the statuses the invader holds or fights for: their outline against the
    /// rest is the front line. Liberated land is held by the defender again; it is drawn
    /// and counted as a layer of its own but is not cut out of free land.
    public var isHeldByInvader: Bool { self != .liberated }

    /// Order used in tables, JSON and legends.
    public static func < (a: ControlStatus, b: ControlStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
