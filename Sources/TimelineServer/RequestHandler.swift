import TimelineProtocol

/// Answers requests. The server frames, parses and encodes; the handler decides.
public protocol RequestHandler: Sendable {
    /// The result of one request.
    ///
    /// - Throws: `RPCError` for anything the client should hear about; the
    ///   server sends any other error as a plain -32603.
    func handle(_ request: RPCRequest, connection: ConnectionContext) async throws -> any Encodable & Sendable
}
