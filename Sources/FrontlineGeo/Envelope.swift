/// An axis-aligned bounding box, used as the cheap prefilter before exact GEOS predicates.
public struct Envelope: Equatable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The envelope of a set of positions; nil when there are none.
    public init?<S: Sequence>(of positions: S) where S.Element == Position {
        var it = positions.makeIterator()
        guard let first = it.next() else { return nil }
        var e = Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let p = it.next() { e.expand(to: p) }
        self = e
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var center: Position { Position((minX + maxX) / 2, (minY + maxY) / 2) }

    /// The same for an array, without the generic iterator (a tile world takes the box of
    /// every projected ring: the generic form was 4 % of a server's first tile of a date).
    public init?(of positions: [Position]) {
        guard let first = positions.first else { return nil }
        var e = Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for p in positions.dropFirst() { e.expand(to: p) }
        self = e
    }

    public mutating func expand(to p: Position) {
        minX = Swift.min(minX, p.x)
        minY = Swift.min(minY, p.y)
        maxX = Swift.max(maxX, p.x)
        maxY = Swift.max(maxY, p.y)
    }

    public func union(_ o: Envelope) -> Envelope {
        Envelope(minX: Swift.min(minX, o.minX), minY: Swift.min(minY, o.minY),
                 maxX: Swift.max(maxX, o.maxX), maxY: Swift.max(maxY, o.maxY))
    }

    public func intersects(_ o: Envelope) -> Bool {
        minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY
    }

    public func contains(_ p: Position) -> Bool {
        (minX...maxX).contains(p.x) && (minY...maxY).contains(p.y)
    }

    /// Grown by `d` on every side (in the envelope's own units).
    /// True when `o` lies wholly inside this box.
    public func contains(_ o: Envelope) -> Bool { o.minX >= minX && o.minY >= minY && o.maxX <= maxX && o.maxY <= maxY }

    public func expanded(by d: Double) -> Envelope {
        Envelope(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d)
    }
}
