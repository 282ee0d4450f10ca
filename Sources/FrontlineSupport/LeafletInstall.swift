import Foundation

/// Where Leaflet is found: `$FRONTLINE_LEAFLET`, else where Debian's libjs-leaflet puts it.
/// The embed page inlines it and the server's viewer serves it; neither bundles a copy.
public enum LeafletInstall {
    public static let debianFolder = URL(fileURLWithPath: "/usr/share/javascript/leaflet")

    public static var folder: URL {
        ProcessInfo.processInfo.environment["FRONTLINE_LEAFLET"].map { URL(fileURLWithPath: $0) } ?? debianFolder
    }

    /// The sentence an error or a page shows when Leaflet is not there.
    public static func missing(_ folder: URL) -> String {
        "Leaflet is not installed at \(folder.path) (Debian's libjs-leaflet; scripts/setup.sh installs it)"
    }
}
