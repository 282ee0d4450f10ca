/// The kinds of picture a canvas can produce.
public enum OutputFormat: String, CaseIterable, Sendable {
    case png, svg, pdf

    /// From a file name's extension ("map.PNG" → .png); nil for anything else.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }

    public var mimeType: String {
        switch self {
        case .png: return "image/png"
        case .svg: return "image/svg+xml"
        case .pdf: return "application/pdf"
        }
    }
}
