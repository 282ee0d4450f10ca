import Foundation
import XCTest
@testable import FrontlineControl
import FrontlineSupport

/// gzip inputs: every member of a multi-member file, and a limit on what they inflate to.
final class CompressedFileTests: XCTestCase {
    /// `command` run by bash in a new folder, which is returned.
    func shell(_ command: String) throws -> URL {
        let dir = Fixtures.tempFolder()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = dir
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, command)
        return dir
    }

    // A valid multi-member .gz (`cat a.gz b.gz`) was refused as truncated.
    func testEveryMemberIsRead() throws {
        let dir = try shell("printf 'hello ' | gzip > a.gz && printf 'world' | gzip > b.gz && cat a.gz b.gz > ab.gz")
        XCTAssertEqual(try CompressedFile.contents(of: dir.appendingPathComponent("ab.gz")), Data("hello world".utf8))
    }

    func testTrailingZerosArePadding() throws {
        let dir = try shell("printf 'hello' | gzip > a.gz && head -c 512 /dev/zero >> a.gz")
        XCTAssertEqual(try CompressedFile.contents(of: dir.appendingPathComponent("a.gz")), Data("hello".utf8))
    }

    func testTrailingBytesAreBadData() throws {
        let dir = try shell("printf 'hello' | gzip > a.gz && printf 'junk' >> a.gz")
        XCTAssertThrowsError(try CompressedFile.contents(of: dir.appendingPathComponent("a.gz"))) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 65)
        }
    }

    // A gzip bomb (4 MB holding 4 GiB of whitespace) was inflated whole into memory: refused
    // now once it passes the limit, before it takes more than the limit.
    func testABombIsRefusedAtTheLimit() throws {
        let mb = CompressedFile.maxInflatedBytes >> 20
        let dir = try shell("head -c \(mb + 8)M /dev/zero | tr '\\0' ' ' | gzip -1 > bomb.geojson.gz")
        XCTAssertThrowsError(try CompressedFile.contents(of: dir.appendingPathComponent("bomb.geojson.gz"))) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 65)
            XCTAssertTrue("\(e)".contains("inflates to more than \(mb) MB"), "\(e)")
        }
        // Just under the limit is read whole.
        let small = try shell("head -c 1000 /dev/zero | gzip > ok.gz")
        XCTAssertEqual(try CompressedFile.contents(of: small.appendingPathComponent("ok.gz"), limit: 1000).count, 1000)
        XCTAssertThrowsError(try CompressedFile.contents(of: small.appendingPathComponent("ok.gz"), limit: 999))
    }
}
