import Foundation
import FrontlineSupport

/// Change figures measured once (`ChangeFigureStore`), kept in the user cache beside the
/// snapshot figures (`changes-<folder>-<context>.bin`); off with the figure cache.
extension Dataset {
    func changeStore(_ rule: SliverRule) -> ChangeFigureStore? {
        let context = figuresContext(rule)
        guard let file = changesCacheFile(context) else { return nil }
        return changeStores.update { stores -> ChangeFigureStore in
            if let s = stores[context] { return s }
            let isos = regions.regions.map(\.iso)
            let store = FileManager.default.contents(atPath: file.path).flatMap { ChangeFigureStore.decode($0, context: context, isos: isos) }
                ?? ChangeFigureStore(context: context, isos: isos)
            stores[context] = store
            return store
        }
    }

    func changesCacheFile(_ context: UInt32) -> URL? {
        figuresCacheFile(context).map { f in
            f.deletingLastPathComponent().appendingPathComponent(f.lastPathComponent.replacingOccurrences(of: "figures-", with: "changes-"))
        }
    }

    /// The figures of the change from `from` to `to` on the land basis, without its shapes:
    /// from the store where both snapshots' bytes match an entry, else measured and stored.
    public func changeFigures(from: DayDate, to: DayDate, fromSource: String? = nil, toSource: String? = nil,
                              sliverRule: SliverRule = SliverRule(), filter: ChangeFilter = ChangeFilter()) throws -> ChangeSet {
        guard from <= to else { throw FrontlineError.usage("--from \(from) is after --to \(to); swap them") }
        let a = try timeline.snapshot(asOf: from, source: fromSource).ref, b = try timeline.snapshot(asOf: to, source: toSource).ref
        let store = changeStore(sliverRule)
        let key = store == nil ? nil : FigureStore.key(a).flatMap { ka in
            FigureStore.key(b).map { ChangeFigureStore.Key(from: ka, to: $0, filterBits: filter.halfWidthDegrees.bitPattern) }
        }
        if let store, let key, let e = store.entry(key) {
            return e.changeSet(a, b, from: from, to: to, regions: regions, filter: filter)
        }
        let measured = try change(from: from, to: to, fromSource: fromSource, toSource: toSource, sliverRule: sliverRule, filter: filter).changes
        if let store, let key, FigureStore.key(a) == key.from, FigureStore.key(b) == key.to {
            store.store(key, ChangeFigureStore.Entry(measured))
            if let file = changesCacheFile(store.context) {
                try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? AtomicFile.write(store.encoded(), to: file)
            }
        }
        return measured
    }
}
