import Foundation
import FrontlineControl
import Hummingbird

/// Assembles the HTTP application (`frontline serve`): routes on a router, a tile cache of
/// `cacheMB` megabytes, bound to `host:port` (127.0.0.1 by default: not open to the network
/// unless asked).
public enum FrontlineServer {
    public static func buildApplication(dataset: Dataset, host: String = "127.0.0.1", port: Int = 8080,
                                        cacheMB: Int = 256) -> some ApplicationProtocol {
        let router = Router()
        Routes(service: MapService(dataset: dataset), tiles: TileCache(megabytes: cacheMB)).add(to: router)
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "frontline"))
    }
}
