import FrontlineGeo

/// One drawing step, whatever its shapes are made of: lon/lat polygons in a scene, Web
/// Mercator shapes in a tile world, device rings once prepared. The kinds of step are said
/// once, here; each stage converts its shapes with `map`, and only `SceneRenderer.paint`
/// draws them.
public enum Drawing<Area: Sendable, Line: Sendable, Points: Sendable>: Sendable {
    /// Areas filled in one path (even-odd); optionally outlined.
    case fill(rings: Area, style: FillStyle, outline: LineStyle?)
    /// Lines stroked in one path.
    case stroke(lines: Line, style: LineStyle)
    /// Lines stroked at twice the style's width and clipped to areas (even-odd): what shows
    /// is a line of the style's width running along the inside of the clip's edge. The front
    /// line is the outlines of free land clipped to held land.
    case strokeInside(lines: Line, style: LineStyle, clip: Area)
    /// Areas filled only where they lie inside the clip (even-odd): territory held before the
    /// record begins is the baseline drawn inside today's occupied land, with no overlay.
    case fillInside(rings: Area, style: FillStyle, clip: Area)
    /// Circles of `radius` (style units in a scene, device units once prepared), with an
    /// outline and an optional fill.
    case markers(centres: Points, radius: Double, outline: LineStyle, fill: RGBA?)

    /// The same step over converted shapes; nil when a conversion returns nil (nothing left
    /// to draw).
    func map<A: Sendable, L: Sendable, P: Sendable>(area: (Area) throws -> A?, line: (Line) throws -> L?, points: (Points) throws -> P?,
                                                   radius: (Double) -> Double = { $0 }, fillStyle: (FillStyle) -> FillStyle = { $0 })
        rethrows -> Drawing<A, L, P>? {
        switch self {
        case .fill(let r, let style, let outline): return try area(r).map { .fill(rings: $0, style: fillStyle(style), outline: outline) }
        case .stroke(let l, let style): return try line(l).map { .stroke(lines: $0, style: style) }
        case .strokeInside(let l, let style, let clip):
            guard let l2 = try line(l), let c2 = try area(clip) else { return nil }
            return .strokeInside(lines: l2, style: style, clip: c2)
        case .fillInside(let r, let style, let clip):
            guard let r2 = try area(r), let c2 = try area(clip) else { return nil }
            return .fillInside(rings: r2, style: fillStyle(style), clip: c2)
        case .markers(let c, let r, let outline, let fill):
            return try points(c).map { .markers(centres: $0, radius: radius(r), outline: outline, fill: fill) }
        }
    }
}
