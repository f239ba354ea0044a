#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error from the event log, naming the file and the system's reason.
public struct EventLogError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case open, locked, read, truncate, write, encode
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let open = Code(.open)
        /// Another process holds the log.
        public static let locked = Code(.locked)
        public static let read = Code(.read)
        public static let truncate = Code(.truncate)
        public static let write = Code(.write)
        public static let encode = Code(.encode)

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var path: String
    /// The errno behind it, if any.
    public var cause: Int32?
    public var message: String

    public init(_ code: Code, path: String, errno: Int32? = nil, message: String? = nil) {
        self.code = code
        self.path = path
        self.cause = errno
        if let message {
            self.message = message
        } else if let errno {
            self.message = String(cString: strerror(errno))
        } else {
            self.message = "failed"
        }
    }

    public var description: String {
        code == .locked ? "\(path): \(message)" : "cannot \(code) \(path): \(message)"
    }
}
