import ArgumentParser
import CStartup
import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// Where the CLI talks to people: warnings and errors on stderr, one line each.
enum Console {
    static func warn(_ message: String) { err("warning: \(message)\n") }

    static func note(_ message: String) { err("note: \(message)\n") }

    /// Says which older snapshot stood for a date without one: every command the same way, a
    /// warning when it is more than `AgeOptions.warnAfterDays` older (the front may have moved).
    static func noteSnapshot(_ state: ControlState) {
        guard state.snapshotAgeDays > 0 else { return }
        let text = "no \(state.source) snapshot on \(state.date); using \(state.snapshotDate) (\(state.snapshotAgeDays) days older)"
        if state.snapshotAgeDays > AgeOptions.warnAfterDays { warn(text + "; --max-age refuses such dates") } else { note(text) }
    }

    /// Writes a command's result to stdout. A write that fails (`> /dev/full`, stdout
    /// closed) is an I/O error, exit 74; a reader that went away (`| head`) ends the process
    /// quietly, as SIGPIPE does for any Unix tool.
    static func out(_ text: String) throws {
        if stdoutWasClosed { throw FrontlineError.ioError("cannot write the output: standard output is closed") }
        let failure = writeAll(1, Data(text.utf8))
        if failure == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        if failure != 0 { throw FrontlineError.ioError("cannot write the output: \(String(cString: strerror(failure)))") }
    }

    /// Messages for people; a stderr that cannot be written to loses them, nothing more
    /// (Foundation's FileHandle.write traps on a failed write).
    static func err(_ text: String) { _ = writeAll(2, Data(text.utf8)) }

    /// Writes every byte to `fd`; 0, or the errno of the write that failed.
    private static func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32 in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return errno }
                offset += n
            }
            return 0
        }
    }

    /// True when the process started with no stdout (`>&-`): CStartup's constructor then put
    /// /dev/null on descriptor 1 before any file could take it.
    private static var stdoutWasClosed: Bool { frontline_stdout_was_closed() != 0 }

    /// True when stderr is a terminal: only then are progress lines drawn.
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func progress(_ label: String, _ done: Int, _ total: Int) {
        guard stderrIsTerminal else { return }
        let end = done == total ? "\n" : ""
        err("\r\(label) \(done)/\(total)\(end)")
    }

    /// A per-file line: on a terminal it overwrites the previous one (a progress line, the
    /// last stays); elsewhere (a log) every line is kept.
    static func progressLine(_ text: String) {
        if stderrIsTerminal {
            err("\r\u{1B}[K\(text)")
        } else {
            err("\(text)\n")
        }
    }

    /// Ends a run of progress lines on a terminal.
    static func endProgress() {
        if stderrIsTerminal { err("\n") }
    }

    static func error(_ e: FrontlineError) { err("error: \(e.description)\n") }

    /// Runs a subcommand body: a Frontline or Geo error becomes one line on stderr and the
    /// matching exit code, never a stack trace.
    static func run(_ body: () throws -> Void) throws {
        PhaseClock.mark("start")
        defer { PhaseClock.mark("done") }
        do {
            try body()
        } catch let e as FrontlineError {
            error(e)
            throw ExitCode(e.exitCode)
        } catch let e as GeoError {
            err("error: \(e.description)\n")
            throw ExitCode(65)
        }
    }
}
