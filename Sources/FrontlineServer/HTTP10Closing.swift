import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel, with one handler more: a request that does not ask to keep
/// its connection (HTTP/1.0 without `Connection: keep-alive`, or any `Connection: close`
/// whatever its case) is marked `connection: close`, which is what Hummingbird looks for to
/// close after the answer. Hummingbird reads the request as HTTP types, which have no version:
/// an HTTP/1.0 client was left waiting the idle timeout (15 s) for the end of its answer.
struct HTTP1ClosingChannel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel
    var responder: Responder { inner.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        inner.setup(channel: channel, logger: logger).map { value in
            // Right after NIO's request decoder, which hands on whole HTTP/1 request heads
            // (with their version) before Hummingbird turns them into HTTP types. Should the
            // decoder not be found (another NIO), connections are kept as before.
            let ops = channel.pipeline.syncOperations
            if let decoder = try? ops.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) {
                try? ops.addHandler(CloseUnlessKeptAlive(), position: .after(decoder))
            }
            return value
        }
    }

    func handle(value: Value, logger: Logger) async { await inner.handle(value: value, logger: logger) }
}

/// Marks a request head that does not keep its connection as `connection: close`.
final class CloseUnlessKeptAlive: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}

extension HTTPServerBuilder {
    /// `.http1` whose connections close after a request that does not keep them.
    static func http1Closing(idleTimeout: TimeAmount) -> HTTPServerBuilder {
        .init { responder in
            HTTP1ClosingChannel(inner: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: idleTimeout)))
        }
    }
}
