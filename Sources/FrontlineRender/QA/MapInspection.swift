import Foundation
import FrontlineGeo

/// What the map QA matrix (`scripts/qa-maps.sh`) learns of one picture, from what the
/// renderer placed rather than by eye: the rules a picture broke, and a few measures for the
/// contact sheet. Written as JSON by `render --qa-report` and `diff --qa-report`.
public struct MapInspection: Sendable {
    public struct Violation: Sendable {
        /// The rule, a short stable name: "text-small", "panel-over-data", ...
        public let check: String
        public let detail: String
    }

    public var violations: [Violation] = []
    /// Counts and shares for the contact sheet (texts placed, panels' data cover, ...).
    public var facts: [(String, Double)] = []

    mutating func fail(_ check: String, _ detail: String) { violations.append(Violation(check: check, detail: detail)) }

    public var json: String {
        JSONOut.object([
            ("violations", .array(violations.map { .object([("check", .string($0.check)), ("detail", .string($0.detail))]) })),
            ("facts", .object(facts.map { ($0.0, .fixed($0.1, decimals: 3)) })),
        ]).text + "\n"
    }
}
