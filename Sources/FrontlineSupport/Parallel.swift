import Dispatch

/// The one way Frontline spreads work over cores: `map` runs a body per index on up to that
/// many threads; `split` deals weighted items into two bins for two threads.
public enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, concurrently; the results in index order, or
    /// the first error thrown (the other bodies still run to their end).
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let results = Locked([T?](repeating: nil, count: count))
        let failure = Locked<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            do {
                let r = try body(i)
                results.update { $0[i] = r }
            } catch {
                failure.update { if $0 == nil { $0 = error } }
            }
        }
        if let e = failure.value { throw e }
        return results.value.map { $0! }
    }

    /// The indices of `weights` dealt into two bins of about equal total weight, the heaviest
    /// first, each to the lighter bin: the load split of every two-thread step.
    public static func split(_ weights: [Int]) -> [[Int]] {
        var bins: [[Int]] = [[], []], load = [0, 0]
        for i in weights.indices.sorted(by: { weights[$0] > weights[$1] }) {
            let b = load[0] <= load[1] ? 0 : 1
            bins[b].append(i)
            load[b] += weights[i]
        }
        return bins
    }
}

/// A value that one thread hands to another, which alone uses it from then on: a GEOS
/// geometry, a Cairo canvas, a PROJ object. The compiler cannot prove that promise; this type
/// says where it is made, and nothing else may cross threads unchecked.
// @unchecked: sound only while each value is used by one thread at a time (the promise above).
public final class Handoff<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}
