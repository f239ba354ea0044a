import CInotifyTools
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

// The only file that calls inotifytools_*. The library's state (one inotify fd,
// the wd<->path trees, the returned event, `inotifytools_error()`) is process-global
// and not thread-safe, so every call happens on the one thread running
// `InotifyDriver.run()`, and only one such thread runs at a time.

/// Held by the thread that currently owns the library.
private let libraryInUse = Atomic<Bool>(false)

/// Whether the library's read buffer may still hold events of an inotify instance
/// that has since been closed. `inotifytools_next_events` keeps that buffer in
/// function-static storage which `inotifytools_cleanup()` does not reset, so after
/// a restart such leftovers would come back first, their wds resolved against the
/// new instance's watches: wrong paths, or a false "root removed". Only a read that
/// timed out proves the buffer empty.
private let libraryMayHoldStaleEvents = Atomic<Bool>(false)

/// Runs one watch session on its dedicated thread: sets up the watches, reads
/// events, feeds them through ``ReadinessStateMachine`` and performs its actions.
struct InotifyDriver: Sendable {
    /// `IN_ONLYDIR`: only directories are watched (the library also lstat-skips
    /// symlinks); `IN_EXCL_UNLINK`: no events for files already unlinked.
    /// `IN_IGNORED`, `IN_Q_OVERFLOW` and `IN_UNMOUNT` always arrive.
    static let mask: Int32 =
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF
        | IN_ONLYDIR | IN_EXCL_UNLINK

    let root: String
    let session: WatchSession
    let continuation: AsyncThrowingStream<DropEvent, any Error>.Continuation
    let logger: Logger
    let heartbeat: @Sendable () -> Void
    /// Also report symlinks, FIFOs, sockets and devices (see `DropWatcher.init`).
    let reportsSpecialFiles: Bool
    let finished: @Sendable () -> Void

    func run() {
        defer { finished() }
        guard acquireLibrary() else {
            continuation.finish()
            return
        }
        defer { libraryInUse.store(false, ordering: .releasing) }
        // Declared after the release above, so it runs before it.
        defer { inotifytools_cleanup() }

        var outlet = EventOutlet(continuation: continuation, logger: logger)
        do {
            try startWatching()
        } catch {
            logger.error("Drop watcher cannot start", metadata: ["error": "\(error)"])
            outlet.finish(throwing: error)
            return
        }
        logger.info(
            "Watching drop folder",
            metadata: ["root": "\(root)", "watches": "\(inotifytools_get_num_watches())"]
        )
        outlet.send(.rescan(reason: .startup))

        var machine = ReadinessStateMachine(root: root)
        while !session.isStopRequested, !outlet.isTerminated {
            // Whole seconds only, and 0 would block forever: 1 bounds stop latency.
            let event = inotifytools_next_event(1)
            libraryMayHoldStaleEvents.store(event != nil, ordering: .relaxed)
            let actions: [ReadinessAction]
            if let event {
                let observation = copyOut(event)  // before any other library call
                heartbeat()
                outlet.payDebt()
                guard let observation else { continue }
                actions = machine.observe(observation)
            } else {
                let error = inotifytools_error()
                heartbeat()
                outlet.payDebt()
                if error != 0, error != EINTR {
                    fail(
                        DropWatcherError(
                            code: .readFailed,
                            message: "Reading inotify events for \(root) failed",
                            errno: error
                        ),
                        outlet: outlet
                    )
                    return
                }
                actions = machine.timedOut()
            }
            do {
                try perform(actions, outlet: &outlet)
            } catch {
                fail(error, outlet: outlet)
                return
            }
        }
        logger.info("Drop watcher stopped", metadata: ["root": "\(root)"])
        outlet.finish()
    }

    private func fail(_ error: any Error, outlet: EventOutlet) {
        if session.isStopRequested || outlet.isTerminated {
            // Nobody is listening any more (typically the folder removed right after stop()).
            logger.debug("Drop watcher stopped", metadata: ["error": "\(error)"])
            outlet.finish()
        } else {
            logger.error("Drop watcher stopped", metadata: ["error": "\(error)"])
            outlet.finish(throwing: error)
        }
    }

    // MARK: - Library ownership

