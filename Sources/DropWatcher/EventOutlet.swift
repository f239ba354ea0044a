import Logging

/// Feeds a bounded `AsyncThrowingStream` from the watcher thread without ever
/// losing an event silently.
///
/// When the buffer is full the element is dropped and a debt is recorded; the
/// debt is paid with `.rescan(.bufferFull)` as soon as the buffer has room,
/// checked on every send and on every wake-up of the watcher thread (at most 1 s
/// apart). Events dropped or arriving while the debt is open are covered by that
/// rescan, which the consumer runs after they happened.
struct EventOutlet {
    private let continuation: AsyncThrowingStream<DropEvent, any Error>.Continuation
    private let logger: Logger
    private(set) var owesRescan = false
    /// The consumer is gone (stream cancelled or finished).
    private(set) var isTerminated = false

    init(continuation: AsyncThrowingStream<DropEvent, any Error>.Continuation, logger: Logger) {
        self.continuation = continuation
        self.logger = logger
    }

    mutating func send(_ event: DropEvent) {
        guard payDebt() else { return }
        switch continuation.yield(event) {
        case .enqueued:
            break
        case .dropped:
            owesRescan = true
            logger.warning(
                "Drop watcher buffer full; consumer will be asked to rescan",
                metadata: ["event": "\(event)"]
            )
        case .terminated:
            isTerminated = true
        @unknown default:
            owesRescan = true
        }
    }

    /// Tries to deliver an owed `.rescan(.bufferFull)`.
    /// - Returns: whether an event happening now still needs sending: `false` while
    ///   the debt is open, when it was just paid (the rescan covers the event) or
    ///   when the consumer is gone.
    @discardableResult
    mutating func payDebt() -> Bool {
        guard owesRescan, !isTerminated else { return !isTerminated }
        switch continuation.yield(.rescan(reason: .bufferFull)) {
        case .enqueued:
            owesRescan = false
            logger.notice("Drop watcher buffer has room again; rescan requested")
            // The event being sent now predates the rescan, which covers it.
            return false
        case .dropped:
            return false
        case .terminated:
            isTerminated = true
            return false
        @unknown default:
            return false
        }
    }

    func finish(throwing error: (any Error)? = nil) {
        continuation.finish(throwing: error)
    }
}
