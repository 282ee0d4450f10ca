/// Who holds a piece of territory according to a source. "Free" (held by the defending
/// state) is not a layer: it is what remains of a region outside every status layer.
public enum ControlStatus: String, CaseIterable, Comparable, Sendable, Codable {
    case occupied
    case contested
    case liberated

    /// Order used in tables, JSON and legends.
    public static func < (a: ControlStatus, b: ControlStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
