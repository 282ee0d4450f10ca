import FrontlineGeo

/// Measures a snapshot against a region set: km² per status and region, geodesic on WGS84,
/// with coastline slivers reconciled by `SliverRule`.
///
/// A measurer remembers what it measured: when a region's part of the layers is exactly what
/// it was in an earlier snapshot (most regions, most days), the earlier figures are reused.
/// A measurer and its geometries belong to one thread.
public final class ControlMeasurer {
    public let regions: RegionSet
    public let sliverRule: SliverRule
    private var memo = RegionMemo()

    /// The version of the measuring rules: stored figures (`FigureStore`) measured under
    /// another version are measured again. Bump it with any change that moves a figure.
    public static let rulesVersion = 2

    public init(regions: RegionSet, sliverRule: SliverRule = SliverRule()) {
        self.regions = regions
        self.sliverRule = sliverRule
    }

    /// The figures only.
    public func measure(_ snapshot: Snapshot, asOf date: DayDate? = nil) throws -> ControlState {
        try run(snapshot, asOf: date, geometry: false).state
    }

    /// The figures and the shapes a map draws: per status the land each side holds (slivers
    /// reconciled, clipped to the regions), and the front line.
    public func measureWithGeometry(_ snapshot: Snapshot, asOf date: DayDate? = nil) throws -> ControlMeasurement {
        let r = try run(snapshot, asOf: date, geometry: true)
        return ControlMeasurement(state: r.state, geometry: r.geometry!)
    }

    /// Threads one snapshot's regions are measured on (a time series parallelises over
    /// snapshots instead and leaves this at 1).
    public var jobs = 1

    private func run(_ snapshot: Snapshot, asOf date: DayDate?, geometry: Bool) throws -> (state: ControlState, geometry: ControlGeometry?) {
        let statuses = snapshot.statuses
        // What the snapshot holds whole is passed along, never kept: a measurer serves many.
        let whole = snapshot.whollyOccupied
        let layers = statuses.filter { !$0.isAbroad }.map { (status: $0, geometry: snapshot.layers[$0]!, envelope: snapshot.layers[$0]!.envelope) }
        let results = jobs > 1 ? try measureSplit(snapshot, layers, whole: whole, geometry: geometry)
                               : try regions.regions.map { try measure($0, layers, whole: whole, geometry: geometry) }
        // Land held abroad is no region's: its figures go by country (`abroad`), not by status.
        var state = ControlState(date: date ?? snapshot.date, snapshotDate: snapshot.date, source: snapshot.source,
                                 statuses: statuses.filter { !$0.isAbroad }, regions: results.map(\.control))
        var shapes = geometry ? zip(regions.regions, results).compactMap { r, m in m.geometry.map { (iso: r.iso, geometry: $0) } } : []
        if let layer = snapshot.layers[.heldAbroad], let land = regions.abroad {
            let abroad = try land.measure(layer, regions: regions)
            state.abroad = abroad.figures
            if geometry { shapes.append((ControlGeometry.abroadKey, RegionGeometry(held: [.heldAbroad: HeldShape(base: abroad.polygons, cutouts: [])], freeParts: [], front: abroad.front))) }
        }
        return (state, geometry ? ControlGeometry(shapes) : nil)
    }

    typealias Layer = (status: ControlStatus, geometry: Geometry, envelope: Envelope?)
    typealias LocalLayer = (status: ControlStatus, geometry: Geometry)

    /// One region's figures; `whole` names the regions the snapshot holds wholly occupied.
    func measure(_ region: Region, _ layers: [Layer], whole: Set<String>, geometry: Bool) throws -> RegionResult {
        // Only the layers near this region, clipped to its box: overlays then work on a few
        // thousand vertices instead of the whole front.
        let box = region.envelope.expanded(by: 0.01)
        let local = try layers.compactMap { l -> LocalLayer? in
            guard let e = l.envelope, e.intersects(box) else { return nil }
            let clipped = try l.geometry.clipped(to: box)
            return clipped.isEmpty ? nil : (l.status, clipped)
        }
        if local.isEmpty {
            return RegionResult(control: figures(region, km2: [:], slivers: [:], frontKm: 0), geometry: geometry ? RegionGeometry(held: [:], freeParts: [], front: []) : nil)
        }
        // A region the occupied layer is known to hold whole (Crimea under a source that leaves
        // out what was held before 2022, the baseline being added): nothing is free, so no
        // overlay, which along the region's own coast cost 100 ms for Crimea.
        if whole.contains(region.iso), local.allSatisfy({ $0.status == .occupied }) {
            return RegionResult(control: figures(region, km2: [.occupied: region.areaKm2], slivers: [:], frontKm: 0),
                                geometry: geometry ? RegionGeometry(held: [.occupied: HeldShape(base: region.polygons, cutouts: [])], freeParts: [], front: []) : nil)
        }
        if let hit = memo.lookup(region.iso, local), hit.geometry != nil || !geometry { return hit }
        let result = try overlay(region, local, geometry: geometry)
        memo.store(region.iso, local, result)
        return result
    }

