import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FrontlineSupport

/// GET over HTTP(S) with URLSession (libcurl on Linux): a body, or "not there" for a 404;
/// anything else (no connection, a dropped one, another status) is `unavailable`, exit 69.
public struct HTTPFetcher: Sendable {
    public var timeout: TimeInterval = 60

    public init() {}

    public enum Answer: Sendable {
        case body(Data)
        case notFound
    }

    public func get(_ url: URL) throws -> Answer {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("Frontline/\(FrontlineVersion.string)", forHTTPHeaderField: "User-Agent")
        let result = Locked<Result<(Data, Int), Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let session = URLSession(configuration: .ephemeral)
        session.dataTask(with: request) { data, response, error in
            if let error {
                result.update { $0 = .failure(error) }
            } else {
                result.update { $0 = .success((data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0)) }
            }
            done.signal()
        }.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        switch result.value! {
        case .failure(let e):
            throw FrontlineError.unavailable("cannot fetch \(url.absoluteString): \(e.localizedDescription) (offline, or the connection dropped?)")
        case .success((let data, let status)):
            if status == 404 { return .notFound }
            guard status == 200 else { throw FrontlineError.unavailable("\(url.absoluteString) answered HTTP \(status)") }
            return .body(data)
        }
    }
}
