import Foundation
import FrontlineGeo

/// Data checks on a source's snapshots, for archives with real defects: a snapshot whose
/// occupied area jumps against both neighbours (a spike: a drawing error, not a front), and a
/// snapshot that leaves the baseline (territory held before 2022) largely uncovered although
/// its source claims to include it. One line per problem.
public struct SnapshotCheck {
    /// A jump counts when it exceeds this share of the neighbours' mean area (or 2,000 km²).
    /// 30 %: the real peak of 24 March 2022 stands 23 % above its fortnightly neighbours; the
    /// archives' errors are far larger (a false 750,858 km² in NZZ's series, DeepState exports
    /// of spring 2022 at a seventh of the real area).
    public var jumpShare = 0.30
    public var minimumJumpKm2 = 2_000.0
    /// Share of the baseline a complete snapshot must cover.
    public var baselineCover = 0.95

    public init() {}

    public struct Problem: CustomStringConvertible {
        public let source: String
        public let date: DayDate
        public let message: String
        public var description: String { "\(source) \(date): \(message)" }
    }

    /// Checks every snapshot of `source` (or of every source) in a dataset.
    public func run(_ dataset: Dataset, source: String? = nil) throws -> [Problem] {
        var problems: [Problem] = []
        let baseline = try dataset.baselinePolygons().map { try BaselineSample(try Geometry.multiPolygon(coordinates: $0)) }
        for s in source.map({ [$0] }) ?? dataset.timeline.sources {
            let refs = dataset.timeline.bySource[s] ?? []
            let areas = try dataset.series(refs.map(\.date), source: s).map { $0.km2(.occupied) }
            let adds = dataset.info.sources.first { $0.id == s }?.addsBaseline == true
            for ref in refs where !adds {
                if let baseline, let p = try baselineProblem(try dataset.snapshot(ref), baseline) { problems.append(p) }
            }
            problems += spikes(s, refs.map(\.date), areas)
        }
        return problems.sorted { ($0.date, $0.source) < ($1.date, $1.source) }
    }

    /// Checks snapshots read straight from outside files (`frontline snapshots --check PATH`),
    /// measured against `regions`, in date order.
    public func run(_ snapshots: [Snapshot], regions: RegionSet, baseline: Geometry?) throws -> [Problem] {
        let sorted = snapshots.sorted { $0.date < $1.date }
        let measurer = ControlMeasurer(regions: regions)
        let areas = try sorted.map { try measurer.measure($0).km2(.occupied) }
        let sample = try baseline.map { try BaselineSample($0) }
        var problems = try sample.map { b in try sorted.compactMap { try baselineProblem($0, b) } } ?? []
        problems += spikes(sorted.first?.source ?? "", sorted.map(\.date), areas)
        return problems.sorted { ($0.date, $0.source) < ($1.date, $1.source) }
    }

    func baselineProblem(_ s: Snapshot, _ baseline: BaselineSample) throws -> Problem? {
        guard let occupied = s.layers[.occupied], let covered = try baseline.cover(occupied) else {
            return s.layers[.occupied] == nil ? problem(s, covered: 0) : nil
        }
        return covered < baselineCover ? problem(s, covered: covered) : nil
    }

    private func problem(_ s: Snapshot, covered: Double) -> Problem {
        Problem(source: s.source, date: s.date, message: String(
            format: "covers %.0f %% of the territory held before 2022 (expected at least %.0f %%): incomplete export?",
            100 * covered, 100 * baselineCover))
    }

    /// Snapshots whose area differs from both neighbours in the same direction by more than
    /// the threshold.
    func spikes(_ source: String, _ dates: [DayDate], _ areas: [Double]) -> [Problem] {
        guard areas.count >= 3 else { return [] }
        var out: [Problem] = []
        for i in 1..<(areas.count - 1) {
            let before = areas[i] - areas[i - 1], after = areas[i] - areas[i + 1]
            let limit = max(minimumJumpKm2, jumpShare * (areas[i - 1] + areas[i + 1]) / 2)
            if abs(before) > limit && abs(after) > limit && (before > 0) == (after > 0) {
                out.append(Problem(source: source, date: dates[i], message: String(
                    format: "occupied area %.0f km² jumps against its neighbours (%.0f and %.0f km²)", areas[i], areas[i - 1], areas[i + 1])))
            }
        }
        return out
    }
}
