#if canImport(Glibc)
import Glibc
#endif

/// A complete-looking regular file found by ``DropScanner``.
public struct FoundFile: Sendable, Equatable {
    /// Absolute path (the scan root joined with the names below it).
    public let path: String
    /// Size in bytes.
    public let size: Int
    /// Modification time, seconds since the Unix epoch (with nanoseconds).
    public let modified: Double

    public init(path: String, size: Int, modified: Double) {
        self.path = path
        self.size = size
        self.modified = modified
    }
}

/// Walks a drop folder for catch-up and reconciliation after ``DropEvent/rescan(reason:)``.
public enum DropScanner {
    /// Every complete-looking regular file under `root`, recursively, sorted by path.
    ///
    /// - Never follows symlinks: a symlink (to a file or a directory) is not reported.
    /// - Skips temporary names (``TemporaryNames/isTemporary(_:)``), FIFOs, sockets
    ///   and devices, and does not descend into dot directories or browser
    ///   "Save Page As" asset folders named `*_files`.
    /// - Tolerates entries vanishing mid-walk and unreadable directories (skipped).
    /// - Names that are not valid UTF-8 cannot be represented faithfully as a
    ///   `String` path and are skipped.
    ///
    /// Uses `lstat`/`opendir`/`readdir`, so names with newlines, spaces and
    /// non-ASCII characters come back byte-exact.
    ///
    /// - Parameter root: the directory to walk; if it is missing or not a
    ///   directory the result is empty.
    /// - Parameter includingSpecialFiles: also report symlinks (not followed),
    ///   FIFOs, sockets and devices, for a consumer that records why it will not
    ///   read them. Their `size` is `lstat`'s.
    /// - Complexity: O(*n* log *n*) for *n* entries under `root`.
    public static func scan(root: String, includingSpecialFiles: Bool = false) -> [FoundFile] {
        var found: [FoundFile] = []
        DirectoryWalk.walk(root: root, includingSpecialFiles: includingSpecialFiles) { path, info in
            found.append(
                FoundFile(
                    path: path,
                    size: Int(info.st_size),
                    modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
                )
            )
        }
        found.sort { $0.path < $1.path }
        return found
    }
}

/// The one directory walk behind the scanner and the watcher's exclude list,
/// so both apply the same rules.
enum DirectoryWalk {
    /// Calls `file` for each regular file with a non-temporary name and
    /// `skippedDirectory` for each directory not descended into by name
    /// (``TemporaryNames/isSkippedDirectory(_:)``).
    static func walk(
        root: String,
        includingSpecialFiles: Bool = false,
        skippedDirectory: (String) -> Void = { _ in },
        file: (String, stat) -> Void
    ) {
        var rootInfo = stat()
        // The root itself may be a symlink to the real drop folder; entries below may not.
        guard stat(root, &rootInfo) == 0, (rootInfo.st_mode & S_IFMT) == S_IFDIR else { return }

        // Device and inode of directories seen: a bind mount of an ancestor must not loop.
        struct DirectoryID: Hashable {
            var device: UInt64
            var inode: UInt64
        }
        var seen: Set<DirectoryID> = [DirectoryID(device: UInt64(rootInfo.st_dev), inode: UInt64(rootInfo.st_ino))]
        // Explicit stack: deep trees must not exhaust the thread's stack.
        var pending = [root == "/" ? "" : root]

        while let directory = pending.popLast() {
            guard let handle = opendir(directory.isEmpty ? "/" : directory) else { continue }  // vanished or unreadable
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                guard let name = entryName(entry), name != ".", name != ".." else { continue }
                let path = directory + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }  // vanished since readdir
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    if !TemporaryNames.isTemporary(name) { file(path, info) }
                case S_IFDIR:
                    if TemporaryNames.isSkippedDirectory(name) {
                        skippedDirectory(path)
                    } else if seen.insert(DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
                    {
                        pending.append(path)
                    }
                default:
                    // Symlinks (never followed), FIFOs, sockets, devices.
                    if includingSpecialFiles && !TemporaryNames.isTemporary(name) { file(path, info) }
                }
            }
        }
    }

    /// The entry's name, or `nil` if it is not valid UTF-8.
    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String? {
        withUnsafePointer(to: &entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                String(validatingCString: $0)
            }
        }
    }
}
