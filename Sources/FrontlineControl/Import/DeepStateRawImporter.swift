import Foundation
import FrontlineGeo
import FrontlineSupport

/// Reads full DeepStateMap exports (`<unix-seconds>.geojson`, collected by
/// github.com/DanielRose2310/deepstatemaps-history): every polygon is classified by tag or
/// fill colour (`DeepStateRawClass`) into occupied (held before 2022 included), contested and
/// liberated layers, and liberated land next to the country in a neighbour's as held abroad;
/// other polygons outside the country and unclassified ones are dropped and counted.
/// The layers are made disjoint: occupied wins over contested, both over liberated.
public struct DeepStateRawImporter {
    public static let sourceID = "deepstate"
    /// Polygons that meet none of these regions lie outside the country (Abkhazia, the Kuril
    /// islands...) whatever their class says.
    let regions: [(geometry: Geometry, prepared: PreparedGeometry)]

    public init(regions: RegionSet) throws {
        self.regions = try regions.regions.map { ($0.geometry, try PreparedGeometry($0.geometry)) }
    }

    /// True when a polygon meets no region, or when it claims to be held since before 2022
    /// and less than half of it lies in the regions: the oldest exports colour Transnistria
    /// like Crimea, and it borders Odesa oblast. (Other classes keep polygons that are mostly
    /// water, like the grey zone on the Dnipro islands: the regions are clipped to land.)
    func isOutside(_ g: Geometry, _ cls: DeepStateRawClass) throws -> Bool {
        let touched = try regions.filter { try $0.prepared.intersects(g) }
        if touched.isEmpty { return true }
        if try cls != .heldBefore2022 || touched.contains(where: { try $0.prepared.covers(g) }) { return false }
        let inside = try touched.reduce(0.0) { $0 + (try $1.geometry.intersection(g).planarArea) }
        return inside < 0.5 * g.planarArea
    }

    /// Land the source marks as liberated outside the country is held across the border when
    /// it lies within `abroadReach` degrees (about 10 km) of a region: the Kursk incursion,
    /// not a polygon drawn far away.
    static let abroadReach = 0.1

    /// The parts of a liberated polygon that lie in a neighbour next to the country (their
    /// inner point in no region), and the rest; nil when no part does.
    func abroadParts(_ g: Geometry) throws -> (abroad: Geometry, home: Geometry?)? {
        var abroad: [Geometry] = [], home: [Geometry] = []
        for part in g.parts {
            let p = try part.pointOnSurface()
            let inside = try regions.contains { try $0.prepared.contains(p) }
            if !inside, try isNextToCountry(part) { abroad.append(part) } else { home.append(part) }
        }
        guard !abroad.isEmpty else { return nil }
        return (try Geometry.multiPolygon(abroad), home.isEmpty ? nil : try Geometry.multiPolygon(home))
    }

    func isNextToCountry(_ g: Geometry) throws -> Bool {
        guard let e = g.envelope?.expanded(by: Self.abroadReach) else { return false }
        return try regions.contains { r in
            guard let re = r.geometry.envelope, re.intersects(e) else { return false }
            return try r.geometry.distance(to: g) <= Self.abroadReach
        }
    }

    /// The export time in a file name (`1685290853.geojson`), nil for other files.
    public static func exportTime(ofFile name: String) -> Int? {
        guard name.hasSuffix(".geojson") else { return nil }
        let stem = name.dropLast(".geojson".count)
        guard stem.count >= 9, stem.allSatisfy(\.isNumber) else { return nil }
        return Int(stem)
    }

