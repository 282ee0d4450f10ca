import Foundation
import FrontlineGeo

/// Places labels greedily by priority: each label tries its candidate positions and takes the
/// first whose box stays on the canvas and overlaps nothing placed before (other labels,
/// the dots of named places, furniture, the front line). A label with no free position is
/// left out, and a place's dot with it: a dot is reserved only when its name is placed, so
/// dots of places that will not be named do not crowd out those that will.
struct LabelPlacer {
    let bounds: Envelope
    var placed = BoxIndex()
    let unit: Double

    init(bounds: Envelope, obstacles: [Envelope], unit: Double) {
        self.bounds = bounds
        self.unit = unit
        for o in obstacles { placed.insert(o) }
    }

    /// What a label keeps off: the front line's segments always (a place whose name finds no
    /// position clear of them is left unnamed), boxes (the rings around small changes) where
    /// it can, as it does smaller places' dots.
    var avoided = BoxIndex()
    var avoidedLines = SegmentIndex()
    /// Lines a label keeps off where it can (international borders), at the first level.
    var skirtedLines = SegmentIndex()

    /// Place dots (every label's own included) with their places' priorities: a label never
    /// covers the dot of a place of at least a quarter its priority (that town would go
    /// unnamed), and keeps clear of smaller places' dots where it has another place.
    var dots: [(box: Envelope, priority: Double)] = []

    mutating func avoid(_ boxes: [Envelope]) { for b in boxes { avoided.insert(b) } }
    mutating func avoid(lines: [[Position]], halfWidth: Double) { avoidedLines.insert(lines: lines, halfWidth: halfWidth) }
    mutating func skirt(lines: [[Position]], halfWidth: Double) { skirtedLines.insert(lines: lines, halfWidth: halfWidth) }

    enum Align { case left, center, right }

    /// Places labels from the highest priority down, each around its anchor (device units);
    /// a place's label brings the box of its dot. Returns the texts, and the indices of the
    /// labels whose dot found no name: maps and tiles alike draw a dot only with its name (a
    /// reader cannot tell an unnamed dot from a stray mark), so those dots are left out.
    mutating func placeAll(_ labels: [(label: MapLabel, anchor: Position, dot: Envelope?)], canvas: Canvas)
        throws -> (texts: [PlacedText], unnamed: Set<Int>) {
        var texts: [PlacedText] = [], unnamed = Set<Int>()
        // Every dot is kept clear where a label can be put elsewhere: a larger town's name
        // laid over a neighbour's dot (Pokrovsk's over Myrnohrad's) would leave that one unnamed.
        dots = labels.compactMap { l in l.dot.map { ($0, l.label.priority) } }
        for (i, l) in labels.enumerated().sorted(by: { $0.element.label.priority > $1.element.label.priority }) {
            let placed = try place(l.label, anchor: l.anchor, canvas: canvas, dot: l.dot)
            if placed.isEmpty && l.dot != nil { unnamed.insert(i) }
            texts += placed
        }
        return (texts, unnamed)
    }

    /// Finds a place for `label`; returns its lines positioned (empty when it does not fit).
    mutating func place(_ label: MapLabel, viewport: Viewport, canvas: Canvas, dot: Envelope? = nil) throws -> [PlacedText] {
        try place(label, anchor: viewport.device(label.anchor), canvas: canvas, dot: dot)
    }

