/// The tool's version: in `--version`, and in the provenance of every exported file.
public enum FrontlineVersion {
    public static let string = "0.1.0"
    public static var tool: String { "Frontline \(string)" }
}
