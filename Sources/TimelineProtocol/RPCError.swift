/// A JSON-RPC 2.0 error object: what a client sees when a request fails.
///
/// Messages are written for the person at the client: they say what was
/// wrong with the request, never the server's internals.
public struct RPCError: Error, Codable, Hashable, Sendable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static func parseError(_ message: String) -> RPCError { RPCError(code: -32700, message: message) }
    public static func invalidRequest(_ message: String) -> RPCError { RPCError(code: -32600, message: message) }
    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(
            code: -32601,
            message: "unknown method '\(method)'; methods: \(Methods.all.joined(separator: ", "))"
        )
    }
    public static func invalidParams(_ message: String) -> RPCError { RPCError(code: -32602, message: message) }
    /// Anything the server did not expect; the details stay in its log.
    public static let unexpected = RPCError(code: -32603, message: "internal error")
    /// Application codes, from -32000 down.
    public static func notFound(_ message: String) -> RPCError { RPCError(code: -32001, message: message) }
    public static func overloaded(_ message: String) -> RPCError { RPCError(code: -32002, message: message) }

    public var description: String { "\(message) (\(code))" }
}
