import Foundation

/// A JSON-RPC request id: a number, a string, or null.
public enum RPCID: Codable, Hashable, Sendable, CustomStringConvertible {
    case number(Int64)
    case string(String)
    case null

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let n = try? c.decode(Int64.self) {
            self = .number(n)
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .null: try c.encodeNil()
        }
    }

    public var description: String {
        switch self {
        case .number(let n): String(n)
        case .string(let s): "\"\(s)\""
        case .null: "null"
        }
    }
}

/// A request as read off the wire, before its params are decoded.
public struct RPCRequest: Sendable, Hashable {
    /// `nil` for a notification, which gets no response.
    public var id: RPCID?
    public var method: String
    public var params: JSONValue?

    public init(id: RPCID?, method: String, params: JSONValue? = nil) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// Reads one request line.
    ///
    /// - Returns: the request, or the error to send back with the id it
    ///   should carry (`null` when the id could not be read).
    public static func parse(_ line: some Collection<UInt8>) -> Result<RPCRequest, RPCFailure> {
        let value: JSONValue
        if let common = JSONValue.parseCommon(line) {
            value = common
        } else {
            do {
                value = try JSONDecoder().decode(JSONValue.self, from: Data(line))
            } catch {
                return .failure(RPCFailure(id: .null, error: .parseError("request is not valid JSON")))
            }
        }
        guard case .object(let object) = value else {
            if case .array = value {
                return .failure(
                    RPCFailure(
                        id: .null,
                        error: .invalidRequest("batch requests are not supported; send one object per line")
                    )
                )
            }
            return .failure(
                RPCFailure(id: .null, error: .invalidRequest("request must be a JSON object, not \(value.typeName)"))
            )
        }
        var id: RPCID?
        switch object["id"] {
        case nil: id = nil
        case .null?: id = .null
        case .int(let n)?: id = .number(n)
        case .string(let s)?: id = .string(s)
        case let other?:
            return .failure(
                RPCFailure(
                    id: .null,
                    error: .invalidRequest("id must be a number, string or null, not \(other.typeName)")
                )
            )
        }
        let replyID = id ?? .null
        guard object["jsonrpc"] == .string("2.0") else {
            return .failure(RPCFailure(id: replyID, error: .invalidRequest(#"missing "jsonrpc": "2.0""#)))
        }
        guard case .string(let method)? = object["method"] else {
            return .failure(RPCFailure(id: replyID, error: .invalidRequest("missing method name (a string)")))
        }
        let params = object["params"]
        switch params {
        case nil, .object?, .null?: break
        case let other?:
            return .failure(
                RPCFailure(id: replyID, error: .invalidParams("params must be an object, not \(other.typeName)"))
            )
        }
        return .success(RPCRequest(id: id, method: method, params: params == .null ? nil : params))
    }

    /// Decodes `params` as `P`, rejecting unknown names so a typo is reported, not ignored.
    public func decodeParams<P: RPCParams>(_ type: P.Type) throws(RPCError) -> P {
        let object: [String: JSONValue]
        switch params {
        case nil: object = [:]
        case .object(let o)?: object = o
        case let other?: throw .invalidParams("params must be an object, not \(other.typeName)")
        }
        if let unknown = object.keys.sorted().first(where: { !P.names.contains($0) }) {
            let known = P.names.sorted().joined(separator: ", ")
            throw .invalidParams(
                "unknown parameter '\(unknown)' for \(method); parameters: \(known.isEmpty ? "none" : known)"
            )
        }
        if let direct = P(commonParams: object) { return direct }
        do {
            return try JSONDecoder().decode(P.self, from: JSONEncoder().encode(JSONValue.object(object)))
        } catch let error as DecodingError {
            throw .invalidParams(Self.explain(error))
        } catch {
            throw .invalidParams("bad parameters")
        }
    }

    static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "parameter '\(path(context))' must be \(describe(type))"
        case .valueNotFound(let type, let context):
            return "parameter '\(path(context))' must be \(describe(type)), not null"
        case .keyNotFound(let key, _):
            return "missing parameter '\(key.stringValue)'"
        case .dataCorrupted(let context):
            return "parameter '\(path(context))': \(context.debugDescription)"
        @unknown default:
            return "bad parameters"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        case is [String].Type: "a list of strings"
        default: "of type \(type)"
        }
    }
}

/// An error to send, with the id it answers.
public struct RPCFailure: Error, Sendable, Hashable {
    public var id: RPCID
    public var error: RPCError

    public init(id: RPCID, error: RPCError) {
        self.id = id
        self.error = error
    }
}

/// Parameters of a method; `names` lists the accepted keys.
public protocol RPCParams: Codable, Sendable {
    static var names: Set<String> { get }

    /// The params read straight from already-parsed JSON, when every value has
    /// the type `Codable` expects; `nil` leaves it to `JSONDecoder` (and its error messages).
    init?(commonParams object: [String: JSONValue])
}

extension RPCParams {
    public init?(commonParams object: [String: JSONValue]) { nil }
}

/// Encodes responses as single lines.
public enum RPCResponseEncoder {
    /// `{"jsonrpc":"2.0","id":…,"result":…}` plus a newline.
    public static func success(id: RPCID, result: some Encodable) throws -> [UInt8] {
        if let writable = result as? any JSONWritable {
            var out = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
            JSONWriter.id(id, to: &out)
            out += Array(#","result":"#.utf8)
            writable.writeJSON(to: &out)
            out += Array("}\n".utf8)
            return out
        }
        let encoder = makeEncoder()
        var out = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
        out += try encoder.encode(id)
        out += Array(#","result":"#.utf8)
        out += try encoder.encode(result)
        out += Array("}\n".utf8)
        return out
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{…}}` plus a newline.
    public static func failure(_ failure: RPCFailure) -> [UInt8] {
        let encoder = makeEncoder()
        var out = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
        out += (try? encoder.encode(failure.id)).map { Array($0) } ?? Array("null".utf8)
        out += Array(#","error":"#.utf8)
        out +=
            (try? encoder.encode(failure.error)).map { Array($0) }
            ?? Array(#"{"code":-32603,"message":"internal error"}"#.utf8)
        out += Array("}\n".utf8)
        return out
    }

    /// `{"jsonrpc":"2.0","method":…,"params":…}` plus a newline: a server push.
    public static func notification(method: String, params: some Encodable) throws -> [UInt8] {
        let encoder = makeEncoder()
        var out = Array(#"{"jsonrpc":"2.0","method":"#.utf8)
        out += try encoder.encode(method)
        out += Array(#","params":"#.utf8)
        out += try encoder.encode(params)
        out += Array("}\n".utf8)
        return out
    }

    /// Compact JSON never holds a raw newline, so one response is one line.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// A response as a client reads it, with the result decoded as `R`.
public struct RPCResponse<R: Decodable>: Decodable {
    public var id: RPCID?
    public var result: R?
    public var error: RPCError?
}