    /// The overlay itself: free remainder, its parts, slivers handed to their neighbours.
    /// "Free" is what the invader's layers (occupied, contested) leave: liberated land is
    /// inside it, measured as a piece of its own.
    private func overlay(_ region: Region, _ local: [LocalLayer], geometry: Bool) throws -> RegionResult {
        let invader = local.filter(\.status.isHeldByInvader)
        // With one invader layer its km² is what free land leaves, and no intersection is needed.
        let single = invader.count == 1 ? invader[0].status : nil
        var km2: [ControlStatus: Double] = [:]
        var pieces: [ControlStatus: Geometry] = [:]
        for (status, g) in local where status != single {
            let piece = try region.geometry.intersection(g).polygonalParts()
            km2[status] = Geodesic.areaKm2(piece)
            pieces[status] = piece
        }
        let held: Geometry? = invader.isEmpty ? nil : invader.count == 1 ? invader[0].geometry : try Geometry.union(invader.map(\.geometry))
        let free = try held.map { try region.geometry.difference($0).polygonalParts() } ?? region.geometry
        var freeKm2 = 0.0
        var slivers: [ControlStatus: Double] = [:]
        var sliverParts: [ControlStatus: [Geometry]] = [:]
        var realFree: [Geometry] = []
        var owners: SliverOwners?
        for part in free.parts {
            let a = Geodesic.areaKm2(part)
            if held != nil, sliverRule.isActive, try sliverRule.isSliver(part, km2: a) {
                if owners == nil { owners = try SliverOwners(invader) }
                if let owner = try owners!.owner(of: part) {
                    slivers[owner, default: 0] += a
                    sliverParts[owner, default: []].append(part)
                    continue
                }
            }
            freeKm2 += a
            realFree.append(part)
        }
        if let single { km2[single] = region.areaKm2 - freeKm2 - slivers.values.reduce(0, +) }
        // The front's length is a figure like the km²: measured here, so a time series has it too.
        let freePolygons = held != nil || geometry ? realFree.flatMap { $0.polygons } : []
        let front = held == nil ? [] : ControlMeasurer.front(freePolygons, region.boundaryVertices)
        let control = figures(region, km2: km2, slivers: slivers, frontKm: front.reduce(0) { $0 + Geodesic.length($1) } / 1000)
        guard geometry else { return RegionResult(control: control, geometry: nil) }
        return RegionResult(control: control, geometry: shapes(region, single, pieces, sliverParts, freePolygons, front: front))
    }

    /// What a map draws for one region, without another overlay. With one invader layer its
    /// land is the region with the real free parts cut out: drawn as one even-odd path
    /// (region rings plus free rings), it needs no polygon difference. Other layers are their
    /// pieces (computed for their km² anyway) plus the slivers handed to them. The real free
    /// parts are kept too: where their outlines meet the invader's land runs the front line.
    private func shapes(_ region: Region, _ single: ControlStatus?, _ pieces: [ControlStatus: Geometry],
                        _ sliverParts: [ControlStatus: [Geometry]], _ free: [[[Position]]], front: [[Position]]) -> RegionGeometry {
        var held: [ControlStatus: HeldShape] = [:]
        if let single { held[single] = HeldShape(base: region.polygons, cutouts: free) }
        for (status, piece) in pieces {
            held[status] = HeldShape(base: piece.polygons + (sliverParts[status] ?? []).flatMap { $0.polygons }, cutouts: [])
        }
        return RegionGeometry(held: held, freeParts: free, front: front)
    }

    /// The edges of the real free parts that are not the region's own boundary: chains of
    /// the layer's outline where it meets free land. (A few metres of region boundary next to
    /// a crossing point come along; a map clips the stroke to held land, which hides them.)
    static func front(_ free: [[[Position]]], _ regionVertices: Set<Position>) -> [[Position]] {
        var chains: [[Position]] = []
        for ring in free.flatMap({ $0 }) {
            var current: [Position] = []
            for (a, b) in zip(ring, ring.dropFirst()) {
                if regionVertices.contains(a) && regionVertices.contains(b) {
                    if current.count > 1 { chains.append(current) }
                    current = []
                } else {
                    if current.isEmpty { current = [a] }
                    current.append(b)
                }
            }
            if current.count > 1 { chains.append(current) }
        }
        return chains
    }

    private func figures(_ region: Region, km2: [ControlStatus: Double], slivers: [ControlStatus: Double], frontKm: Double) -> RegionControl {
        var total = km2
        for (s, a) in slivers { total[s, default: 0] += a }
        return RegionControl(iso: region.iso, names: region.names, areaKm2: region.areaKm2,
                             km2: total.mapValues { max(0, min(region.areaKm2, $0)) },
                             sliverKm2: slivers.values.reduce(0, +), frontKm: frontKm)
    }
}

/// One region's measurement: the figures, and the shapes when asked for.
struct RegionResult: Sendable {
    let control: RegionControl
    let geometry: RegionGeometry?
}

/// The shapes of one region's control: land held per status, and the real free parts.
public struct RegionGeometry: Sendable {
    public let held: [ControlStatus: HeldShape]
    public let freeParts: [[[Position]]]
    public let front: [[Position]]

