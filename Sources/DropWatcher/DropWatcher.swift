import Foundation
import Logging
import Synchronization

/// Watches a drop folder recursively with inotify (libinotifytools) and reports
/// files that are complete.
///
/// libinotifytools keeps one inotify instance, its wd-to-path maps and its event
/// buffer in process-global, non-thread-safe state, so each stream from
/// ``events()`` runs on its own dedicated `Thread` and only one runs at a time per
/// process; a second waits for the first to stop. Nothing blocks the
/// cooperative thread pool.
///
/// ```swift
/// let watcher = DropWatcher(root: "/srv/drop", logger: logger) { notifyWatchdog() }
/// for try await event in watcher.events() {
///     switch event {
///     case .ready(let path): ingest(path)
///     case .rescan: reconcile(DropScanner.scan(root: "/srv/drop"))
///     }
/// }
/// ```
public final class DropWatcher: Sendable {
    private struct State {
        var stopped = false
        var sessions: [ObjectIdentifier: WatchSession] = [:]
        var heartbeat: (@Sendable () -> Void)?
    }

    private let root: String
    private let bufferSize: Int
    private let reportsSpecialFiles: Bool
    private let logger: Logger
    private let state: Mutex<State>

    /// Creates a watcher; nothing happens until ``events()`` is called.
    ///
    /// - Parameters:
    ///   - root: the drop folder. A relative path is taken from the current
    ///     directory; reported paths are absolute.
    ///   - bufferSize: how many events may wait for the consumer (at least 1).
    ///     Beyond that the watcher sends ``DropEvent/rescan(reason:)`` with
    ///     ``RescanReason/bufferFull`` instead of losing events. Default 4096.
    ///   - reportsSpecialFiles: also report symlinks (never followed), FIFOs,
    ///     sockets and devices as ``DropEvent/ready(path:)``, for a consumer that
    ///     sets them aside with a reason rather than ignoring them; it must not
    ///     open them blindly. Default false: regular files only.
    ///   - logger: where the watcher logs; `notice` and above are worth keeping.
    ///   - heartbeat: see ``heartbeat``.
    public init(
        root: String,
        bufferSize: Int = 4096,
        reportsSpecialFiles: Bool = false,
        logger: Logger,
        heartbeat: (@Sendable () -> Void)? = nil
    ) {
        self.root = Self.absolute(root)
        self.bufferSize = max(1, bufferSize)
        self.reportsSpecialFiles = reportsSpecialFiles
        self.logger = logger
        self.state = Mutex(State(heartbeat: heartbeat))
    }

    /// Called on the watcher thread after each wake-up: at most 1 s apart while the
    /// watcher waits for events, longer only while it scans a new directory or
    /// rebuilds its watches. A liveness signal for systemd's `WATCHDOG=1`; keep it
    /// quick, it delays event handling.
    public var heartbeat: (@Sendable () -> Void)? {
        get { state.withLock { $0.heartbeat } }
        set { state.withLock { $0.heartbeat = newValue } }
    }

    /// Starts a watcher thread and returns its events.
    ///
    /// The first element is `.rescan(.startup)`, yielded only after all watches
    /// are in place, so a consumer that then scans misses nothing. After that come
    /// `.ready` for complete files and `.rescan` whenever events may have been lost.
    ///
    /// The stream finishes with a ``DropWatcherError`` if inotify cannot start
    /// (root missing or not a directory, `fs.inotify.max_user_watches` or
    /// `max_user_instances` exhausted) or if the root is deleted or moved while
    /// watched. It finishes normally after ``stop()``. Terminating it (cancelling
    /// the consuming task) stops the thread within about a second.
    public func events() -> AsyncThrowingStream<DropEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: DropEvent.self,
            throwing: (any Error).self,
            bufferingPolicy: .bufferingOldest(bufferSize)
        )
        let session = WatchSession()
        let started = state.withLock { state in
            guard !state.stopped else { return false }
            state.sessions[ObjectIdentifier(session)] = session
            return true
        }
        guard started else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { _ in session.requestStop() }

        let driver = InotifyDriver(
            root: root,
            session: session,
            continuation: continuation,
            logger: logger,
            heartbeat: { [weak self] in self?.heartbeat?() },
            reportsSpecialFiles: reportsSpecialFiles,
            finished: { [weak self] in self?.remove(session) }
        )
        let thread = Thread { driver.run() }
        thread.name = "DropWatcher"
        thread.start()
        return stream
    }

    /// Stops every watcher thread started by this instance; their streams finish
    /// within about a second. Later calls to ``events()`` return finished streams.
    public func stop() {
        let sessions = state.withLock { state in
            state.stopped = true
            return Array(state.sessions.values)
        }
        for session in sessions { session.requestStop() }
    }

    private func remove(_ session: WatchSession) {
        _ = state.withLock { $0.sessions.removeValue(forKey: ObjectIdentifier(session)) }
    }

    private static func absolute(_ path: String) -> String {
        var path = path
        if !path.hasPrefix("/") {
            path = FileManager.default.currentDirectoryPath + "/" + path
        }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// The stop flag shared by a watcher thread, its stream's termination handler and
/// ``DropWatcher/stop()``.
final class WatchSession: Sendable {
    private let stopRequested = Atomic<Bool>(false)

    func requestStop() { stopRequested.store(true, ordering: .relaxed) }
    var isStopRequested: Bool { stopRequested.load(ordering: .relaxed) }
}
