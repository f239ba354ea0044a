import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index as of a point in the log, saved beside it so a start replays only
/// the log after that point.
///
/// The log stays the truth: a checkpoint is used only when the log still holds,
/// byte for byte, what the checkpoint was made from (`logDigest` of every byte
/// before `logOffset`), and it is of this format version and passes its
/// checksums; anything else means a full replay.
struct Checkpoint: Sendable {
    /// Format version: a checkpoint of any other is not read. 2: with the happening table.
    /// 3: packed sources, SHA-256s in 33 bytes, varint lengths in packed documents.
    static let version: UInt64 = 3
    static let magic: UInt64 = 0x3154_4E49_4F50_4B43  // "CKPOINT1"

    var index: EventIndex
    /// Where the part of the log it covers ends: always the end of a group.
    var logOffset: Int
    /// Lines in that part, so damage found after it is reported at the same line as by a full read.
    var lines: Int
    var lastSeq: UInt64
    /// `LogDigest` of the log's bytes before `logOffset`.
    var logDigest: UInt64
    /// Damage a full read finds before `logOffset`, so recovery reports it as a full read would.
    var damage: [LogDamage]

    /// Where the checkpoint of the log at `logPath` lives.
    static func path(forLog logPath: String) -> String { logPath + ".checkpoint" }

    /// Writes the checkpoint to a temporary file, syncs it and renames it over `path`.
    ///
    /// - Throws: `CheckpointError` when a step fails; `path` then keeps what it had.
    /// - Parameter version: the format version written in it; another than `version` only in tests.
    func write(to path: String, version: UInt64 = Checkpoint.version) throws(CheckpointError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw CheckpointError("cannot create \(temporary): \(Self.errorText())") }
        do throws(CheckpointError) {
            var w = CheckpointWriter(fd: fd)
            w.u64(Self.magic)
            w.u64(version)
            w.int(logOffset)
            w.int(lines)
            w.u64(lastSeq)
            w.u64(logDigest)
            w.int(damage.count)
            for d in damage {
                w.string(d.kind.rawValue)
                w.int(d.line)
                w.int(d.offset)
                w.bool(d.seq != nil)
                w.u64(d.seq ?? 0)
                w.string(d.detail)
            }
            try w.flush()
            try index.write(to: &w)
            guard fsync(fd) == 0 else { throw CheckpointError("cannot sync \(temporary): \(Self.errorText())") }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let why = Self.errorText()
            unlink(temporary)
            throw CheckpointError("cannot rename \(temporary): \(why)")
        }
        Self.syncDirectory(of: path)
    }

    /// What `load` found.
    enum Outcome {
        /// With the digest of the log up to its offset, to go on from.
        case loaded(Checkpoint, LogDigest)
        /// Not used, and why, for the log line that says so.
        case unusable(String)
    }

    /// Reads the checkpoint at `path` if it fits the log at `logPath`, whose first
    /// `logLength` bytes are all that count.
    ///
    /// Cheap checks first: the header is read, and the log's bytes hashed,
    /// before the index is.
    static func load(from path: String, logPath: String, logLength: Int) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return .unusable(errno == ENOENT ? "no checkpoint" : "cannot open the checkpoint: \(errorText())")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .unusable("cannot read the checkpoint: \(errorText())") }
        var r = CheckpointReader(fd: fd, size: Int(st.st_size))
        do throws(CheckpointError) {
            guard try r.u64() == magic else { return .unusable("the checkpoint file is not a checkpoint") }
            let version = try r.u64()
            guard version == Self.version else {
                return .unusable("the checkpoint has format version \(version), this daemon reads \(Self.version)")
            }
            let offset = try r.int()
            let lines = try r.int()
            let lastSeq = try r.u64()
            let digest = try r.u64()
            guard offset >= 0, lines >= 0 else { throw CheckpointError("bad header") }
            guard offset <= logLength else {
                return .unusable("stale checkpoint: it covers \(offset) bytes, the log has \(logLength)")
            }
            // The log is hashed on a second thread while the index is read on this one.
            let hashing = LogHashing(path: logPath, length: offset)
            var damage: [LogDamage] = []
            for _ in 0..<(try r.count()) {
                guard let kind = LogDamage.Kind(rawValue: try r.string()) else { throw CheckpointError("bad damage") }
                let line = try r.int()
                let at = try r.int()
                let hasSeq = try r.bool()
                let seq = try r.u64()
                damage.append(
                    LogDamage(kind: kind, line: line, offset: at, seq: hasSeq ? seq : nil, detail: try r.string())
                )
            }
            let index: EventIndex
            do throws(CheckpointError) {
                index = try EventIndex(from: &r)
            } catch {
                _ = hashing.wait()
                throw error
            }
            guard let actual = try? hashing.wait().get(), actual.value == digest else {
                return .unusable("stale checkpoint: the log's first \(offset) bytes are not the ones it was made from")
            }
            guard r.atEnd else { throw CheckpointError("bytes after the index") }
            guard index.lastSeq == lastSeq else { throw CheckpointError("the index's last seq is not the header's") }
            return .loaded(
                Checkpoint(
                    index: index,
                    logOffset: offset,
                    lines: lines,
                    lastSeq: lastSeq,
                    logDigest: digest,
                    damage: damage
                ),
                actual
            )
        } catch {
            return .unusable("corrupt checkpoint: \(error)")
        }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    private static func syncDirectory(of path: String) {
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let dfd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }
}

