import Foundation
import XCTest
import FrontlineTestSupport

/// Runs the built `frontline` binary as a user would, capturing exit code and both streams.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The binary beside the test bundle (`.build/<config>/frontline`).
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("frontline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/frontline")
    }

    /// A new empty folder, removed when the test process exits.
    static func tempDir() throws -> URL {
        try TemporaryFolder.make("frontline-cli")
    }

    /// A bundled snapshot as a file (the bundle keeps its snapshots in packs):
    /// `frontline snapshots --export` into a new folder.
    static func bundledSnapshot(_ source: String, _ date: String) throws -> URL {
        let out = try tempDir()
        let r = try run(["snapshots", "--export", out.path, "--source", source, "--from", date, "--to", date])
        XCTAssertEqual(r.status, 0, r.stderr)
        return out.appendingPathComponent("\(source)/\(date).geojson")
    }

    /// Runs the binary with `args`, or, given `shell`, that bash command line instead (for
    /// redirections a Pipe cannot make: `> /dev/full`, `>&-`).
    static func run(_ args: [String], environment: [String: String] = [:], cwd: URL? = nil, shell: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = shell == nil ? binary : URL(fileURLWithPath: "/bin/bash")
        p.arguments = shell.map { ["-c", $0] } ?? args
        _ = try TemporaryFolder.make("cli")  // sets FRONTLINE_CACHE: figures the runs measure stay in the test's folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "FRONTLINE_DATA")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.currentDirectoryURL = cwd ?? FileManager.default.temporaryDirectory
        // Both streams go to files, not pipes: reading one pipe to its end while the child
        // fills the other past 64 KiB would leave both waiting for ever.
        let folder = try TemporaryFolder.make("cli-streams")
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        let o = try Data(contentsOf: outURL), e = try Data(contentsOf: errURL)
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
