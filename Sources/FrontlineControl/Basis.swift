import Foundation
import FrontlineSupport

/// What the figures are measured against. `land`: the regions clipped to the land mask, with
/// the coastline rule, shares of the regions' land (Frontline's own basis). `admin`: the
/// administrative units with their waters, no coastline rule, national shares of the official
/// total (`dataset.json`'s `adminBasis`): the basis a source such as DeepStateMap publishes,
/// so that its published figures can be reproduced.
public enum Basis: String, CaseIterable, Sendable, Codable {
    case land
    case admin
}

extension Dataset {
    /// The regions figures on `basis` are measured against.
    public func regions(for basis: Basis) throws -> RegionSet {
        switch basis {
        case .land: return regions
        case .admin:
            if let loaded = adminRegions.value { return loaded.value }
            let admin = try adminBasis()
            var set = try RegionSet.load(folder.appendingPathComponent(admin.file), warn: warn)
            set.abroad = regions.abroad
            adminRegions.update { $0 = Handoff(set) }
            return set
        }
    }

    /// The dataset's admin basis, or a usage error saying it has none.
    public func adminBasis() throws -> DatasetInfo.AdminBasis {
        guard let admin = info.adminBasis else {
            throw FrontlineError.usage("dataset '\(info.id)' has no administrative basis (adminBasis in dataset.json): use --basis land")
        }
        return admin
    }

    /// The rule a basis measures with: the admin basis counts water, so it has no coastline rule.
    func rule(_ rule: SliverRule, on basis: Basis) -> SliverRule { basis == .admin ? .none : rule }

    /// A state measured on `basis`, carrying it and, for the admin basis, the official total.
    func on(_ basis: Basis, _ state: ControlState) throws -> ControlState {
        guard basis == .admin else { return state.withNotReported(info) }
        var s = state.withNotReported(info)
        s.basis = .admin
        s.referenceAreaKm2 = try adminBasis().totalKm2
        return s
    }

    /// An admin-basis state with the front line's length of the land basis: the front is a line
    /// on land whatever the basis (measured on units with their waters, every coast of held land
    /// would count as front).
    func withLandFront(_ admin: ControlState, _ land: ControlState) -> ControlState {
        let front = Dictionary(land.regions.map { ($0.iso, $0.frontKm) }, uniquingKeysWith: { a, _ in a })
        var s = ControlState(date: admin.date, snapshotDate: admin.snapshotDate, source: admin.source, statuses: admin.statuses,
                             regions: admin.regions.map { r in
                                 RegionControl(iso: r.iso, names: r.names, areaKm2: r.areaKm2, km2: r.km2,
                                               sliverKm2: r.sliverKm2, frontKm: front[r.iso] ?? 0)
                             })
        (s.basis, s.referenceAreaKm2, s.abroad, s.notReported) = (admin.basis, admin.referenceAreaKm2, admin.abroad, admin.notReported)
        return s
    }
}