    /// Places `label` around an anchor already in device units. With `dot` (the box of the
    /// place's marker), the label is placed only if the dot is free too, and reserves it.
    mutating func place(_ label: MapLabel, anchor a: Position, canvas: Canvas, dot: Envelope? = nil) throws -> [PlacedText] {
        guard a.x.isFinite, a.y.isFinite else { return [] }
        if let dot, placed.intersectsAny(dot) { return [] }
        let sizes = label.lines.map { canvas.measure($0.text, $0.font) }
        let w = sizes.map(\.width).max() ?? 0
        let h = sizes.reduce(0) { $0 + $1.height }
        let pad = 2 * unit
        // Never across the front line: its halo would break the line the map is about. Clear of
        // other places' dots (and the rings around small changes, and borders) first, beside the dot; then
        // of the line only; then (where the line runs by the town) a ring farther out on the
        // town's side, the same two ways; then, for a place a reader must find, with a leader
        // (below). A name with no such place is left out, with its dot. No label covers the dot
        // of a place of a quarter its priority or more (`hard`). The QA matrix chose the order:
        // dots before the front doubled the names on the front line. (A region's name only
        // tries around its anchor.)
        func tries(_ rings: [Double], _ kind: Ring) -> [(spot: (Double, Double, Align), dots: Bool, ring: Ring)] {
            let spots = rings.flatMap { candidates(label.placement, a, w, h, ring: $0) }
            return [true, false].flatMap { dots in spots.map { (spot: $0, dots: dots, ring: kind) } }
        }
        var all = tries([1], .beside)
        if case .besidePoint = label.placement, !avoidedLines.isEmpty {
            all += tries([2], .townSide)
            // A place a reader must find (`mayLead`) then stands farther out, on either side of
            // the line, clear of every dot where it can, with a leader to its dot: Pokrovsk in its pocket.
            if label.mayLead { all += tries([3, 4, 5, 6], .leader) }
        }
        let reach = Envelope(minX: a.x - 3 * w - 40 * unit, minY: a.y - 3 * h - 40 * unit, maxX: a.x + 3 * w + 40 * unit, maxY: a.y + 3 * h + 40 * unit)
        let nearby = dots.filter { $0.box.intersects(reach) && $0.box != dot }
        let hard = nearby.filter { $0.priority * 4 >= label.priority }.map(\.box)
        let soft = nearby.map(\.box)
        for ((x, y, align), clearOfDots, ring) in all {
            let box = Envelope(minX: x - pad, minY: y - pad, maxX: x + w + pad, maxY: y + h + pad)
            guard box.minX >= bounds.minX, box.minY >= bounds.minY, box.maxX <= bounds.maxX, box.maxY <= bounds.maxY,
                  !placed.intersectsAny(box), !avoidedLines.crosses(box), ring != .townSide || !lineBetween(a, box),
                  !hard.contains(where: box.intersects), !clearOfDots || !(soft.contains(where: box.intersects) || avoided.intersectsAny(box) || skirtedLines.crosses(box)) else { continue }
            var leader: (from: Position, to: Position)?
            if ring == .leader {
                guard case .besidePoint(let r) = label.placement, let l = self.leader(from: a, radius: r * unit, to: box) else { continue }
                leader = l
            }
            placed.insert(box)
            if let leader { for b in Self.leaderBoxes(leader) { placed.insert(b) } }
            if let dot { placed.insert(dot) }
            var top = y
            var out: [PlacedText] = []
            for (line, size) in zip(label.lines, sizes) {
                let lx: Double
                switch align {
                case .left: lx = x
                case .center: lx = x + (w - size.width) / 2
                case .right: lx = x + w - size.width
                }
                out.append(PlacedText(text: line.text, origin: Position(lx, top + size.ascent), font: line.font,
                                      color: line.color, halo: label.halo, haloWidth: 2 * unit, leader: out.isEmpty ? leader : nil))
                top += size.height
            }
            return out
        }
        return []
    }

    /// Where a try stands: beside the dot, a ring out on the town's side of the line, or
    /// farther out with a leader.
    private enum Ring { case beside, townSide, leader }

    /// The point of `box` nearest to `a`.
    private static func nearest(_ box: Envelope, to a: Position) -> Position {
        Position(min(max(a.x, box.minX), box.maxX), min(max(a.y, box.minY), box.maxY))
    }

