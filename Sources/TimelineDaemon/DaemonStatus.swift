import Foundation
import Synchronization

/// Progress the daemon reports through `health`, `stats` and systemd's STATUS=.
public final class DaemonStatus: Sendable {
    private struct State {
        var pending = 0
        var caughtUp = false
        var ingested = 0
        var failed = 0
        var logProblem: String?
    }

    private let state = Mutex(State())
    public let startedAt = Date()

    public init() {}

    public var pending: Int { state.withLock { $0.pending } }
    public var caughtUp: Bool { state.withLock { $0.caughtUp } }

    func setPending(_ n: Int) { state.withLock { $0.pending = n } }
    func finished(failed: Bool) {
        state.withLock {
            if failed { $0.failed += 1 } else { $0.ingested += 1 }
        }
    }
    func markCaughtUp() { state.withLock { $0.caughtUp = true } }

    /// Why the log could not be written last time, until a write succeeds again.
    public var logProblem: String? { state.withLock { $0.logProblem } }
    func logWriteFailed(_ why: String) { state.withLock { $0.logProblem = why } }
    func logWriteSucceeded() { state.withLock { $0.logProblem = nil } }

    /// A one-line summary for systemd's STATUS=.
    public var summary: String {
        state.withLock { s in
            let phase = s.caughtUp ? "watching" : "catching up"
            return "\(phase): \(s.ingested) files taken in, \(s.failed) set aside, \(s.pending) pending"
        }
    }
}