/// `LogDigest.of(file:length:)` worked out on a thread of its own.
private final class LogHashing: @unchecked Sendable {
    private var result: Result<LogDigest, CheckpointError>?
    private let done = DispatchSemaphore(value: 0)

    init(path: String, length: Int) {
        // `result` is written before `done` is signalled and read only after it is waited for.
        Thread { [self] in
            result = Result { () throws(CheckpointError) in try LogDigest.of(file: path, length: length) }
            done.signal()
        }.start()
    }

    func wait() -> Result<LogDigest, CheckpointError> {
        done.wait()
        return result!
    }
}

/// A hash of a log's bytes from its start, kept up to date as the log grows:
/// one hash per MiB block, folded together, so bytes can be added in any pieces.
struct LogDigest: Sendable {
    static let blockSize = 1 << 20

    private(set) var length = 0
    private var folded: UInt64 = 0
    /// The bytes of the unfinished block.
    private var partial: [UInt8] = []

    init() {}

    /// The digest of everything added.
    var value: UInt64 {
        let last = partial.withUnsafeBytes { ByteHash.hash($0) }
        return ByteHash.combine(ByteHash.combine(folded, last), UInt64(length))
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        var i = 0
        while i < raw.count {
            let take = min(Self.blockSize - partial.count, raw.count - i)
            let piece = UnsafeRawBufferPointer(rebasing: raw[i..<i + take])
            if partial.isEmpty && take == Self.blockSize {
                folded = ByteHash.combine(folded, ByteHash.hash(piece))
            } else {
                partial += piece
                if partial.count == Self.blockSize {
                    folded = partial.withUnsafeBytes { ByteHash.combine(folded, ByteHash.hash($0)) }
                    partial.removeAll(keepingCapacity: true)
                }
            }
            i += take
            length += take
        }
    }

    /// Adds the bytes of the file at `path` from `length` up to `end`.
    mutating func add(file path: String, upTo end: Int) throws(CheckpointError) {
        guard end > length else { return }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CheckpointError("cannot open \(path): \(Checkpoint.errorText())") }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8 * Self.blockSize)
        while length < end {
            let want = min(buffer.count, end - length)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(length)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw CheckpointError("cannot read \(path) at \(length)") }
            buffer.withUnsafeBytes { add(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    /// The digest of the first `length` bytes of the file at `path`.
    static func of(file path: String, length: Int) throws(CheckpointError) -> LogDigest {
        var digest = LogDigest()
        try digest.add(file: path, upTo: length)
        return digest
    }
}
