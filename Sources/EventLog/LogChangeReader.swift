import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the log's records in log order from a given sequence number on,
/// for the `changes` method (a feed a restarted exporter resumes exactly).
///
/// Reads only the durable part of the file (the length the store says its
/// last fsync covered), so it never sees a group being written. Keeps a
/// sparse table from sequence numbers to byte offsets, filled as it reads,
/// so a reader resuming deep in a large log seeks near its place instead of
/// reading from the start. Lines that fail their checksum are skipped, as
/// recovery skips them.
public final class LogChangeReader: Sendable {
    public let path: String
    /// A checkpoint every this many records.
    let spacing: UInt64

    /// (seq of the first record at that offset, byte offset of its line), both increasing.
    private let checkpoints = Mutex<[(seq: UInt64, offset: Int)]>([])

    public init(path: String, spacing: UInt64 = 1024) {
        self.path = path
        self.spacing = max(1, spacing)
    }

    /// What one read found.
    public struct Batch: Sendable {
        /// Records with `seq > after`, in log order.
        public var records: [SequencedRecord]
        /// The last sequence number read: pass it as the next `after`,
        /// even when the caller filtered every record out.
        public var through: UInt64
    }

    /// Up to `limit` records after `after`, from the first `length` bytes of the log.
    ///
    /// - Complexity: O(spacing + limit) records read once the table covers `after`;
    ///   the first read past the table's end reads on from its last checkpoint.
    /// - Throws: `EventLogError` if the file cannot be opened or read.
    public func read(after: UInt64, limit: Int, length: Int) throws(EventLogError) -> Batch {
        let start: Int = checkpoints.withLock { table in
            // The last checkpoint at or before the first record wanted.
            var lo = 0
            var hi = table.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if table[mid].seq <= after + 1 { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? 0 : table[lo - 1].offset
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw EventLogError(.read, path: path, errno: errno) }
        defer { close(fd) }

        var batch = Batch(records: [], through: after)
        var offset = start
        var carry: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var found: [(seq: UInt64, offset: Int)] = []
        var lastNoted = checkpoints.withLock { $0.last?.seq }
        reading: while offset + carry.count < length && batch.records.count < limit {
            let want = min(buffer.count, length - offset - carry.count)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(offset + carry.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw EventLogError(.read, path: path, errno: errno)
            }
            if n == 0 { break }
            carry += buffer[0..<n]
            var lineStart = 0
            while let newline = carry[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                let lineOffset = offset + lineStart
                if case .success(let record) = LogLineCodec.decode(carry[lineStart..<newline]) {
                    if lastNoted.map({ record.seq >= $0 + spacing }) ?? true {
                        found.append((record.seq, lineOffset))
                        lastNoted = record.seq
                    }
                    if record.seq > after {
                        batch.records.append(record)
                        batch.through = record.seq
                    }
                }
                lineStart = newline + 1
                if batch.records.count >= limit {
                    offset += lineStart
                    carry.removeAll()
                    break reading
                }
            }
            offset += lineStart
            carry.removeSubrange(0..<lineStart)
        }
        if !found.isEmpty {
            checkpoints.withLock { table in
                for c in found where table.last.map({ c.seq >= $0.seq + spacing }) ?? true { table.append(c) }
            }
        }
        return batch
    }

    /// How many checkpoints the table holds (for tests).
    public var checkpointCount: Int { checkpoints.withLock { $0.count } }
}
