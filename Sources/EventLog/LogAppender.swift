#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns the log file's descriptor and makes appends durable.
///
/// Not thread-safe: one owner (the store actor) calls it.
final class LogAppender {
    let path: String
    private let fd: Int32
    private(set) var length: Int

    /// Opens (creating if needed) the log and locks it for this process.
    ///
    /// The lock comes first: another daemon on the same log could otherwise
    /// cut off a group it is writing, or write over it.
    /// - Throws: `EventLogError` with code `.locked` when another process holds it.
    init(path: String) throws(EventLogError) {
        self.path = path
        let existed = access(path, F_OK) == 0
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw EventLogError(.open, path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let e = errno
            close(fd)
            if e == EWOULDBLOCK {
                throw EventLogError(.locked, path: path, message: "another timelined is using this log")
            }
            throw EventLogError(.open, path: path, errno: e)
        }
        self.fd = fd
        var st = stat()
        length = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        if !existed { Self.syncDirectory(of: path) }
    }

    /// Cuts the log to `validLength`, so a torn tail found by recovery is gone
    /// before anything is appended.
    func cut(to validLength: Int) throws(EventLogError) {
        guard length > validLength else { return }
        guard ftruncate(fd, off_t(validLength)) == 0, fsync(fd) == 0 else {
            throw EventLogError(.truncate, path: path, errno: errno)
        }
        length = validLength
    }

    deinit { close(fd) }

    /// Writes `bytes` at the end and waits until they are on disk.
    ///
    /// On failure the file is cut back to its previous length, so the log
    /// stays valid and the caller may retry later.
    func append(_ bytes: [UInt8]) throws(EventLogError) {
        let before = length
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = pwrite(fd, raw.baseAddress! + written, raw.count - written, off_t(before + written))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return fdatasync(fd) == 0 ? nil : errno
        }
        if let failure {
            _ = ftruncate(fd, off_t(before))
            _ = fsync(fd)
            throw EventLogError(.write, path: path, errno: failure)
        }
        length = before + bytes.count
    }

    /// A new file's name is durable only once its directory is synced.
    private static func syncDirectory(of path: String) {
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let dfd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }
}
