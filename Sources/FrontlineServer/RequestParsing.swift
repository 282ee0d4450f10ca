import Foundation
import FrontlineControl
import FrontlineGeo
import Hummingbird
import FrontlineSupport

/// Turning path and query text into values, with the HTTP answer for each kind of bad input:
/// 400 for what cannot be right, 404 for what does not exist.
enum RequestParsing {
    static let maxZoom = 14
    static let maxSide = 4096

    static func date(_ text: String) throws -> DayDate {
        guard let d = DayDate(text) else { throw HTTPError(.badRequest, message: "not a date: '\(text)' (expected YYYY-MM-DD)") }
        return d
    }

    /// `name.ext` split, with the extension checked against `allowed`.
    static func file(_ text: String, allowed: Set<String>) throws -> (name: String, ext: String) {
        guard let dot = text.lastIndex(of: "."), allowed.contains(String(text[text.index(after: dot)...])) else {
            throw HTTPError(.notFound, message: "unknown format in '\(text)': use \(allowed.sorted().joined(separator: ", "))")
        }
        return (String(text[..<dot]), String(text[text.index(after: dot)...]))
    }

    /// z, x and `y.png` or `y@2x.png` of a tile path.
    static func tile(z: String, x: String, y file: String) throws -> (tile: TileCoord, scale: Int) {
        let (name, _) = try self.file(file, allowed: ["png"])
        let scale = name.hasSuffix("@2x") ? 2 : 1
        let yText = scale == 2 ? String(name.dropLast(3)) : name
        guard let zi = Int(z), let xi = Int(x), let yi = Int(yText) else {
            throw HTTPError(.badRequest, message: "tile coordinates must be whole numbers: \(z)/\(x)/\(file)")
        }
        guard (0...maxZoom).contains(zi) else { throw HTTPError(.badRequest, message: "zoom \(zi) is outside 0...\(maxZoom)") }
        guard let t = TileCoord(z: zi, x: xi, y: yi) else {
            throw HTTPError(.badRequest, message: "tile \(zi)/\(xi)/\(yi) does not exist: x and y must be in 0...\((1 << zi) - 1)")
        }
        return (t, scale)
    }

    /// `basis=land|admin` (land when absent).
    static func basis(_ text: String?) throws -> Basis {
        guard let text else { return .land }
        guard let b = Basis(rawValue: text) else {
            throw HTTPError(.badRequest, message: "basis must be one of \(Basis.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
        }
        return b
    }

    /// `size=WxH`, each side 1...4096.
    static func size(_ text: String?) throws -> (Int, Int)? {
        guard let text else { return nil }
        let p = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard p.count == 2, (1...maxSide).contains(p[0]), (1...maxSide).contains(p[1]) else {
            throw HTTPError(.badRequest, message: "size must be WxH with sides 1...\(maxSide), got '\(text)'")
        }
        return (p[0], p[1])
    }

    /// A Frontline error as the HTTP error it stands for.
    static func http(_ error: Error) -> Error {
        guard let e = error as? FrontlineError else { return error }
        switch e {
        case .usage(let m): return HTTPError(.badRequest, message: m)
        case .missingInput(let m): return HTTPError(.notFound, message: m)
        case .badData(let m), .cannotWrite(let m), .ioError(let m): return HTTPError(.internalServerError, message: m)
        case .unavailable(let m): return HTTPError(.serviceUnavailable, message: m)
        }
    }
}
