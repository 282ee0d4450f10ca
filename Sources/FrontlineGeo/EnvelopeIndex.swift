/// The envelope prefilter: items with their bounding boxes, queried by box before any exact
/// (and expensive) GEOS predicate runs. With tens of regions a linear scan of boxes beats a tree.
public struct EnvelopeIndex<Item> {
    public private(set) var entries: [(envelope: Envelope, item: Item)] = []

    public init() {}

    public mutating func insert(_ item: Item, envelope: Envelope) {
        entries.append((envelope, item))
    }

    /// Items whose envelope intersects `e`, in insertion order.
    public func query(_ e: Envelope) -> [Item] {
        entries.compactMap { $0.envelope.intersects(e) ? $0.item : nil }
    }
}
