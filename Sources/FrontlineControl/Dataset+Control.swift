import Foundation
import FrontlineGeo
import FrontlineSupport

extension Dataset {
    /// Control on `date` from the newest snapshot on or before it (of `source`, or of any).
    /// The figures come from the figure store when the snapshot's bytes match an entry.
    /// On the admin basis the regions are the administrative units and there is no coastline rule.
    public func control(asOf date: DayDate, source: String? = nil, sliverRule: SliverRule = SliverRule(),
                        basis: Basis = .land) throws -> ControlState {
        if basis == .admin {
            return withLandFront(try measured(asOf: date, source: source, sliverRule: sliverRule, basis: .admin),
                                 try measured(asOf: date, source: source, sliverRule: sliverRule, basis: .land))
        }
        return try measured(asOf: date, source: source, sliverRule: sliverRule, basis: basis)
    }

    private func measured(asOf date: DayDate, source: String?, sliverRule: SliverRule, basis: Basis) throws -> ControlState {
        let ref = try timeline.snapshot(asOf: date, source: source).ref
        let (set, rule) = (try regions(for: basis), self.rule(sliverRule, on: basis))
        let store = figureStore(rule, basis: basis), key = store == nil ? nil : FigureStore.key(ref)
        if let store, let key, let e = store.entry(key) { return try on(basis, e.state(ref, asOf: date, regions: set)) }
        let measurer = ControlMeasurer(regions: set, sliverRule: rule)
        measurer.jobs = ProcessInfo.processInfo.activeProcessorCount
        let state = try measurer.measure(snapshot(ref), asOf: date)
        if let store, let key, FigureStore.key(ref) == key {
            store.store(key, FigureStore.Entry(state))
            saveFigures(store)
        }
        return try on(basis, state)
    }

    /// The dates of a time series from `from` to `to`: every `everyDays` days, or, when nil,
    /// the dates of the snapshots in that period (and `from` itself).
    public func seriesDates(from: DayDate, to: DayDate, everyDays: Int?, source: String? = nil) throws -> [DayDate] {
        guard from <= to else { throw FrontlineError.usage("--from \(from) is after --to \(to)") }
        if let n = everyDays {
            guard n > 0 else { throw FrontlineError.usage("--every must be at least 1 day") }
            return stride(from: from.daysSinceEpoch, through: to.daysSinceEpoch, by: n).map(DayDate.init(daysSinceEpoch:))
        }
        let refs = source.map { timeline.bySource[$0] ?? [] } ?? timeline.all.filter(timeline.stands)
        let inside = refs.map(\.date).filter { $0 > from && $0 <= to }
        return [from] + Array(Set(inside)).sorted()
    }

