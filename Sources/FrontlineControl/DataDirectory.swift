import Foundation
import FrontlineSupport

/// Finds the dataset folder: `--data-dir`, else `$FRONTLINE_DATA`, else the bundled
/// `GeoData/` found beside the executable (searching upwards, so `.build/release/frontline`
/// finds the checkout's GeoData) or under the current directory.
public enum DataDirectory {
    public static let environmentVariable = "FRONTLINE_DATA"

    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        if let explicit { return try datasetFolder(in: URL(fileURLWithPath: explicit), said: "--data-dir") }
        if let env = environment[environmentVariable], !env.isEmpty {
            return try datasetFolder(in: URL(fileURLWithPath: env), said: "$\(environmentVariable)")
        }
        for start in searchStarts() {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("GeoData")
                if let found = try? datasetFolder(in: candidate, said: "") { return found }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw FrontlineError.missingInput("cannot find the bundled GeoData folder; pass --data-dir DIR or set $\(environmentVariable)")
    }

    /// A folder holding `dataset.json`, or a GeoData folder holding one dataset folder (no
    /// dataset is named here: which one is bundled is the GeoData folder's business).
    static func datasetFolder(in url: URL, said: String) throws -> URL {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.appendingPathComponent("dataset.json").path) { return url.standardizedFileURL }
        let nested = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted().filter { !$0.hasPrefix(".") }
            .map { url.appendingPathComponent($0) }
            .filter { fm.fileExists(atPath: $0.appendingPathComponent("dataset.json").path) }
        if nested.count == 1 { return nested[0].standardizedFileURL }
        if nested.count > 1 {
            throw FrontlineError.usage("\(said) \(url.path) holds several datasets (\(nested.map(\.lastPathComponent).joined(separator: ", "))); name one with --data-dir")
        }
        throw FrontlineError.missingInput("\(said) \(url.path) holds no dataset.json, nor a folder with one")
    }

    private static func searchStarts() -> [URL] {
        var starts: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        starts.append(exe.deletingLastPathComponent())
        if let main = Bundle.main.executableURL { starts.append(main.deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return starts
    }
}
