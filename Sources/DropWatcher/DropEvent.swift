/// What the drop-folder watcher tells its consumer.
///
/// The watcher never silently loses a notification: whenever it cannot vouch for
/// having reported every complete file (startup, kernel queue overflow, a full
/// buffer, a directory moved out of sight), it sends ``rescan(reason:)`` instead and
/// the consumer reconciles the whole tree with ``DropScanner/scan(root:)``.
public enum DropEvent: Sendable, Equatable {
    /// A regular file that looks complete: it was closed after writing or renamed
    /// into place under a non-temporary name. `path` is absolute.
    ///
    /// The same file can be reported more than once (a writer that closes and
    /// reopens, a rescan overlapping live events); consumers must be idempotent.
    case ready(path: String)

    /// The consumer must walk the whole tree (``DropScanner/scan(root:)``) and
    /// reconcile it with what it already has.
    case rescan(reason: RescanReason)
}

/// Why the consumer is asked to rescan the drop folder.
public enum RescanReason: String, Sendable {
    /// The watches are in place; files that arrived before now have had no event.
    case startup
    /// The kernel's inotify queue overflowed (`IN_Q_OVERFLOW`); events were lost.
    case overflow
    /// The consumer fell behind and the bounded event buffer dropped an event.
    case bufferFull = "buffer-full"
    /// A watched directory was moved without a matching destination in the tree,
    /// so the watches were rebuilt.
    case unmatchedMove = "unmatched-move"
}
