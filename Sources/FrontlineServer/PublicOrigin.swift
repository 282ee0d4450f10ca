import Foundation
import FrontlineSupport
import Hummingbird

/// The origin (scheme, host, port) written into URLs the server hands out (TileJSON, styles).
/// A configured `--public-url` is used as it is; without one, the request's Host header,
/// accepted only when it is a plain host name or address with an optional port, and the
/// answer then varies by Host (`Vary: Host`), so that a shared cache never gives one client's
/// Host to another. A forged Host (a quote, a path, a space) is a 400, never echoed.
struct PublicOrigin: Sendable {
    /// `https://maps.example.org` or `https://example.org/frontline`, no trailing slash.
    let configured: String?

    init(_ url: String?) throws {
        guard let url else { configured = nil; return }
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        guard Self.isOrigin(trimmed) else {
            throw FrontlineError.usage("--public-url must be an http(s) address of a host and a plain path, got '\(url)'")
        }
        configured = trimmed
    }

    /// The origin for `request`, and whether it came from the Host header.
    func origin(for request: Request) throws -> (url: String, fromHost: Bool) {
        if let configured { return (configured, false) }
        // HTTP/1's Host becomes the authority; a Host field left as a field counts the same.
        let host = request.head.authority ?? request.headers[Self.hostField] ?? "127.0.0.1"
        guard Self.isHost(host) else { throw HTTPError(.badRequest, message: "the Host header is not a host name") }
        return ("http://\(host)", true)
    }

    static let hostField = HTTPFields.Element.Name("Host")!

    /// `name`, `1.2.3.4` or `[::1]`, each with an optional `:port`.
    static func isHost(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 255 else { return false }
        var name = Substring(text)
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            guard name[name.index(after: name.startIndex)..<close].allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") }) else { return false }
            name = name[name.index(after: close)...]
            return name.isEmpty || isPort(name)
        }
        if let colon = name.lastIndex(of: ":") {
            guard isPort(name[colon...]) else { return false }
            name = name[..<colon]
        }
        return !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }

    private static func isPort(_ text: Substring) -> Bool {
        let digits = text.dropFirst()
        return text.first == ":" && (1...5).contains(digits.count) && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// An http(s) origin with an optional path of plain characters.
    static func isOrigin(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else { return false }
        let host = rest.prefix { $0 != "/" }, path = rest.dropFirst(host.count)
        return isHost(String(host)) && path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/-._~".contains($0)) }
    }
}
