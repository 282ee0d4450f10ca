import Foundation
import FrontlineControl
import Hummingbird

/// Assembles the HTTP application (`frontline serve`): routes on a router, a tile cache of
/// `cacheMB` megabytes, bound to `host:port` (127.0.0.1 by default: not open to the network
/// unless asked), idle connections closed after `idleTimeout` seconds. `warmUp` builds the
/// newest date's tile world while the server starts (see `MapService.warmUp`). `publicURL`
/// is the origin written into TileJSON and style URLs (the request's Host when nil).
public enum FrontlineServer {
    public static func buildApplication(dataset: Dataset, host: String = "127.0.0.1", port: Int = 8080,
                                        cacheMB: Int = 256, idleTimeout: Int = 15, warmUp: Bool = false,
                                        publicURL: String? = nil) throws -> some ApplicationProtocol {
        // HEAD is answered as GET is, headers and all, without the body.
        let router = Router(options: .autoGenerateHeadEndpoints)
        let origin = try PublicOrigin(publicURL)
        let service = try MapService(dataset: dataset)
        if warmUp { service.warmUp() }
        Routes(service: service, tiles: TileCache(megabytes: cacheMB), origin: origin).add(to: router)
        // A connection that sends nothing for `idleTimeout` seconds is closed, one whose request
        // head never ends included: 3,000 half-sent requests would otherwise stay open forever.
        return Application(router: router, server: .http1Closing(idleTimeout: .seconds(Int64(idleTimeout))),
                           configuration: .init(address: .hostname(host, port: port), serverName: "frontline"))
    }
}
