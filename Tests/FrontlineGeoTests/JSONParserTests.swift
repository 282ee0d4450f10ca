import Foundation
import XCTest
@testable import FrontlineGeo

final class JSONParserTests: XCTestCase {
    func parse(_ s: String) throws -> JSONValue { try JSONParser.parse(Data(s.utf8)) }

    func testScalarsAndContainers() throws {
        let v = try parse(#"{"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}}"#)
        XCTAssertEqual(v["a"], .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        XCTAssertEqual(v["b"]?["c"], .string("d"))
    }

    func testNumbersAreCorrectlyRounded() throws {
        // Fast path (few digits) and slow path (many digits, exponents) must agree with Swift's parser.
        for text in ["35.498759", "-0.000001", "48.2834567891234", "0.1", "123456789012345678", "1.7976931348623157e308",
                     "4.9e-324", "37.18000000000001", "0", "-0"] {
            XCTAssertEqual(try parse(text), .number(Double(text)!), text)
        }
    }

    func testStringEscapesAndUnicode() throws {
        XCTAssertEqual(try parse(#""a\"b\\c\/d\n\u0414\u043e""#), .string("a\"b\\c/d\nДо"))
        XCTAssertEqual(try parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(try parse("\"Донецька\""), .string("Донецька"))
    }

    func testCoordinatesBecomePositionBuffers() throws {
        let v = try parse(#"{"coordinates": [[[0, 0], [1, 0, 5], [1, 1], [0, 0]]]}"#)
        XCTAssertEqual(v["coordinates"], .coordinates(.list([.positions([
            Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 0),
        ])])))
    }

    func testErrorsSayWhere() {
        XCTAssertThrowsError(try parse("{\"a\": [1, 2")) { e in
            XCTAssertTrue("\(e)".contains("truncated"), "\(e)")
        }
        XCTAssertThrowsError(try parse("{\n  \"a\": NaN\n}")) { e in
            XCTAssertTrue("\(e)".contains("line 2"), "\(e)")
        }
        XCTAssertThrowsError(try parse("[1] x"))
        XCTAssertThrowsError(try parse("[1,]"))
        XCTAssertThrowsError(try parse("{\"a\" 1}"))
        XCTAssertThrowsError(try parse("\"unterminated"))
        XCTAssertThrowsError(try parse("01"))
        XCTAssertThrowsError(try parse(""))
    }

    // Fault: 37,408 nested arrays crashed the recursive parser (SIGSEGV, exit 139).
    func testDeepNestingIsAnErrorNotACrash() {
        let cases = [String(repeating: "[", count: 37_408) + String(repeating: "]", count: 37_408),
                     String(repeating: "{\"a\":", count: 30_800) + "1" + String(repeating: "}", count: 30_800),
                     "{\"coordinates\":" + String(repeating: "[", count: 40_000) + "]",
                     String(repeating: "[", count: 1 << 20)]
        for text in cases {
            XCTAssertThrowsError(try parse(text)) { e in
                XCTAssertTrue("\(e)".contains("nested deeper than 512"), "\(e)")
            }
        }
    }

    // The limit sits far above real files and leaves room on a worker thread's stack.
    func testNestingUpToTheLimitParsesOnAWorkerThread() {
        let depth = JSONParser.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let done = expectation(description: "parsed")
        DispatchQueue.global().async {
            let atLimit = (try? JSONParser.parse(Data(text.utf8))) != nil
            let beyond = (try? JSONParser.parse(Data(("[" + text + "]").utf8))) != nil
            XCTAssertTrue(atLimit, "\(depth) levels parse")
            XCTAssertFalse(beyond, "\(depth + 1) levels are refused")
            done.fulfill()
        }
        wait(for: [done], timeout: 30)
    }
}
