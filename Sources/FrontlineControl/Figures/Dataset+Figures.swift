import Foundation
import FrontlineSupport

/// Where a dataset's figures are kept and how they are used (see `FigureStore`): the dataset's
/// own `figures.bin` (bundled for the bundled snapshots, written by `storeFigures`, which
/// `import` runs), and a user cache for everything measured since (`$FRONTLINE_CACHE`, else
/// `$XDG_CACHE_HOME/frontline`, else `~/.cache/frontline`; one file per dataset folder).
/// `FRONTLINE_CACHE=off` measures everything and keeps nothing.
extension Dataset {
    static let figuresFileName = "figures.bin"

    /// The dataset's own store.
    public var figuresFile: URL { folder.appendingPathComponent(Self.figuresFileName) }

    /// The user cache's file for this dataset folder and the default rules, nil when the cache is off.
    public var figuresCacheFile: URL? { figuresCacheFile(figuresContext(SliverRule())) }

    /// The user cache's file for this dataset folder and a context: one file per pair, so
    /// figures under another sliver rule do not push out the default ones.
    func figuresCacheFile(_ context: UInt32) -> URL? {
        // getenv, not ProcessInfo: a test or a host program that sets the variable is heard.
        func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        if env("FRONTLINE_CACHE") == "off" { return nil }
        let dir: URL
        if let c = env("FRONTLINE_CACHE") { dir = URL(fileURLWithPath: c) }
        else if let x = env("XDG_CACHE_HOME") { dir = URL(fileURLWithPath: x).appendingPathComponent("frontline") }
        else { dir = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/frontline") }
        let id = Checksum.crc32Value(Data(folder.standardizedFileURL.path.utf8))
        return dir.appendingPathComponent(String(format: "figures-%08x-%08x.bin", id, context))
    }

    /// What the figures depend on besides each snapshot's bytes: the regions' and the
    /// baseline's bytes, which sources add the baseline, the measuring rules and the sliver rule.
    /// Computed once per process and rule (it reads the regions' 1.1 MB): a file edited while
    /// a command runs is seen by the next command.
    func figuresContext(_ rule: SliverRule, basis: Basis = .land) -> UInt32 {
        let id = "\(rule.halfWidthDegrees.bitPattern) \(rule.minimumKm2.bitPattern) \(basis.rawValue)"
        if let known = figureContexts.value[id] { return known }
        let context = computeFiguresContext(rule, basis: basis)
        figureContexts.update { $0[id] = context }
        return context
    }

    private func computeFiguresContext(_ rule: SliverRule, basis: Basis) -> UInt32 {
        var crc = Checksum.crc32Value(Data("rules \(ControlMeasurer.rulesVersion); sliver \(rule.halfWidthDegrees.bitPattern) \(rule.minimumKm2.bitPattern)".utf8))
        let regionsFile = basis == .admin ? info.adminBasis?.file ?? "-" : "regions.geojson"
        for name in [regionsFile, Baseline.fileName] {
            crc = Checksum.crc32Value(Data(name.utf8), start: crc)
            if let d = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { crc = Checksum.crc32Value(d, start: crc) }
        }
        let adding = info.sources.filter { $0.addsBaseline == true }.map(\.id).sorted().joined(separator: ",")
        return Checksum.crc32Value(Data("baseline for \(adding)".utf8), start: crc)
    }

    /// The store for `rule`: the dataset's figures and the user's cache, read once per
    /// process; nil when the cache is off.
    func figureStore(_ rule: SliverRule, basis: Basis = .land) -> FigureStore? {
        let context = figuresContext(rule, basis: basis)
        guard let cacheFile = figuresCacheFile(context), let set = try? regions(for: basis) else { return nil }
        return figureStores.update { stores -> FigureStore in
            if let s = stores[context] { return s }
            let isos = set.regions.map(\.iso)
            let store = FigureStore(context: context, isos: isos)
            for url in [figuresFile, cacheFile] {
                if let d = FileManager.default.contents(atPath: url.path), let s = FigureStore.decode(d, context: context, isos: isos) { store.merge(s) }
            }
            stores[context] = store
            return store
        }
    }

    /// Keeps what was measured since the store was read in the user cache. A cache that
    /// cannot be written costs time, never a figure: the failure is ignored.
    func saveFigures(_ store: FigureStore) {
        guard store.addedCount > 0, let url = figuresCacheFile(store.context) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? AtomicFile.write(store.encoded(), to: url)
    }

    /// Measures every snapshot not yet measured and writes the dataset's own `figures.bin`
    /// (what `import` runs; the bundled file is rebuilt the same way). Returns the entries written.
    @discardableResult
    public func storeFigures(progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> Int {
        let refs = timeline.all
        _ = try states(for: refs, sliverRule: SliverRule(), basis: .land, jobs: ProcessInfo.processInfo.activeProcessorCount, progress: progress)
        guard let store = figureStore(SliverRule()) else { return 0 }
        // Only the entries of snapshots the dataset holds now.
        let keep = Set(refs.compactMap(FigureStore.key))
        let own = FigureStore(context: store.context, isos: store.isos, entries: store.all.filter { keep.contains($0.key) })
        try AtomicFile.write(own.encoded(), to: figuresFile)
        return own.count
    }

    /// The figures of each snapshot: from the store where its bytes match an entry, else
    /// measured on `jobs` threads and stored.
    func states(for refs: [SnapshotRef], sliverRule: SliverRule, basis: Basis, jobs: Int,
                progress: @escaping @Sendable (Int, Int) -> Void) throws -> [SnapshotRef: ControlState] {
        let (set, rule) = (try regions(for: basis), self.rule(sliverRule, on: basis))
        guard let store = figureStore(rule, basis: basis) else {
            return try measureAll(refs, regions: set, sliverRule: rule, jobs: max(1, min(jobs, refs.count / 8)), progress: progress)
        }
        var known: [SnapshotRef: ControlState] = [:], keys: [SnapshotRef: FigureStore.Key] = [:], todo: [SnapshotRef] = []
        for ref in refs {
            if let key = FigureStore.key(ref) {
                keys[ref] = key
                if let e = store.entry(key) { known[ref] = e.state(ref, asOf: ref.date, regions: set); continue }
            }
            todo.append(ref)
        }
        guard !todo.isEmpty else { return known }
        let measured = try measureAll(todo, regions: set, sliverRule: rule, jobs: max(1, min(jobs, todo.count / 8)), progress: progress)
        for (ref, state) in measured {
            known[ref] = state
            // Stored only if the file is still the one the key was taken from.
            if let key = keys[ref], FigureStore.key(ref) == key { store.store(key, FigureStore.Entry(state)) }
        }
        saveFigures(store)
        return known
    }
}