    /// Waits (on this thread, polling the stop flag) until no other session uses
    /// the library. - Returns: `false` if stopped while waiting.
    private func acquireLibrary() -> Bool {
        var warned = false
        while !libraryInUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            if session.isStopRequested { return false }
            if !warned {
                logger.warning("Another drop watcher is still running in this process; waiting for it to stop")
                warned = true
            }
            usleep(20_000)
        }
        return true
    }

    // MARK: - Events

    /// Copies the event out of the library's static buffer. `nil` for names that
    /// are not valid UTF-8, which no `String` path can represent.
    private func copyOut(_ event: UnsafeMutablePointer<inotify_event>) -> InotifyObservation? {
        let mask = InotifyMask(rawValue: event.pointee.mask)
        let cookie = event.pointee.cookie
        // Ends in "/" for directories; "" for wd -1 (overflow) or an unknown wd.
        let watched = inotifytools_filename_from_wd(event.pointee.wd).map { String(validatingCString: $0) } ?? ""
        let name = String(validatingCString: cinotify_event_name(event))
        guard var directory = watched, let name else {
            logger.warning(
                "Ignoring inotify event for a name that is not valid UTF-8",
                metadata: ["mask": "\(mask.rawValue)", "root": "\(root)"]
            )
            return nil
        }
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        return InotifyObservation(mask: mask, cookie: cookie, directory: directory, name: name)
    }

    private func perform(_ actions: [ReadinessAction], outlet: inout EventOutlet) throws {
        for action in actions {
            switch action {
            case .emit(.ready(let path)):
                // The name may already be gone or be a FIFO, symlink or device.
                if fileInfo(path).map(isReportable) == true {
                    logger.debug("Ready", metadata: ["path": "\(path)"])
                    outlet.send(.ready(path: path))
                } else {
                    logger.debug("Not a regular file any more, skipped", metadata: ["path": "\(path)"])
                }
            case .emit(let event):
                outlet.send(event)
            case .emitIfHardLink(let path):
                if let info = fileInfo(path), isRegular(info), info.st_nlink > 1 {
                    logger.debug("Hard link ready", metadata: ["path": "\(path)"])
                    outlet.send(.ready(path: path))
                } else if reportsSpecialFiles, let info = fileInfo(path), isReportable(info), !isRegular(info) {
                    // A symlink or FIFO gets no close event: it is complete at once.
                    logger.debug("Special file", metadata: ["path": "\(path)"])
                    outlet.send(.ready(path: path))
                }
            case .watchDirectory(let path):
                guard try watchTree(path, isRoot: false) else { continue }
                logger.debug("Watching new directory", metadata: ["path": "\(path)"])
                // Files written between mkdir and the new watch had no event.
                sendScan(of: path, outlet: &outlet)
            case .renameWatches(let from, let to):
                logger.debug("Directory moved within the drop folder", metadata: ["from": "\(from)", "to": "\(to)"])
                inotifytools_replace_filename(from + "/", to + "/")
            case .scanDirectory(let path):
                sendScan(of: path, outlet: &outlet)
            case .rescan(let reason):
                try rebuildWatches(reason: reason)
                outlet.send(.rescan(reason: reason))
            case .rootRemoved(let mask):
                throw DropWatcherError(
                    code: .rootRemoved,
                    message:
                        "Drop folder \(root) was deleted, moved or unmounted (inotify mask 0x\(String(mask.rawValue, radix: 16)))"
                )
            }
        }
    }

    private func sendScan(of directory: String, outlet: inout EventOutlet) {
        for file in DropScanner.scan(root: directory, includingSpecialFiles: reportsSpecialFiles) {
            outlet.send(.ready(path: file.path))
        }
    }

    // MARK: - Watches

    private func startWatching() throws {
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw rootError(errno: errno)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw DropWatcherError(code: .notADirectory, message: "Drop folder \(root) is not a directory")
        }
        try initializeLibrary()
        _ = try watchTree(root, isRoot: true)
    }

    private func initializeLibrary() throws {
        guard inotifytools_initialize() == 1 else {
            let error = inotifytools_error()
            if error == EMFILE {
                throw DropWatcherError(
                    code: .instanceLimitReached,
                    message: "Cannot create an inotify instance for \(root): fs.inotify.max_user_instances "
                        + "(\(inotifytools_get_max_user_instances())) is exhausted; raise it with sysctl",
                    errno: error
                )
            }
            throw DropWatcherError(
                code: .watchFailed,
                message: "Cannot create an inotify instance for \(root)",
                errno: error
            )
        }
        if libraryMayHoldStaleEvents.load(ordering: .relaxed) {
            discardStaleEvents()
        }
    }

    /// Empties the library's read buffer of events from a closed instance (see
    /// `libraryMayHoldStaleEvents`). The new instance has no watches yet, so the
    /// reads return only leftovers and then time out: this costs one second.
    private func discardStaleEvents() {
        var discarded = 0
        while inotifytools_next_event(1) != nil { discarded += 1 }
        libraryMayHoldStaleEvents.store(false, ordering: .relaxed)
        heartbeat()
        logger.debug("Discarded events left over from a previous inotify instance", metadata: ["count": "\(discarded)"])
    }

    /// Rebuilds every watch from scratch. After an overflow, watches for directories
    /// created meanwhile are missing; after an unmatched move, watches on a
    /// directory that left the tree still report paths under the root.
    private func rebuildWatches(reason: RescanReason) throws {
        switch reason {
        case .overflow:
            logger.warning(
                """
                inotify queue overflowed; rebuilding watches and asking for a rescan \
                (consider raising fs.inotify.max_queued_events)
                """,
                metadata: ["root": "\(root)"]
            )
        default:
            logger.notice("Rebuilding watches and asking for a rescan", metadata: ["reason": "\(reason.rawValue)"])
        }
        inotifytools_cleanup()
        try startWatching()
    }

    /// Adds recursive watches on `directory` and below, except skipped directories
    /// (``TemporaryNames/isSkippedDirectory(_:)``).
    ///
    /// - Returns: `false` if a new subdirectory vanished or is unreadable (skipped).
    /// - Throws: ``DropWatcherError`` for the watch limit, and for any failure on the root.
    private func watchTree(_ directory: String, isRoot: Bool) throws -> Bool {
        var skipped: [String] = []
        DirectoryWalk.walk(root: directory, skippedDirectory: { skipped.append($0) }, file: { _, _ in })
        // The library matches excludes by exact path, so list each skipped directory.
        var excludes: [UnsafePointer<CChar>?] = skipped.map { UnsafePointer(strdup($0)) }
        excludes.append(nil)
        defer { for pointer in excludes { free(UnsafeMutablePointer(mutating: pointer)) } }

        let ok = excludes.withUnsafeMutableBufferPointer {
            inotifytools_watch_recursively_with_exclude(directory, Self.mask, $0.baseAddress)
        }
        guard ok != 1 else { return true }

        let error = inotifytools_error()
        switch error {
        case ENOSPC:
            throw DropWatcherError(
                code: .watchLimitReached,
                message: "Cannot watch \(directory): the inotify watch limit fs.inotify.max_user_watches "
                    + "(\(inotifytools_get_max_user_watches())) is reached; raise it, e.g. "
                    + "`sysctl fs.inotify.max_user_watches=524288` and a file in /etc/sysctl.d/",
                errno: error
            )
        case _ where isRoot:
            throw rootError(errno: error)
        case ENOENT, ENOTDIR:
            logger.debug("New directory vanished before it could be watched", metadata: ["path": "\(directory)"])
            return false
        case EACCES:
            logger.warning("Cannot watch unreadable directory; skipped", metadata: ["path": "\(directory)"])
            return false
        default:
            throw DropWatcherError(code: .watchFailed, message: "Cannot watch \(directory)", errno: error)
        }
    }

    private func rootError(errno error: Int32) -> DropWatcherError {
        switch error {
        case ENOENT:
            DropWatcherError(code: .rootMissing, message: "Drop folder \(root) does not exist", errno: error)
        case ENOTDIR:
            DropWatcherError(code: .notADirectory, message: "Drop folder \(root) is not a directory", errno: error)
        case EACCES, EPERM:
            DropWatcherError(code: .permissionDenied, message: "Drop folder \(root) cannot be read", errno: error)
        default:
            DropWatcherError(code: .watchFailed, message: "Cannot watch drop folder \(root)", errno: error)
        }
    }

    private func fileInfo(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    private func isRegular(_ info: stat) -> Bool {
        (info.st_mode & S_IFMT) == S_IFREG
    }

    /// A regular file, or with ``reportsSpecialFiles`` anything but a directory.
    private func isReportable(_ info: stat) -> Bool {
        isRegular(info) || (reportsSpecialFiles && (info.st_mode & S_IFMT) != S_IFDIR)
    }
}
