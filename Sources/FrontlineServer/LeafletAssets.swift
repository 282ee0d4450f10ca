import Foundation
import FrontlineSupport
import Hummingbird

/// `/leaflet/leaflet.js`, `/leaflet/leaflet.css` and `/leaflet/images/*.png`: the viewer's
/// Leaflet, read from where Debian's libjs-leaflet installs it (`LeafletInstall`). Only those
/// names are served: a request cannot reach any other file of the folder or outside it.
struct LeafletAssets {
    let folder: URL

    init(folder: URL = LeafletInstall.folder) { self.folder = folder }

    /// The content type of one of Leaflet's files, or nil for any other name.
    static func type(_ path: String) -> String? {
        switch path {
        case "leaflet.js": return "text/javascript; charset=utf-8"
        case "leaflet.css": return "text/css; charset=utf-8"
        case _ where isImage(path): return "image/png"
        default: return nil
        }
    }

    /// `images/NAME.png` with NAME of letters, digits and dashes only.
    static func isImage(_ path: String) -> Bool {
        guard path.hasPrefix("images/"), path.hasSuffix(".png") else { return false }
        let name = path.dropFirst("images/".count).dropLast(".png".count)
        return !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    func add(to router: Router<BasicRequestContext>) {
        let serve: @Sendable (String) throws -> Response = { path in
            guard let type = Self.type(path) else { throw HTTPError(.notFound, message: "\(path) is not one of Leaflet's files") }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                throw HTTPError(.notFound, message: LeafletInstall.missing(folder))
            }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=86400"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/leaflet/{file}") { _, context in try serve(try context.parameters.require("file")) }
        router.get("/leaflet/images/{file}") { _, context in try serve("images/" + (try context.parameters.require("file"))) }
    }
}