    /// True when the front line passes between an anchor and a label box a ring out: the
    /// name would stand on the other side of the line from its town. (A dot on the line itself
    /// has no side.)
    private func lineBetween(_ a: Position, _ box: Envelope) -> Bool {
        func touches(_ p: Position) -> Bool { avoidedLines.crosses(Envelope(minX: p.x - 0.5, minY: p.y - 0.5, maxX: p.x + 0.5, maxY: p.y + 0.5)) }
        guard !touches(a) else { return false }
        let to = Self.nearest(box, to: a)
        return (1...8).contains { k in
            let t = Double(k) / 8
            return touches(Position(a.x + (to.x - a.x) * t, a.y + (to.y - a.y) * t))
        }
    }

    /// The leader from a dot's rim to the nearest point of a name's box, nil when it would pass
    /// over a name or a dot already placed (a reader would follow it to the wrong town).
    private func leader(from a: Position, radius: Double, to box: Envelope) -> (from: Position, to: Position)? {
        let to = Self.nearest(box, to: a)
        let d = hypot(to.x - a.x, to.y - a.y)
        guard d > radius else { return nil }
        let from = Position(a.x + (to.x - a.x) * radius / d, a.y + (to.y - a.y) * radius / d)
        let l = (from: from, to: to)
        // Its own box and dot aside: the samples stop short of both ends.
        return Self.leaderBoxes(l).dropFirst().dropLast().contains(where: placed.intersectsAny) ? nil : l
    }

    /// Small boxes along a leader: later names keep off it as off a dot.
    static func leaderBoxes(_ l: (from: Position, to: Position)) -> [Envelope] {
        let n = max(2, Int(hypot(l.to.x - l.from.x, l.to.y - l.from.y) / 3))
        return (0...n).map { k in
            let t = Double(k) / Double(n), x = l.from.x + (l.to.x - l.from.x) * t, y = l.from.y + (l.to.y - l.from.y) * t
            return Envelope(minX: x - 0.75, minY: y - 0.75, maxX: x + 0.75, maxY: y + 0.75)
        }
    }

    /// Top-left corners to try, in order of preference.
    /// `ring` scales a place label's gap from its dot (1 beside it, more a ring farther out).
    private func candidates(_ p: MapLabel.Placement, _ a: Position, _ w: Double, _ h: Double, ring: Double) -> [(Double, Double, Align)] {
        switch p {
        case .centered:
            // The anchor first, then ever farther around it (a region is large; its label may
            // move rather than vanish when a city label sits on the anchor).
            let x = a.x - w / 2, y = a.y - h / 2
            let steps: [(Double, Double)] = [(0, 0), (0, -0.7), (0, 0.7), (-0.6, 0), (0.6, 0), (0, -1.4), (0, 1.4),
                                             (-0.6, -1), (0.6, -1), (-0.6, 1), (0.6, 1), (0, -2.1), (0, 2.1)]
            return steps.map { (x + $0.0 * w, y + $0.1 * h, .center) }
        case .besidePoint(let r):
            // Clear of the marker box (radius + outline) by the label padding: right, left,
            // above, below, then the four diagonals (the cartographers' eight positions), so a
            // town crowded by a neighbour's name still finds a place.
            let gap = (r * unit + 5 * unit) * ring, d = gap * 0.75
            return [(a.x + gap, a.y - h / 2, .left), (a.x - gap - w, a.y - h / 2, .right),
                    (a.x - w / 2, a.y - gap - h, .center), (a.x - w / 2, a.y + gap, .center),
                    (a.x + d, a.y - d - h, .left), (a.x + d, a.y + d, .left),
                    (a.x - d - w, a.y - d - h, .right), (a.x - d - w, a.y + d, .right)]
        }
    }
}

/// A line of label text at its place on the canvas.
struct PlacedText {
    let text: String
    let origin: Position
    let font: Font
    let color: RGBA
    let halo: RGBA
    let haloWidth: Double
    /// A thin line from the place's dot to its name, when the name stands away from it.
    var leader: (from: Position, to: Position)? = nil
}
