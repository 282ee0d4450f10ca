import Foundation

/// Phase timings for finding where a command spends its time: with FRONTLINE_PROFILE=1 in
/// the environment each `mark` prints the milliseconds since the previous mark to stderr.
/// Off, a mark costs one branch.
public enum PhaseClock {
    public static let isOn = ProcessInfo.processInfo.environment["FRONTLINE_PROFILE"] == "1"
    private static let last = Locked(Date())

    public static func mark(_ phase: @autoclosure () -> String) {
        guard isOn else { return }
        let now = Date()
        var elapsed = 0.0
        last.update { elapsed = now.timeIntervalSince($0); $0 = now }
        let name = phase().padding(toLength: 28, withPad: " ", startingAt: 0)
        FileHandle.standardError.write(Data(String(format: "profile: %@ %6.1f ms\n", name, elapsed * 1000).utf8))
    }
}
