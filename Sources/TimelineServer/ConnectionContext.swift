import NIOCore
import Synchronization

/// What a request handler may do with the connection a request came on,
/// beyond answering it: stream lines to it afterwards (subscriptions).
public final class ConnectionContext: Sendable {
    /// Writes lines to the connection until it returns; it is cancelled when the connection closes.
    public typealias Stream = @Sendable (_ send: @Sendable ([UInt8]) async throws -> Void) async throws -> Void

    private let channel: any Channel
    private let pending = Mutex<[Stream]>([])
    /// Subscription ids opened on this connection, for the handler's bookkeeping.
    public let subscriptions = Mutex<Set<Int>>([])

    init(channel: any Channel) { self.channel = channel }

    /// Starts `stream` once the current response has been written. The
    /// connection is then exempt from the idle timeout: a quiet feed is not an idle client.
    public func startStreaming(_ stream: @escaping Stream) {
        pending.withLock { $0.append(stream) }
        channel.pipeline.removeHandler(name: TimelineServer.idleHandlerName, promise: nil)
    }

    func takePending() -> [Stream] {
        pending.withLock { p in
            defer { p.removeAll() }
            return p
        }
    }
}