    /// True when no layer reaches the region: all of it is free.
    public var untouched: Bool { held.isEmpty }
}

/// Held land as drawn: `base` polygons with `cutouts` removed (every cutout lies inside the
/// base). A renderer fills base and cutout rings in one even-odd path; the area is the base's
/// minus the cutouts'.
public struct HeldShape: Sendable {
    public var base: [[[Position]]]
    public var cutouts: [[[Position]]]

    public var areaKm2: Double {
        (Geodesic.area(ofPolygons: base) - Geodesic.area(ofPolygons: cutouts)) / 1_000_000
    }

    /// All rings, for an even-odd fill.
    public var rings: [[Position]] { (base + cutouts).flatMap { $0 } }

    /// True when `p` lies in a base polygon and in no cutout. Each polygon is asked alone:
    /// the difference of base and cutouts can fail on rings that only touch.
    public func contains(_ p: Position) throws -> Bool {
        let point = try Geometry.point(p)
        return try base.contains { try Geometry.polygon($0).contains(point) } && !(try cutouts.contains { try Geometry.polygon($0).contains(point) })
    }

    /// As one GEOS geometry (computes the difference: for library users, not the renderer).
    public func geometry() throws -> Geometry {
        let b = try Geometry.multiPolygon(base.map { try Geometry.polygon($0) })
        guard !cutouts.isEmpty else { return b }
        return try b.difference(try Geometry.multiPolygon(cutouts.map { try Geometry.polygon($0) })).polygonalParts()
    }
}

/// The shapes of control over all regions, in pieces per region (a map fills all pieces of a
/// status in one path, so region seams do not show; no costly union is needed).
public struct ControlGeometry: Sendable {
    /// The key of the land held abroad among the regions' shapes (not an ISO code).
    public static let abroadKey = "abroad"
    public let held: [ControlStatus: [HeldShape]]
    /// Real free parts of the regions that hold any status.
    public let freeParts: [[[Position]]]
    /// The front line: where free parts meet held land (lon/lat polylines).
    public let front: [[Position]]

    /// Per region (ISO code), its shapes.
    public let byRegion: [String: RegionGeometry]

    init(_ regions: [(iso: String, geometry: RegionGeometry)]) {
        var held: [ControlStatus: [HeldShape]] = [:]
        for r in regions { for (s, h) in r.geometry.held where !h.base.isEmpty { held[s, default: []].append(h) } }
        self.held = held
        self.freeParts = regions.flatMap(\.geometry.freeParts)
        self.front = regions.flatMap(\.geometry.front)
        self.byRegion = Dictionary(regions.map { ($0.iso, $0.geometry) }, uniquingKeysWith: { a, _ in a })
    }

    public func areaKm2(_ s: ControlStatus) -> Double { (held[s] ?? []).reduce(0) { $0 + $1.areaKm2 } }
}

/// Which layer a free sliver belongs to: the first it touches. Overlay output meets its
/// inputs only up to floating-point rounding, so "touches" means within 1e-7° (about 1 cm).
private struct SliverOwners {
    let layers: [(status: ControlStatus, geometry: Geometry, prepared: PreparedGeometry)]
    static let tolerance = 1e-7

    init(_ local: [ControlMeasurer.LocalLayer]) throws {
        layers = try local.map { ($0.status, $0.geometry, try PreparedGeometry($0.geometry)) }
    }

    func owner(of part: Geometry) throws -> ControlStatus? {
        guard let e = part.envelope?.expanded(by: SliverOwners.tolerance * 10) else { return nil }
        for l in layers {
            if try l.prepared.intersects(part) { return l.status }
            // Exact test failed by rounding? Measure the distance to the nearby piece only.
            let near = try l.geometry.clipped(to: e)
            if !near.isEmpty, try part.distance(to: near) <= SliverOwners.tolerance { return l.status }
        }
        return nil
    }
}

/// Figures per region keyed by the exact local layers they were measured from.
private struct RegionMemo {
    private var entries: [String: [(hash: Int, layers: [ControlMeasurer.LocalLayer], result: RegionResult)]] = [:]
    private static let perRegion = 4

    func lookup(_ iso: String, _ local: [ControlMeasurer.LocalLayer]) -> RegionResult? {
        let h = RegionMemo.hash(local)
        return entries[iso]?.first { e in
            e.hash == h && e.layers.count == local.count
                && zip(e.layers, local).allSatisfy { $0.status == $1.status && $0.geometry.exactlyEquals($1.geometry) }
        }?.result
    }

    mutating func store(_ iso: String, _ local: [ControlMeasurer.LocalLayer], _ result: RegionResult) {
        let h = RegionMemo.hash(local)
        var list = (entries[iso] ?? []).filter { $0.hash != h }
        list.insert((h, local, result), at: 0)
        if list.count > RegionMemo.perRegion { list.removeLast() }
        entries[iso] = list
    }

    static func hash(_ local: [ControlMeasurer.LocalLayer]) -> Int {
        var h = Hasher()
        for l in local {
            h.combine(l.status)
            h.combine(l.geometry.coordinateHash)
        }
        return h.finalize()
    }
}
