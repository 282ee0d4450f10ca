import CCurl
import Foundation
import FrontlineSupport

/// GET over HTTP(S) with libcurl, loaded when the first fetch is made (see CCurl: linked at
/// start, as URLSession links it, it cost every command 6 ms). A body, or "not there" for a
/// 404; anything else (no connection, a dropped one, another status) is `unavailable`, exit 69.
public struct HTTPFetcher: Sendable {
    public var timeout: TimeInterval = 60

    public init() {}

    public enum Answer: Sendable {
        case body(Data)
        case notFound
    }

    public func get(_ url: URL) throws -> Answer {
        if let why = fl_curl_load() { throw FrontlineError.unavailable(String(cString: why)) }
        var response = fl_curl_response()
        fl_curl_get(url.absoluteString, "Frontline/\(FrontlineVersion.string)", max(1, Int(timeout.rounded(.up))), &response)
        defer { fl_curl_free_body(&response) }
        guard response.code == 0 else {
            let why = withUnsafeBytes(of: response.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw FrontlineError.unavailable("cannot fetch \(url.absoluteString): \(why) (offline, or the connection dropped?)")
        }
        if response.status == 404 { return .notFound }
        guard response.status == 200 else { throw FrontlineError.unavailable("\(url.absoluteString) answered HTTP \(response.status)") }
        return .body(response.body.map { Data(bytes: $0, count: response.length) } ?? Data())
    }
}