    /// The UTC day of an export time.
    public static func date(ofExport seconds: Int) -> DayDate { DayDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down))) }

    /// The exports in a folder, the last of each UTC day, by date.
    public static func files(in folder: URL) throws -> [URL] {
        lastOfEachDay(try InputPath.names(in: folder).map { folder.appendingPathComponent($0) })
    }

    /// Of the exports among `urls` (other files are left out), the last of each UTC day, by date.
    public static func lastOfEachDay(_ urls: [URL]) -> [URL] {
        let timed = urls.compactMap { u in exportTime(ofFile: u.lastPathComponent).map { (t: $0, url: u) } }
        let lastPerDay = Dictionary(grouping: timed) { date(ofExport: $0.t) }.mapValues { $0.max { $0.t < $1.t }! }
        return lastPerDay.sorted { $0.key < $1.key }.map(\.value.url)
    }

    public func read(_ url: URL, note: (String) -> Void = { _ in }) throws -> ImportedFile {
        let file = url.lastPathComponent
        guard let seconds = DeepStateRawImporter.exportTime(ofFile: file) else {
            throw FrontlineError.usage("\(file): not a DeepStateMap export name (<unix-seconds>.geojson)")
        }
        let day = DeepStateRawImporter.date(ofExport: seconds)
        guard DayDate.years.contains(day.components.year) else {
            throw FrontlineError.badData("\(file): export time \(seconds) falls in the year \(day.components.year), outside \(DayDate.years.lowerBound)-\(DayDate.years.upperBound)")
        }
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONReader.read(Data(contentsOf: url)) } catch { throw FrontlineError.badData(in: file, error) }
        var tally = DeepStateRawTally()
        var parts: [ControlStatus: [Geometry]] = [:]
        for (n, f) in fc.features.enumerated() {
            guard let g = try ImportedGeometry.polygons(f.geometry, at: "\(file): feature \(n)", note: note) else { continue }
            let name = f[property: "name"]?.stringValue ?? ""
            let fill = f[property: "fill"]?.stringValue
            var cls = DeepStateRawClass.of(name: name, fill: fill)
            if cls == .liberated, let abroad = try abroadParts(g) {
                // One liberated feature can hold Kharkiv's 2022 gains and the Kursk salient.
                tally.add(.heldAbroad, unclassifiedKey: "")
                parts[.heldAbroad, default: []].append(abroad.abroad)
                guard let home = abroad.home else { continue }
                parts[.liberated, default: []].append(home)
                tally.add(cls, unclassifiedKey: "")
                continue
            }
            if cls.status != nil, try isOutside(g, cls) { cls = .outside }
            tally.add(cls, unclassifiedKey: DeepStateRawClass.tag(in: name) ?? "fill \(fill ?? "none")")
            if let status = cls.status { parts[status, default: []].append(g) }
        }
        let snapshot = Snapshot(date: day, source: DeepStateRawImporter.sourceID,
                                layers: try disjointLayers(parts, file))
        return ImportedFile(snapshots: [snapshot], summary: "\(file): \(snapshot.date), \(tally)")
    }

    /// One geometry per status, each without what a stronger status covers (`Snapshot.disjoint`).
    private func disjointLayers(_ parts: [ControlStatus: [Geometry]], _ file: String) throws -> [ControlStatus: Geometry] {
        do { return try Snapshot.disjoint(try parts.mapValues { try Geometry.union($0) }) } catch { throw FrontlineError.badData(in: file, error) }
    }
}

/// Polygons per class in one export, and what could not be classified, for the summary line.
struct DeepStateRawTally: CustomStringConvertible {
    private(set) var counts: [DeepStateRawClass: Int] = [:]
    private(set) var unclassified: [String: Int] = [:]

    mutating func add(_ c: DeepStateRawClass, unclassifiedKey: @autoclosure () -> String) {
        counts[c, default: 0] += 1
        if c == .unclassified { unclassified[unclassifiedKey(), default: 0] += 1 }
    }

    var description: String {
        let classes = DeepStateRawClass.allCases.compactMap { c in counts[c].map { "\($0) \(c.rawValue)" } }
        var text = classes.isEmpty ? "no polygons" : classes.joined(separator: ", ")
        if !unclassified.isEmpty {
            text += " (not classified: " + unclassified.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + ")"
        }
        return text
    }
}