    /// Control on each date. Each snapshot is read and measured once however many dates it
    /// covers; snapshots are measured on `jobs` threads, each with its own copy of the
    /// regions (GEOS geometries belong to one thread). `progress` gets (done, total) snapshots.
    public func series(_ dates: [DayDate], source: String? = nil, sliverRule: SliverRule = SliverRule(), basis: Basis = .land,
                       jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                       progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [ControlState] {
        let matches = try dates.map { try timeline.snapshot(asOf: $0, source: source).ref }
        var seen = Set<SnapshotRef>()
        let refs = matches.filter { seen.insert($0).inserted }
        let measured = try states(for: refs, sliverRule: sliverRule, basis: basis, jobs: jobs, progress: progress)
        let land = basis == .admin ? try states(for: refs, sliverRule: sliverRule, basis: .land, jobs: jobs, progress: progress) : measured
        return try zip(dates, matches).map { date, ref in
            let state = try on(basis, measured[ref]!.asOf(date))
            return basis == .admin ? withLandFront(state, land[ref]!) : state
        }
    }

    func measureAll(_ refs: [SnapshotRef], regions: RegionSet, sliverRule: SliverRule, jobs: Int,
                    progress: @escaping @Sendable (Int, Int) -> Void) throws -> [SnapshotRef: ControlState] {
        // Contiguous chunks: neighbouring days share most geometry, which the measurer's memo reuses.
        let chunk = (refs.count + jobs - 1) / jobs
        let portable = regions.regions.map { $0.portable() }
        let mine = Handoff(regions)  // used only when there is one job, on this thread
        let abroad = regions.abroad
        let done = Locked(0), failed = Locked(false)
        let chunks = try Parallel.map(jobs) { k -> [(SnapshotRef, ControlState)] in
            // Each worker measures on its own copy of the regions (GEOS belongs to one thread).
            var own = jobs == 1 ? mine.value : RegionSet(try portable.map { try $0.rebuilt() })
            own.abroad = abroad
            let measurer = ControlMeasurer(regions: own, sliverRule: sliverRule)
            var out: [(SnapshotRef, ControlState)] = []
            for ref in refs[min(refs.count, k * chunk)..<min(refs.count, (k + 1) * chunk)] {
                guard !failed.value else { break }
                do { out.append((ref, try measurer.measure(self.snapshot(ref)))) } catch {
                    failed.update { $0 = true }
                    throw error
                }
                done.update { n in n += 1; progress(n, refs.count) }  // in order, under the lock
            }
            return out
        }
        return Dictionary(uniqueKeysWithValues: chunks.joined().map { ($0.0, $0.1) })
    }
}

extension ControlState {
    /// The same figures standing for another requested date.
    func asOf(_ d: DayDate) -> ControlState {
        var s = ControlState(date: d, snapshotDate: snapshotDate, source: source, statuses: statuses, regions: regions)
        (s.basis, s.referenceAreaKm2, s.abroad, s.notReported) = (basis, referenceAreaKm2, abroad, notReported)
        return s
    }
}

extension Dataset {
    /// Control on `date` with the shapes a map draws: the value Render draws from. Figures and
    /// shapes come from the stores when the snapshot's bytes match (`FigureStore`, `ShapeStore`).
    public func measure(asOf date: DayDate, source: String? = nil, sliverRule: SliverRule = SliverRule()) throws -> ControlMeasurement {
        let ref = try timeline.snapshot(asOf: date, source: source).ref
        let key = figuresCacheFile == nil ? nil : FigureStore.key(ref)
        if let key, let shapes = storedShapes(ref, key: key, rule: sliverRule) {
            // The key in hand: no second read of the snapshot for the figures.
            let state = try figureStore(sliverRule)?.entry(key)?.state(ref, asOf: date, regions: regions)
                ?? control(asOf: date, source: source, sliverRule: sliverRule)
            return ControlMeasurement(state: state.withNotReported(info), geometry: shapes)
        }
        let measurer = ControlMeasurer(regions: regions, sliverRule: sliverRule)
        measurer.jobs = ProcessInfo.processInfo.activeProcessorCount
        let measured = try measurer.measureWithGeometry(try snapshot(ref), asOf: date)
        if let key, FigureStore.key(ref) == key {
            storeShapes(measured.geometry, ref, key: key, rule: sliverRule)
            if let store = figureStore(sliverRule) {
                store.store(key, FigureStore.Entry(measured.state))
                saveFigures(store)
            }
        }
        return ControlMeasurement(state: measured.state.withNotReported(info), geometry: measured.geometry)
    }
}

/// The measurements of dates in order, one at a time (a timelapse holds one frame's shapes,
/// not the period's), all from one measurer: regions the front did not touch between two
/// dates are measured once.
public final class MeasurementSequence {
    private let dataset: Dataset
    private let source: String?
    private let measurer: ControlMeasurer

    init(dataset: Dataset, source: String?) {
        self.dataset = dataset
        self.source = source
        measurer = ControlMeasurer(regions: dataset.regions)
    }

    /// The measurement standing for `date`.
    public func next(_ date: DayDate) throws -> ControlMeasurement {
        let match = try dataset.timeline.snapshot(asOf: date, source: source)
        let m = try measurer.measureWithGeometry(try dataset.snapshot(match.ref), asOf: date)
        return ControlMeasurement(state: m.state.withNotReported(dataset.info), geometry: m.geometry)
    }
}

extension Dataset {
    /// Measurements of a run of dates, from one measurer (see `MeasurementSequence`).
    public func measurements(source: String? = nil) -> MeasurementSequence {
        MeasurementSequence(dataset: self, source: source)
    }
}
