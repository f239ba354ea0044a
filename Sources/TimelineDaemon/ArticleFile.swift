import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads an article file from the drop folder safely: never through a
/// symlink, never blocking on a FIFO, never past the size limit.
struct ArticleFile {
    var bytes: [UInt8]
    var size: Int
    /// Seconds since the epoch.
    var modified: Double

    enum Failure: Error, Equatable {
        /// The file is gone: nothing to record.
        case vanished
        /// The file cannot be taken in, for a reason worth recording.
        case rejected(String, size: Int, modified: Double)
    }

    /// Reads `path`, which must lie inside `root` (both absolute, `root` resolved).
    static func read(_ path: String, root: String, maxBytes: Int) throws(Failure) -> ArticleFile {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { throw .vanished }
            throw .rejected("cannot inspect the file: \(String(cString: strerror(errno)))", size: 0, modified: 0)
        }
        let modified = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        let size = Int(st.st_size)
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw .rejected("a symbolic link: links are not followed", size: size, modified: modified)
        case S_IFIFO: throw .rejected("a FIFO, not a regular file", size: 0, modified: modified)
        default: throw .rejected("not a regular file", size: 0, modified: modified)
        }
        // A parent folder may be a link out of the drop folder.
        guard let real = realpath(path, nil) else { throw .vanished }
        let resolved = String(cString: real)
        free(real)
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw .rejected("resolves outside the drop folder (\(resolved))", size: size, modified: modified)
        }
        guard size <= maxBytes else {
            throw .rejected(
                "file is \(size) bytes, over the limit of \(maxBytes) (ingest.max_file_bytes)",
                size: size,
                modified: modified
            )
        }
        // O_NONBLOCK: a FIFO swapped in after lstat must not hang us; O_NOFOLLOW: nor a link.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .vanished }
            throw .rejected("cannot open: \(String(cString: strerror(errno)))", size: size, modified: modified)
        }
        defer { close(fd) }
        var fst = stat()
        guard fstat(fd, &fst) == 0, fst.st_mode & S_IFMT == S_IFREG else {
            throw .rejected("not a regular file", size: size, modified: modified)
        }
        // The file opened must be the one checked: a parent folder swapped for a
        // link in between would lead out of the drop folder.
        guard fst.st_dev == st.st_dev, fst.st_ino == st.st_ino else {
            throw .rejected(
                "changed while being opened (a folder on its path was replaced)",
                size: size,
                modified: modified
            )
        }
        var bytes = [UInt8](repeating: 0, count: min(Int(fst.st_size), maxBytes) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                // It grew while we read: read on, up to the limit.
                guard bytes.count <= maxBytes else {
                    throw .rejected(
                        "file grew past the limit of \(maxBytes) bytes while being read",
                        size: count,
                        modified: modified
                    )
                }
                bytes += [UInt8](repeating: 0, count: min(bytes.count, maxBytes + 1 - bytes.count) + 1)
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .rejected("read failed: \(String(cString: strerror(errno)))", size: size, modified: modified)
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        let finalModified = Double(fst.st_mtim.tv_sec) + Double(fst.st_mtim.tv_nsec) / 1e9
        return ArticleFile(bytes: bytes, size: count, modified: finalModified)
    }
}
