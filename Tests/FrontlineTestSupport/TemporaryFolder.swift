import Foundation

/// Folders for tests, all inside one folder per test process that is removed when the
/// process exits: a test run leaves nothing behind in the system's temporary folder (runs
/// used to leave some fifty folders each, imported stores and tile pyramids among them).
public enum TemporaryFolder {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("frontline-tests-\(ProcessInfo.processInfo.processIdentifier)")
        atexit { try? FileManager.default.removeItem(at: TemporaryFolder.root) }
        // Figures measured in tests go to a cache inside this folder, not the user's.
        if ProcessInfo.processInfo.environment["FRONTLINE_CACHE"] == nil {
            setenv("FRONTLINE_CACHE", url.appendingPathComponent("figures-cache").path, 1)
        }
        return url
    }()

    /// Sends the figures tests measure to a cache inside the test's folder (FRONTLINE_CACHE),
    /// not the user's: call before opening a dataset.
    public static func useTestCache() { _ = root }

    /// A new empty folder named `<prefix>-<UUID>`.
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
