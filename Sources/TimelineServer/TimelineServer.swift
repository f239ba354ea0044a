import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The JSON-RPC server on a Unix stream socket: one JSON object per line each way.
///
/// Requests on one connection are answered in order; each connection is its
/// own child task, so a slow client stalls only itself.
public struct TimelineServer: Service {
    public struct Configuration: Sendable {
        public enum Listen: Sendable {
            /// Create the socket at this path with this mode (replacing a stale socket).
            case path(String, mode: UInt32)
            /// Use a socket already bound and listening (systemd socket activation).
            case adopt(Int32)
        }

        public var listen: Listen
        /// Longest request line, in bytes.
        public var maxLineLength: Int
        /// Connections beyond this are answered with an error and closed.
        public var maxConnections: Int
        /// A connection that sends nothing for this long is closed.
        public var idleTimeout: TimeAmount
        /// Which peers are served (SO_PEERCRED); by default everyone who can connect.
        public var peers: PeerPolicy

        public init(
            listen: Listen,
            maxLineLength: Int = 1 << 20,
            maxConnections: Int = 256,
            idleTimeout: TimeAmount = .seconds(300),
            peers: PeerPolicy = PeerPolicy()
        ) {
            self.listen = listen
            self.maxLineLength = maxLineLength
            self.maxConnections = maxConnections
            self.idleTimeout = idleTimeout
            self.peers = peers
        }
    }

    static let idleHandlerName = "idle"

    let configuration: Configuration
    let handler: any RequestHandler
    let logger: Logger
    let onListening: @Sendable () -> Void
    let onStopping: @Sendable () -> Void
    let group: any EventLoopGroup

    /// - Parameters:
    ///   - onListening: called once the socket accepts connections (the daemon sends READY=1 then).
    ///   - onStopping: called when a graceful shutdown stops the accepting (STOPPING=1).
    public init(
        configuration: Configuration,
        handler: any RequestHandler,
        logger: Logger,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onListening: @escaping @Sendable () -> Void = {},
        onStopping: @escaping @Sendable () -> Void = {}
    ) {
        self.configuration = configuration
        self.handler = handler
        self.logger = logger
        self.group = group
        self.onListening = onListening
        self.onStopping = onStopping
    }

    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    public func run() async throws {
        let maxLine = configuration.maxLineLength
        let idle = configuration.idleTimeout
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            // Clients that half-close after sending (socat, `nc -U`) still get their answers.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (Channel) -> EventLoopFuture<Connection> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    IdleStateHandler(readTimeout: idle),
                    name: Self.idleHandlerName
                )
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(LineFrameDecoder(maxLineLength: maxLine))
                )
                try channel.pipeline.syncOperations.addHandler(IdleCloser())
                return try Connection(wrappingChannelSynchronously: channel)
            }
        }
        let server: NIOAsyncChannel<Connection, Never>
        switch configuration.listen {
        case .path(let path, let mode):
            server = try await bootstrap.bind(
                unixDomainSocketPath: path,
                cleanupExistingSocketFile: true,
                childChannelInitializer: initializer
            )
            // The mode must not depend on the process umask.
            if chmod(path, mode_t(mode)) != 0 {
                logger.error("cannot set mode of \(path)", metadata: ["errno": "\(errno)"])
            }
            logger.info("listening", metadata: ["socket": "\(path)"])
        case .adopt(let fd):
            server = try await bootstrap.bind(fd, childChannelInitializer: initializer)
            logger.info("listening on an inherited socket", metadata: ["fd": "\(fd)"])
        }
        onListening()

        let open = ConnectionCount()
        let limit = configuration.maxConnections
        let peers = configuration.peers
        try await withThrowingDiscardingTaskGroup { tasks in
            try await server.executeThenClose { connections in
                for try await connection in connections.cancelOnGracefulShutdown() {
                    tasks.addTask {
                        if peers.isRestricted,
                            let refusal = peers.refusal(for: await PeerCredentials.of(connection.channel))
                        {
                            logger.notice("refusing connection: not on the allow-list", metadata: ["why": "\(refusal)"])
                            await refuse(connection, with: refusal)
                        } else if open.enter(limit: limit) {
                            await serve(connection)
                            open.leave()
                        } else {
                            logger.warning("refusing connection: \(limit) already open")
                            await refuse(
                                connection,
                                with: .overloaded("too many connections (limit \(limit)); try again later")
                            )
                        }
                    }
                }
                // No more connections: the open ones finish what they have in hand.
                onStopping()
            }
        }
        if case .path(let path, _) = configuration.listen {
            // Only our own socket file: a systemd-owned one stays.
            unlink(path)
        }
    }

    private func serve(_ connection: Connection) async {
        let context = ConnectionContext(channel: connection.channel)
        do {
            try await connection.executeThenClose { inbound, outbound in
                try await withThrowingDiscardingTaskGroup { streams in
                    do {
                        // On shutdown a connection ends after the request in hand: an idle
                        // client must not hold the daemon up.
                        for try await line in inbound.cancelOnGracefulShutdown() {
                            if let reply = await answer(line, context: context) {
                                try await outbound.write(ByteBuffer(bytes: reply))
                            }
                            // Streams start after their request's answer, so it comes first.
                            for stream in context.takePending() {
                                streams.addTask {
                                    try await stream { line in try await outbound.write(ByteBuffer(bytes: line)) }
                                }
                            }
                        }
                    } catch let tooLong as LineFrameDecoder.LineTooLong {
                        let failure = RPCFailure(
                            id: .null,
                            error: .invalidRequest("request line longer than \(tooLong.limit) bytes")
                        )
                        try await outbound.write(ByteBuffer(bytes: RPCResponseEncoder.failure(failure)))
                    }
                    // The client is done sending (or we are shutting down): its streams end too.
                    streams.cancelAll()
                }
            }
        } catch {
            // A client going away mid-answer is its business, not an error of ours.
            logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
    }

    /// Answers a connection that will not be served with one error line, then closes it.
    private func refuse(_ connection: Connection, with error: RPCError) async {
        try? await connection.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(bytes: RPCResponseEncoder.failure(RPCFailure(id: .null, error: error))))
        }
    }

    /// The response line for one request line; `nil` for a notification.
    func answer(_ line: ByteBuffer, context: ConnectionContext) async -> [UInt8]? {
        let request: RPCRequest
        switch RPCRequest.parse(line.readableBytesView) {
        case .success(let r): request = r
        case .failure(let failure): return RPCResponseEncoder.failure(failure)
        }
        do {
            let result = try await handler.handle(request, connection: context)
            guard let id = request.id else { return nil }
            return try RPCResponseEncoder.success(id: id, result: result)
        } catch let error as RPCError {
            guard let id = request.id else { return nil }
            return RPCResponseEncoder.failure(RPCFailure(id: id, error: error))
        } catch {
            logger.error("request failed", metadata: ["method": "\(request.method)", "error": "\(error)"])
            guard let id = request.id else { return nil }
            return RPCResponseEncoder.failure(RPCFailure(id: id, error: .unexpected))
        }
    }
}

/// Closes a connection that has been silent for the idle timeout.
final class IdleCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}

/// Open connections, shared by the connection tasks.
final class ConnectionCount: Sendable {
    private let count = Mutex(0)

    /// Counts one more connection unless `limit` are open already.
    func enter(limit: Int) -> Bool {
        count.withLock { n in
            guard n < limit else { return false }
            n += 1
            return true
        }
    }

    func leave() { count.withLock { $0 -= 1 } }
}
