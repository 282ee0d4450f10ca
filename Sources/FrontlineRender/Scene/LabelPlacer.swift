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

    /// Boxes a label keeps off if it can (the front line's segments): a town on the line is
    /// still named, beside its dot, when no position clear of the line is left.
    var avoided = BoxIndex()

    /// Place dots (every label's own included) with their places' priorities: a label never
    /// covers the dot of a place of at least a quarter its priority (that town would go
    /// unnamed), and keeps clear of smaller places' dots where it has another place.
    var dots: [(box: Envelope, priority: Double)] = []

    mutating func avoid(_ boxes: [Envelope]) { for b in boxes { avoided.insert(b) } }

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
        let spots = candidates(label.placement, a, w, h)
        // Clear of the front (and the like) and of other places' dots first; then clear of the
        // front only, then of the dots only, then (a place's name) anywhere beside its own dot.
        // A region's name always stays off the front, and no label covers the dot of a place
        // of a quarter its priority or more (`hard`). The QA matrix chose the order: dots
        // before the front doubled the names on the front line.
        let beside: Bool
        if case .besidePoint = label.placement { beside = true } else { beside = false }
        let levels: [(front: Bool, dots: Bool)] = beside ? [(true, true), (true, false), (false, true), (false, false)]
                                                         : [(true, true), (true, false)]
        let tries = levels.flatMap { level in spots.map { ($0, level) } }
        let reach = Envelope(minX: a.x - 3 * w - 40 * unit, minY: a.y - 3 * h - 40 * unit, maxX: a.x + 3 * w + 40 * unit, maxY: a.y + 3 * h + 40 * unit)
        let nearby = dots.filter { $0.box.intersects(reach) && $0.box != dot }
        let hard = nearby.filter { $0.priority * 4 >= label.priority }.map(\.box)
        let soft = nearby.map(\.box)
        for ((x, y, align), clear) in tries {
            let box = Envelope(minX: x - pad, minY: y - pad, maxX: x + w + pad, maxY: y + h + pad)
            guard box.minX >= bounds.minX, box.minY >= bounds.minY, box.maxX <= bounds.maxX, box.maxY <= bounds.maxY,
                  !placed.intersectsAny(box), !clear.front || !avoided.intersectsAny(box),
                  !hard.contains(where: box.intersects), !clear.dots || !soft.contains(where: box.intersects) else { continue }
            placed.insert(box)
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
                                      color: line.color, halo: label.halo, haloWidth: 2 * unit))
                top += size.height
            }
            return out
        }
        return []
    }

    /// Top-left corners to try, in order of preference.
    private func candidates(_ p: MapLabel.Placement, _ a: Position, _ w: Double, _ h: Double) -> [(Double, Double, Align)] {
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
            let gap = r * unit + 5 * unit, d = gap * 0.75
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
}
