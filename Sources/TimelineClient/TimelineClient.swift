import Foundation
import NIOCore
import NIOPosix
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

/// A client of the daemon's socket, for `timelinectl` and tests.
public struct TimelineClient: Sendable {
    public let socketPath: String
    /// How long to wait for any answer before giving up; `nil` waits as long as it takes
    /// (for following a subscription).
    public var timeout: TimeAmount?

    public init(socketPath: String, timeout: TimeAmount? = .seconds(30)) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    /// Opens a connection, runs `body` with it, and closes it.
    ///
    /// - Throws: `ClientError` when the daemon cannot be reached or does not answer in time.
    public func withConnection<T: Sendable>(_ body: (ClientConnection) async throws -> T) async throws -> T {
        let timeout = self.timeout
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout ?? .seconds(30))
                .connect(unixDomainSocketPath: socketPath) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let timeout {
                            try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: timeout))
                        }
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(LineFrameDecoder(maxLineLength: 256 << 20))
                        )
                        try channel.pipeline.syncOperations.addHandler(ReadTimeout())
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as IOError {
            throw ClientError.cannotConnect(socketPath, String(cString: strerror(error.errnoCode)))
        } catch {
            throw ClientError.cannotConnect(socketPath, "\(error)")
        }
        return try await channel.executeThenClose { inbound, outbound in
            let connection = ClientConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(connection)
        }
    }

    /// One request on a connection of its own.
    public func call<P: Encodable & Sendable, R: Decodable & Sendable>(
        _ method: String,
        _ params: P,
        as: R.Type = R.self
    ) async throws -> R {
        try await withConnection { try await $0.call(method, params, as: R.self) }
    }
}

/// One open connection; requests on it are answered in order.
public final class ClientConnection {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var nextID: Int64 = 1

    init(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Sends a request and decodes its result.
    ///
    /// - Throws: `ClientError.server` with the daemon's error, or another `ClientError`.
    public func call<P: Encodable, R: Decodable>(_ method: String, _ params: P, as: R.Type = R.self) async throws -> R {
        let id = nextID
        nextID += 1
        var line = Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"#.utf8)
        let encoder = RPCResponseEncoder.makeEncoder()
        line += try encoder.encode(method)
        line += Array(#","params":"#.utf8)
        line += try encoder.encode(params)
        line += Array("}\n".utf8)
        try await send(line)
        let reply = try await readLine()
        let response: RPCResponse<R>
        do {
            response = try JSONDecoder().decode(RPCResponse<R>.self, from: Data(reply))
        } catch {
            throw ClientError.badResponse("cannot read the daemon's answer: \(error)")
        }
        if let error = response.error { throw ClientError.server(error) }
        guard let result = response.result else { throw ClientError.badResponse("answer has neither result nor error") }
        return result
    }

    /// The next notification the daemon pushes (after `subscribe`).
    public func nextNotification() async throws -> RPCNotification<NotificationParams> {
        let line = try await readLine()
        do {
            return try JSONDecoder().decode(RPCNotification<NotificationParams>.self, from: Data(line))
        } catch {
            throw ClientError.badResponse("cannot read the daemon's notification: \(error)")
        }
    }

    /// Sends raw bytes (tests use this for malformed requests).
    public func send(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// The next line from the daemon.
    public func readLine() async throws -> [UInt8] {
        do {
            guard let line = try await inbound.next() else { throw ClientError.closed }
            return Array(line.readableBytesView)
        } catch let error as ClientError {
            throw error
        } catch is ReadTimeout.TimedOut {
            throw ClientError.timedOut
        } catch {
            throw ClientError.closed
        }
    }
}

public enum ClientError: Error, CustomStringConvertible, Equatable {
    case cannotConnect(String, String)
    case timedOut
    case closed
    case badResponse(String)
    case server(RPCError)

    public var description: String {
        switch self {
        case .cannotConnect(let path, let why):
            return "cannot connect to \(path): \(why) (is timelined running?)"
        case .timedOut: return "the daemon did not answer in time"
        case .closed: return "the daemon closed the connection"
        case .badResponse(let why): return why
        case .server(let error): return error.message
        }
    }
}

/// Turns the idle event into an error the reader sees.
final class ReadTimeout: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    struct TimedOut: Error {}

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.fireErrorCaught(TimedOut())
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
