import CInotifyTools

/// The inotify mask bits the state machine looks at, as a Swift option set so the
/// machine and its tests need no C.
struct InotifyMask: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let closeWrite = InotifyMask(rawValue: UInt32(IN_CLOSE_WRITE))
    static let movedFrom = InotifyMask(rawValue: UInt32(IN_MOVED_FROM))
    static let movedTo = InotifyMask(rawValue: UInt32(IN_MOVED_TO))
    static let create = InotifyMask(rawValue: UInt32(IN_CREATE))
    static let deleteSelf = InotifyMask(rawValue: UInt32(IN_DELETE_SELF))
    static let moveSelf = InotifyMask(rawValue: UInt32(IN_MOVE_SELF))
    static let unmount = InotifyMask(rawValue: UInt32(IN_UNMOUNT))
    static let queueOverflow = InotifyMask(rawValue: UInt32(IN_Q_OVERFLOW))
    static let ignored = InotifyMask(rawValue: UInt32(IN_IGNORED))
    static let isDirectory = InotifyMask(rawValue: UInt32(IN_ISDIR))
}

/// One inotify event, copied out of the library's static buffer.
struct InotifyObservation: Sendable, Equatable {
    var mask: InotifyMask
    /// Pairs `IN_MOVED_FROM` with `IN_MOVED_TO`.
    var cookie: UInt32 = 0
    /// The watched directory the event came from, without a trailing slash.
    var directory: String
    /// The entry inside `directory`; empty for events about the directory itself.
    var name: String = ""

    var path: String { name.isEmpty ? directory : directory + "/" + name }
}

/// What the watcher thread must do for an observation.
enum ReadinessAction: Sendable, Equatable {
    /// Yield this event (for `.ready`, only if the path is still a regular file).
    case emit(DropEvent)
    /// `IN_CREATE` of a non-directory: yield `.ready` only if it is a regular file
    /// with more than one link, since a hard link (`ln`) arrives with no close.
    case emitIfHardLink(path: String)
    /// Add a recursive watch on a new directory, THEN scan it and yield `.ready`
    /// for each file: files written right after `mkdir` get no event of their own.
    case watchDirectory(path: String)
    /// Rewrite the library's wd-to-path map after a directory moved within the tree.
    case renameWatches(from: String, to: String)
    /// Scan a directory (already watched) and yield `.ready` for each file.
    case scanDirectory(path: String)
    /// Rebuild every watch from scratch, then yield `.rescan(reason)`.
    case rescan(RescanReason)
    /// The drop folder itself is gone: finish the stream with an error.
    case rootRemoved(InotifyMask)
}

/// Decides, from raw inotify events, when a file in the drop folder is ready.
///
/// Pure: no I/O, no C calls, so it is tested alone with tables; the watcher
/// thread performs the returned actions in order. An empty result means ignore.
///
/// Rules:
/// - ready on `IN_CLOSE_WRITE` or `IN_MOVED_TO` of a non-temporary name (a temp
///   file renamed to its final name arrives as `IN_MOVED_TO` with the final name);
/// - nothing for temporary names, or for anything under a dot directory or a
///   `*_files` asset folder;
/// - a created or moved-in directory is watched, then scanned;
/// - `IN_Q_OVERFLOW`: rescan;
/// - a watched directory moved within the tree keeps its watches under the new
///   name; one moved out of the tree (an `IN_MOVED_FROM` not followed by its
///   `IN_MOVED_TO`) leaves watches reporting stale paths, so everything is rebuilt.
struct ReadinessStateMachine: Sendable {
    private let root: String
    /// A directory `IN_MOVED_FROM` waiting for its partner, which the kernel queues
    /// right after it when the destination is inside the tree.
    private var pendingDirectoryMove: (cookie: UInt32, path: String)?

    /// - Parameter root: the watched drop folder, absolute, without a trailing slash.
    init(root: String) {
        self.root = root
    }

    /// The actions for one event.
    mutating func observe(_ event: InotifyObservation) -> [ReadinessAction] {
        var actions: [ReadinessAction] = []
        if let pending = pendingDirectoryMove {
            pendingDirectoryMove = nil
            if event.mask.contains(.movedTo), event.cookie == pending.cookie {
                return completeDirectoryMove(from: pending.path, to: event)
            }
            actions.append(.rescan(.unmatchedMove))
        }
        let more = classify(event)
        // One rebuild is enough: an overflow's rescan also covers the unmatched move.
        if more.contains(where: { if case .rescan = $0 { true } else { false } }) {
            return more
        }
        return actions + more
    }

    /// The actions when a read timed out with no event.
    mutating func timedOut() -> [ReadinessAction] {
        guard pendingDirectoryMove != nil else { return [] }
        pendingDirectoryMove = nil
        return [.rescan(.unmatchedMove)]
    }

    private mutating func classify(_ event: InotifyObservation) -> [ReadinessAction] {
        let mask = event.mask
        if mask.contains(.queueOverflow) {
            return [.rescan(.overflow)]
        }
        if event.name.isEmpty {
            // About a watched directory itself. For subdirectories the parent's
            // events already said what happened; only the root matters.
            if event.directory == root, !mask.isDisjoint(with: [.deleteSelf, .moveSelf, .unmount, .ignored]) {
                return [.rootRemoved(mask)]
            }
            return []
        }
        guard let skipped = isSkipped(event) else { return [] }  // outside the root
        let isDirectory = mask.contains(.isDirectory)

        if isDirectory {
            if mask.contains(.movedFrom) {
                // A skipped directory was never watched, so its move changes no watch.
                if !skipped { pendingDirectoryMove = (event.cookie, event.path) }
                return []
            }
            if !skipped, !mask.isDisjoint(with: [.create, .movedTo]) {
                return [.watchDirectory(path: event.path)]
            }
            return []
        }
        if skipped { return [] }
        if !mask.isDisjoint(with: [.closeWrite, .movedTo]) {
            return [.emit(.ready(path: event.path))]
        }
        if mask.contains(.create) {
            return [.emitIfHardLink(path: event.path)]
        }
        return []
    }

    private func completeDirectoryMove(from oldPath: String, to event: InotifyObservation) -> [ReadinessAction] {
        // The watches follow the inode, so they stay valid; only their names change.
        // Events from under a skipped destination are then ignored by path.
        var actions: [ReadinessAction] = [.renameWatches(from: oldPath, to: event.path)]
        if isSkipped(event) == false {
            actions.append(.scanDirectory(path: event.path))
        }
        return actions
    }

    /// Whether the event's path lies under (or is) a skipped name; `nil` if it is
    /// not under the root at all.
    private func isSkipped(_ event: InotifyObservation) -> Bool? {
        let directories: Substring
        if event.directory == root {
            directories = ""
        } else if event.directory.hasPrefix(root + "/") {
            directories = event.directory.dropFirst(root.count + 1)
        } else {
            return nil
        }
        if directories.split(separator: "/").contains(where: { TemporaryNames.isSkippedDirectory(String($0)) }) {
            return true
        }
        return event.mask.contains(.isDirectory)
            ? TemporaryNames.isSkippedDirectory(event.name) : TemporaryNames.isTemporary(event.name)
    }
}
