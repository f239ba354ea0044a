import Foundation
import Synchronization

/// Writes checkpoints of the index off the log writer's path: on a thread of
/// its own while the daemon runs, one at a time, and in the caller at shutdown.
final class Checkpointer: Sendable {
    let path: String
    private let report: (@Sendable (String) -> Void)?
    private struct State {
        var writing = false
        /// The log offset the newest checkpoint on disk covers.
        var covered: Int?
    }
    private let state: Mutex<State>
    /// Held while a checkpoint is written, so two never write the temporary file at once.
    private let writing = Mutex(())

    /// - Parameters:
    ///   - covered: the log offset the checkpoint on disk covers, if one was loaded.
    ///   - report: told when a write fails.
    init(path: String, covered: Int?, report: (@Sendable (String) -> Void)?) {
        self.path = path
        self.report = report
        state = Mutex(State(covered: covered))
    }

    /// The log offset covered by the newest checkpoint written or loaded.
    var covered: Int? { state.withLock { $0.covered } }

    /// Starts writing `checkpoint` on a new thread, unless a write is under way.
    ///
    /// - Returns: whether it started.
    @discardableResult
    func writeInBackground(_ checkpoint: Checkpoint) -> Bool {
        let start = state.withLock { s in
            if s.writing { return false }
            s.writing = true
            return true
        }
        guard start else { return false }
        let thread = Thread { [self] in
            self.write(checkpoint)
            self.state.withLock { $0.writing = false }
        }
        thread.name = "checkpoint"
        thread.start()
        return true
    }

    /// Writes `checkpoint` now, after any write under way.
    func writeNow(_ checkpoint: Checkpoint) { write(checkpoint) }

    private func write(_ checkpoint: Checkpoint) {
        writing.withLock { _ in
            // A slower earlier write must not replace a newer checkpoint.
            if let covered = state.withLock({ $0.covered }), covered >= checkpoint.logOffset { return }
            do {
                try checkpoint.write(to: path)
                state.withLock { $0.covered = checkpoint.logOffset }
            } catch {
                report?("cannot write the index checkpoint \(path): \(error)")
            }
        }
    }
}
