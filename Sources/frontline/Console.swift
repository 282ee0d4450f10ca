import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineGeo

/// Where the CLI talks to people: warnings and errors on stderr, one line each.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("note: \(message)\n".utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// True when stderr is a terminal: only then are progress lines drawn.
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func progress(_ label: String, _ done: Int, _ total: Int) {
        guard stderrIsTerminal else { return }
        let end = done == total ? "\n" : ""
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\(end)".utf8))
    }

    /// A per-file line: on a terminal it overwrites the previous one (a progress line, the
    /// last stays); elsewhere (a log) every line is kept.
    static func progressLine(_ text: String) {
        if stderrIsTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        } else {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
        }
    }

    /// Ends a run of progress lines on a terminal.
    static func endProgress() {
        if stderrIsTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func error(_ e: FrontlineError) {
        FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
    }

    /// Runs a subcommand body: a Frontline or Geo error becomes one line on stderr and the
    /// matching exit code, never a stack trace.
    static func run(_ body: () throws -> Void) throws {
        PhaseClock.mark("start")
        defer { PhaseClock.mark("done") }
        do {
            try body()
        } catch let e as FrontlineError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode(e.exitCode)
        } catch let e as GeoError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode(65)
        }
    }
}
