import Foundation
import XCTest
import FrontlineSupport

/// The CSV's fixed decimals are printf's, digit for digit: random values, ties, negatives
/// rounding to zero, and the figures' own range.
final class FixedDecimalTests: XCTestCase {
    func testSameTextAsPrintf() {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 2.5, -0.04, -0.05, 0.0005, 0.0015, 1e11, -1e11, 1e13, .nan, .infinity,
                                114_820.55, 598_802.45, 19.1745, 99.9995]
        for _ in 0..<200_000 {
            let magnitude = pow(10, Double.random(in: -4...6, using: &rng))
            values.append(Double.random(in: -1...1, using: &rng) * magnitude)
            // Values on the 1e-1 and 1e-3 grids, where ties live.
            values.append(Double(Int.random(in: -2_000_000...2_000_000, using: &rng)) / 2000)
        }
        for v in values {
            for n in [0, 1, 3] {
                XCTAssertEqual(FixedDecimal.format(v, decimals: n), String(format: "%.\(n)f", v), "\(v) with \(n) decimals")
            }
        }
    }
}
