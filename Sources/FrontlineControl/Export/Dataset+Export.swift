import FrontlineGeo
import FrontlineSupport

/// The layers `frontline export` can write.
public enum ExportWhat: String, CaseIterable, Sendable {
    case control, front, regions, places, change

    /// `control,front` → the layers, in the order given; an unknown name is a usage error
    /// that lists the known ones.
    public static func parse(_ list: String) throws -> [ExportWhat] {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
            throw FrontlineError.usage("--what needs layer names, e.g. control,front; known: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var out: [ExportWhat] = []
        for n in names {
            guard let w = ExportWhat(rawValue: n) else {
                throw FrontlineError.usage("unknown layer '\(n)'; known: \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !out.contains(w) { out.append(w) }
        }
        return out
    }
}

extension Dataset {
    /// The layers of a date: held land by region and status (the land the figures count), the
    /// front line per region, the regions with their figures, the settlements with their status.
    public func exportSet(asOf date: DayDate, what: [ExportWhat], source: String? = nil) throws -> ExportSet {
        let refused = FrontlineError.usage("the change layer needs --from and --to, not --date")
        guard !what.contains(.change) else { throw refused }  // before any measuring
        let m = try measure(asOf: date, source: source)
        let layers = try what.map { w -> ExportLayer in
            switch w {
            case .control: return try controlLayer(m)
            case .front: return frontLayer(m)
            case .regions: return regionsLayer(m.state)
            case .places: return try placesLayer(asOf: date, source: source)
            case .change: throw refused
            }
        }
        return ExportSet(layers: layers, provenance: provenance([m.state]))
    }

    /// The change of a period: land gained and lost per status, and freed land, as measured by `diff`.
    public func exportChange(from: DayDate, to: DayDate, source: String? = nil) throws -> ExportSet {
        let c = try change(from: from, to: to, fromSource: source, toSource: source)
        let fields = [ExportLayer.Field("change", .text), ExportLayer.Field("status", .text), ExportLayer.Field("km2", .real),
                      ExportLayer.Field("from_snapshot", .text), ExportLayer.Field("to_snapshot", .text)]
        let (a, b) = (ExportLayer.Value.text(c.changes.from.snapshotDate.description), ExportLayer.Value.text(c.changes.to.snapshotDate.description))
        var features: [ExportLayer.Feature] = []
        for s in c.changes.statuses {
            let n = c.changes.national(s)
            if let g = c.geometry.gained[s].map(Self.withoutDegenerateRings), !g.isEmpty { features.append(.init(shape: .polygons(g), values: [.text("gained"), .text(s.rawValue), .real(n.gainedKm2), a, b])) }
            if let l = c.geometry.lost[s].map(Self.withoutDegenerateRings), !l.isEmpty { features.append(.init(shape: .polygons(l), values: [.text("lost"), .text(s.rawValue), .real(n.lostKm2), a, b])) }
        }
        let freed = Self.withoutDegenerateRings(c.geometry.freed)
        if !freed.isEmpty {
            features.append(.init(shape: .polygons(freed), values: [.text("freed"), .null, .real(c.changes.freedKm2), a, b]))
        }
        let layer = ExportLayer(layer: .change(nil), title: "Change in control, \(c.changes.from.snapshotDate) to \(c.changes.to.snapshotDate)",
                                kind: .polygon, fields: fields, features: features)
        return ExportSet(layers: [layer], provenance: provenance([c.changes.from, c.changes.to]))
    }

    private func controlLayer(_ m: ControlMeasurement) throws -> ExportLayer {
        let fields = [ExportLayer.Field("iso", .text), ExportLayer.Field("region", .text), ExportLayer.Field("status", .text),
                      ExportLayer.Field("km2", .real), ExportLayer.Field("snapshot", .text), ExportLayer.Field("source", .text)]
        var features: [ExportLayer.Feature] = []
        for r in regions.regions {
            guard let g = m.geometry.byRegion[r.iso], let figures = m.state.region(r.iso) else { continue }
            for s in m.state.statuses {
                guard let held = g.held[s], !held.base.isEmpty else { continue }
                // The held land as one geometry: a region less its free parts, or the pieces.
                let polygons = Self.withoutDegenerateRings(try held.geometry().polygons)
                guard !polygons.isEmpty else { continue }
                features.append(.init(shape: .polygons(polygons), values: [
                    .text(r.iso), .text(r.names.primary), .text(s.rawValue), .real(figures.km2(s)),
                    .text(m.state.snapshotDate.description), .text(m.state.source)]))
            }
        }
        // Land held abroad is no region's: one feature, named by its country (or countries).
        if let held = m.geometry.byRegion[ControlGeometry.abroadKey]?.held[.heldAbroad], !m.state.abroad.isEmpty {
            let polygons = Self.withoutDegenerateRings(try held.geometry().polygons)
            if !polygons.isEmpty {
                features.append(.init(shape: .polygons(polygons), values: [
                    .text(m.state.abroad.map(\.country).joined(separator: ",")), .text(m.state.abroad.map(\.names.primary).joined(separator: ", ")),
                    .text(ControlStatus.heldAbroad.rawValue), .real(m.state.abroadKm2),
                    .text(m.state.snapshotDate.description), .text(m.state.source)]))
            }
        }
        return ExportLayer(layer: .control(nil), title: "Territorial control on \(m.state.snapshotDate) by region and status",
                           kind: .polygon, fields: fields, features: features)
    }

    private func frontLayer(_ m: ControlMeasurement) -> ExportLayer {
        let fields = [ExportLayer.Field("iso", .text), ExportLayer.Field("region", .text), ExportLayer.Field("length_km", .real),
                      ExportLayer.Field("snapshot", .text)]
        let features = regions.regions.compactMap { r -> ExportLayer.Feature? in
            guard let lines = m.geometry.byRegion[r.iso]?.front, !lines.isEmpty else { return nil }
            return .init(shape: .lines(lines), values: [.text(r.iso), .text(r.names.primary), .real(m.state.region(r.iso)?.frontKm ?? 0),
                                                         .text(m.state.snapshotDate.description)])
        }
        return ExportLayer(layer: .front, title: "Front line on \(m.state.snapshotDate)", kind: .line, fields: fields, features: features)
    }

    private func regionsLayer(_ s: ControlState) -> ExportLayer {
        var fields = [ExportLayer.Field("iso", .text)] + regions.languages.map { ExportLayer.Field($0.nameKey, .text) }
            + [ExportLayer.Field("area_km2", .real)]
        for st in s.statuses { fields += [ExportLayer.Field("\(st.rawValue)_km2", .real), ExportLayer.Field("\(st.rawValue)_pct", .real)] }
        fields += [ExportLayer.Field("free_km2", .real), ExportLayer.Field("front_km", .real), ExportLayer.Field("snapshot", .text)]
        let features = regions.regions.compactMap { r -> ExportLayer.Feature? in
            guard let c = s.region(r.iso) else { return nil }
            var values: [ExportLayer.Value] = [.text(r.iso)] + r.names.values.map { .text($0) } + [.real(c.areaKm2)]
            for st in s.statuses { values += [.real(c.km2(st)), .real(c.percent(st))] }
            values += [.real(c.freeKm2), .real(c.frontKm), .text(s.snapshotDate.description)]
            return .init(shape: .polygons(r.polygons), values: values)
        }
        return ExportLayer(layer: .regions, title: "Regions with their figures on \(s.snapshotDate)", kind: .polygon, fields: fields, features: features)
    }

    private func placesLayer(asOf date: DayDate, source: String?) throws -> ExportLayer {
        let places = try Gazetteer.load(folder: folder).places.filter { $0.region != nil }
        let ref = try timeline.snapshot(asOf: date, source: source).ref
        let statuses = try self.statuses(places, in: try snapshot(ref))
        let languages = places.first?.names.languages ?? regions.languages
        let fields = [ExportLayer.Field("id", .integer)] + languages.map { ExportLayer.Field($0.nameKey, .text) } + [
                      ExportLayer.Field("region", .text), ExportLayer.Field("population", .integer), ExportLayer.Field("status", .text),
                      ExportLayer.Field("snapshot", .text)]
        let features = zip(places, statuses).map { p, s in
            ExportLayer.Feature(shape: .point(p.position), values: [
                .integer(p.id)] + p.names.values.map { .text($0) } + [.text(p.region ?? ""), .integer(p.population),
                .text(PlacePeriod.recorded(s)?.rawValue ?? "held"), .text(ref.date.description)])
        }
        return ExportLayer(layer: .places, title: "Settlements and their status on \(ref.date)", kind: .point, fields: fields, features: features)
    }

    /// Overlays can leave rings of no area (a collapsed sliver): readers call them invalid and
    /// they hold no land, so they are left out.
    static func withoutDegenerateRings(_ polygons: [[[Position]]]) -> [[[Position]]] {
        func area2(_ r: [Position]) -> Double { zip(r, r.dropFirst()).reduce(0) { $0 + ($1.0.x * $1.1.y - $1.1.x * $1.0.y) } }
        return polygons.compactMap { rings in
            guard let shell = rings.first, shell.count >= 4, area2(shell) != 0 else { return nil }
            return [shell] + rings.dropFirst().filter { $0.count >= 4 && area2($0) != 0 }
        }
    }

    private func provenance(_ states: [ControlState]) -> ExportProvenance {
        let sources = Array(Set(states.map(\.source))).sorted()
        return ExportProvenance(dataset: info.name(info.primaryLanguage), snapshots: states.map { "\($0.source) \($0.snapshotDate)" },
                                attribution: attribution(for: sources),
                                licences: info.sources.filter { sources.contains($0.id) }.compactMap { s in s.licence.map { "\(s.name): \($0)" } },
                                tool: FrontlineVersion.tool)
    }
}
