/// Every layer a picture, a tile or an export of control can hold, said once: the scene, the
/// tile world, the vector tiles and the exports name their layers with it, and what a layer
/// is (data or context, of a date or of every date, what labels do near it) is asked of it,
/// never read from a name. A new layer is a case here and the lines that draw or write it
/// (DESIGN-NOTES, "Adding a layer").
public enum MapLayer: Hashable, Sendable {
    // Context, the same on every date.
    case water, lakes, regions, rivers, coast, regionBorders, borders
    /// The outline of the regions a close-up frames.
    case focus
    /// A veil over what lies around them, on a framed change map: its figures are the
    /// frame's, so the changes around it are shown muted.
    case surroundings
    // The data of a date.
    /// Land held with a status (one layer per status on a map; one `control` table in exports).
    case control(ControlStatus?)
    /// The dataset's baseline (land held before its record begins), drawn inside occupied land.
    case baseline
    /// Land gained over the last days (`--advances`).
    case advances
    case frontCasing, front
    case places
    /// Rings around changes too small to see.
    case smallChanges
    /// A change map's layers, and the `change` table of exports.
    case change(ChangeKind?)

    /// What a change map shows apart.
    public enum ChangeKind: String, Sendable, CaseIterable {
        case heldBoth = "held-both", contestedBoth = "contested-both", lost, gained, gainedContested = "gained-contested"
    }

    /// The layer's name in a scene (and in tests and logs): "occupied", "front-line", ...
    public var id: String {
        switch self {
        case .water: return "water"
        case .lakes: return "lakes"
        case .regions: return "regions"
        case .rivers: return "rivers"
        case .coast: return "coast"
        case .regionBorders: return "region-borders"
        case .borders: return "borders"
        case .focus: return "focus"
        case .surroundings: return "surroundings"
        case .control(let s): return s?.rawValue ?? "control"
        case .baseline: return "baseline"
        case .advances: return "advances"
        case .frontCasing: return "front-casing"
        case .front: return "front-line"
        case .places: return "places"
        case .smallChanges: return "small-changes"
        case .change(let k): return k?.rawValue ?? "change"
        }
    }

    /// The table of exports and the layer of vector tiles holding it (every status is one
    /// `control` table with a `status` field), nil for a layer only drawn.
    public var tableName: String? {
        switch self {
        case .control: return "control"
        case .front: return "front"
        case .regions: return "regions"
        case .places: return "places"
        case .change: return "change"
        case .water, .lakes: return "water"
        case .borders: return "borders"
        default: return nil
        }
    }

    /// True for the layers that hold the data (control, change): furniture keeps off them.
    public var holdsData: Bool {
        switch self {
        case .control, .advances: return true
        case .change(let k): return k != .contestedBoth
        default: return false
        }
    }

    /// True for the layers of a date, false for the context every date shares (a tile
    /// server projects those once).
    public var isDated: Bool {
        switch self {
        case .water, .lakes, .regions, .rivers, .coast, .regionBorders, .borders, .focus, .surroundings: return false
        default: return true
        }
    }

    /// How labels treat the layer's shapes: `.obstacle` they never cross, `.avoided` they keep
    /// off (the front line always; rings a town's name may cross), `.skirted` they keep off
    /// where they can, as off other places' dots (a name across an international border
    /// reads as the neighbour's: Chernivtsi), `.reserved` for place dots (each is taken by its
    /// own label).
    public enum LabelRule: Sendable { case obstacle, avoided, skirted, reserved }

    public var labelRule: LabelRule {
        switch self {
        case .places: return .reserved
        case .front, .smallChanges: return .avoided
        case .borders: return .skirted
        default: return .obstacle
        }
    }
}
