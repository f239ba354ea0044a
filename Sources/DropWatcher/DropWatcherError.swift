#if canImport(Glibc)
import Glibc
#endif

/// An error that stops the drop-folder watcher.
///
/// Shaped like NIO's `FileSystemError`: a ``code`` to switch on, a ``message``
/// naming the path and what to do, and the underlying `errno` as ``cause``.
public struct DropWatcherError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case rootMissing
            case notADirectory
            case permissionDenied
            case watchLimitReached
            case instanceLimitReached
            case watchFailed
            case readFailed
            case rootRemoved
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The drop folder does not exist.
        public static let rootMissing = Code(.rootMissing)
        /// The drop folder path names something other than a directory.
        public static let notADirectory = Code(.notADirectory)
        /// The drop folder (or a directory in it) cannot be read or watched.
        public static let permissionDenied = Code(.permissionDenied)
        /// `fs.inotify.max_user_watches` is exhausted (`ENOSPC` from `inotify_add_watch`).
        public static let watchLimitReached = Code(.watchLimitReached)
        /// `fs.inotify.max_user_instances` is exhausted (`EMFILE` from `inotify_init`).
        public static let instanceLimitReached = Code(.instanceLimitReached)
        /// Adding a watch failed for another reason.
        public static let watchFailed = Code(.watchFailed)
        /// Reading inotify events failed.
        public static let readFailed = Code(.readFailed)
        /// The drop folder itself was deleted, moved or unmounted while watched.
        public static let rootRemoved = Code(.rootRemoved)

        public var description: String {
            switch wrapped {
            case .rootMissing: "root missing"
            case .notADirectory: "not a directory"
            case .permissionDenied: "permission denied"
            case .watchLimitReached: "inotify watch limit reached"
            case .instanceLimitReached: "inotify instance limit reached"
            case .watchFailed: "watch failed"
            case .readFailed: "read failed"
            case .rootRemoved: "root removed"
            }
        }
    }

    /// Where the error was raised, for logs.
    public struct SourceLocation: Hashable, Sendable {
        public var function: String
        public var file: String
        public var line: Int
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence naming the path and, where there is one, the fix.
    public var message: String
    /// The `errno` reported by the C library, if any.
    public var errno: Int32?
    /// Where the error was raised.
    public var location: SourceLocation

    init(
        code: Code,
        message: String,
        errno: Int32? = nil,
        function: String = #function,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.errno = errno
        self.location = SourceLocation(function: function, file: file, line: line)
    }

    public var description: String {
        var text = "DropWatcherError(\(code)): \(message)"
        if let errno {
            text += " (errno \(errno): \(String(cString: strerror(errno))))"
        }
        return text
    }
}
