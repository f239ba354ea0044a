import Foundation
import NIOCore
import Synchronization
import TimelineCore

/// The single writer of the log, and the holder of the current index.
///
/// The actor runs on an event loop of its own (its executor), so `fsync`
/// never blocks Swift's cooperative pool. After an append is durable the
/// store publishes a new index snapshot; `snapshot` reads it without awaiting.
public actor EventStore {
    /// What `append` did.
    public enum Outcome: Sendable, Equatable {
        case appended(firstSeq: UInt64, records: Int)
        /// A document with the same SHA-256 is already logged: nothing written.
        case duplicate
    }

    public nonisolated let logPath: String
    /// What recovery found when the store opened the log.
    public nonisolated let recovery: [LogDamage]

    private nonisolated let loop: any EventLoop
    public nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }

    private let appender: LogAppender
    private var index: EventIndex
    private var nextSeq: UInt64
    private nonisolated let published: Mutex<EventIndex>
    /// New events and withdrawals, for subscribers.
    public nonisolated let feed = EventFeed()
    /// The log's records in log order, for the `changes` feed.
    public nonisolated let changes: LogChangeReader
    /// Where the durable part of the log ends, and its last sequence number.
    private nonisolated let durableEnd: Mutex<(length: Int, lastSeq: UInt64)>

    /// How the index was made at start: from a checkpoint and the log after it, or
    /// from the whole log and why; for the daemon's log.
    public nonisolated let startup: String
    /// Records appended between background checkpoints.
    public static let checkpointInterval = 16_384
    private nonisolated let checkpointer: Checkpointer?
    /// Hash of the log's bytes, kept up to date for the next checkpoint.
    private var digest: LogDigest
    /// Lines in the log.
    private var lines: Int
    /// What recovery found before where appends began, as a full read would find it again.
    private nonisolated let keptDamage: [LogDamage]
    private var sinceCheckpoint = 0

    /// Opens the log at `logPath` (creating it), recovers it, and builds the index.
    ///
    /// With `checkpoints`, the index comes from the checkpoint beside the log
    /// (`<log>.checkpoint`) and the log after it when the checkpoint fits the log,
    /// and from the whole log otherwise (`startup` says which, and why); a new
    /// checkpoint is written in the background after start when the log went
    /// past the old one, then every `checkpointInterval` records, and by `close()`.
    ///
    /// - Parameters:
    ///   - logPath: the log file.
    ///   - loop: the event loop the store runs on; give it one that does
    ///     nothing else, since appends block it while they sync.
    ///   - checkpoints: whether to read and write checkpoints.
    ///   - report: told when a checkpoint cannot be written.
    /// - Throws: `EventLogError` if the file cannot be read, cut back or opened.
    public init(
        logPath: String,
        loop: any EventLoop,
        checkpoints: Bool = true,
        report: (@Sendable (String) -> Void)? = nil
    ) throws {
        self.logPath = logPath
        // Locked before it is read: nobody else may write while we recover.
        appender = try LogAppender(path: logPath)
        let checkpointPath = Checkpoint.path(forLog: logPath)
        let loaded = try Self.load(logPath, checkpoint: checkpoints ? checkpointPath : nil)
        let (scan, index) = (loaded.scan, loaded.index)
        recovery = scan.damage
        startup = loaded.note
        try appender.cut(to: scan.validLength)
        // Damage past the valid length was cut away with it; a later full read will not see it.
        keptDamage = scan.damage.filter { $0.offset < scan.validLength }
        var digest = loaded.digest
        if checkpoints && digest.length < scan.validLength {
            do {
                try digest.add(file: logPath, upTo: scan.validLength)
            } catch {
                throw EventLogError(.read, path: logPath, message: "\(error)")
            }
        }
        self.digest = digest
        lines = scan.validLines
        // The builder's maps are gone now: hand their pages back rather than keep them as free heap.
        Self.returnFreeMemory()
        self.index = index
        // Off the start-up path: word queries scan until the postings are ready.
        index.prepareEvidenceWords()
        nextSeq = scan.lastSeq + 1
        published = Mutex(index)
        changes = LogChangeReader(path: logPath)
        durableEnd = Mutex((scan.validLength, scan.lastSeq))
        self.loop = loop
        if checkpoints {
            let checkpointer = Checkpointer(path: checkpointPath, covered: loaded.covered, report: report)
            self.checkpointer = checkpointer
            // The next start should not replay what this one had to.
            if loaded.covered != scan.validLength && scan.validLength > 0 {
                checkpointer.writeInBackground(
                    Checkpoint(
                        index: index,
                        logOffset: scan.validLength,
                        lines: scan.validLines,
                        lastSeq: index.lastSeq,
                        logDigest: digest.value,
                        damage: keptDamage
                    )
                )
            }
        } else {
            checkpointer = nil
        }
    }

    /// What loading found: the scan (from the checkpoint's offset when one was used),
    /// the index, how it was made, the log's digest as far as it was hashed, and
    /// the offset the checkpoint covers.
    private struct Loaded {
        var scan: LogScan
        var index: EventIndex
        var note: String
        var digest = LogDigest()
        var covered: Int?
    }

    /// Reads the checkpoint when it fits the log and the log after it; otherwise the whole log.
    private static func load(_ logPath: String, checkpoint: String?) throws(EventLogError) -> Loaded {
        guard let checkpoint else {
            let (scan, index) = try load(logPath)
            return Loaded(scan: scan, index: index, note: "index built from the whole log (checkpoints off)")
        }
        var st = stat()
        let logBytes = stat(logPath, &st) == 0 ? Int(st.st_size) : 0
        switch Checkpoint.load(from: checkpoint, logPath: logPath, logLength: logBytes) {
        case .loaded(let saved, let digest):
            var index = saved.index
            let resume = LogScan.Resume(offset: saved.logOffset, lines: saved.lines, lastSeq: saved.lastSeq)
            var scan = try LogScan.scan(fileAt: logPath, from: resume) { index.replay(group: $0) }
            scan.damage = saved.damage + scan.damage
            let replayed = scan.recordCount
            return Loaded(
                scan: scan,
                index: index,
                note: "index loaded from the checkpoint at byte \(saved.logOffset) (seq \(saved.lastSeq)), "
                    + "then \(replayed) records of the log after it",
                digest: digest,
                covered: saved.logOffset
            )
        case .unusable(let why):
            let (scan, index) = try load(logPath)
            return Loaded(scan: scan, index: index, note: "index built from the whole log: \(why)")
        }
    }

    /// Reads the log and builds its index.
    private static func load(_ logPath: String) throws(EventLogError) -> (LogScan, EventIndex) {
        // A record line averages about 550 bytes; a close guess saves rehashing a million ids.
        var st = stat()
        let logBytes = stat(logPath, &st) == 0 ? Int(st.st_size) : 0
        var builder = EventIndex.Builder(expectedEvents: logBytes / 560)
        // Streamed: the index is built as groups are read, with no copy of the whole log.
        let scan = try LogScan.scan(fileAt: logPath) { builder.add(group: $0) }
        return (scan, builder.build())
    }

    /// Asks glibc to return free heap pages to the system (`malloc_trim`, which
    /// Swift's Glibc module does not declare, so it is looked up); elsewhere nothing.
    private static func returnFreeMemory() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }

    /// The index as of the last durable append.
    public nonisolated var snapshot: EventIndex { published.withLock { $0 } }

    /// The length of the log that the last fsync covered, and the last sequence number in it.
    public nonisolated var durable: (length: Int, lastSeq: UInt64) { durableEnd.withLock { $0 } }

    /// Appends a document and its events as one durable group, then publishes them.
    ///
    /// `document.eventCount` is set from `events`. Content that some path
    /// holds now (by SHA-256) is not written again; content that was
    /// replaced and has come back is.
    /// - Throws: `EventLogError` when the write or fsync fails; the log is left
    ///   as it was before the call.
    public func append(document: DocumentRecord, events: [TimelineEvent]) throws -> Outcome {
        if index.isCurrent(sha256: document.sha256) { return .duplicate }
        var document = document
        document.eventCount = events.count
        var records: [LogRecord] = []
        if let previous = index.latest(path: document.path), previous != document.sha256 {
            // The path holds new content: withdraw the old version's events in the same group.
            let retraction = Retraction(
                document: previous,
                path: document.path,
                events: index.eventIDs(ofDocument: previous),
                reason: "changed"
            )
            records.append(.retraction(retraction))
        }
        records.append(.document(document))
        records += events.map { .event($0) }

        let first = nextSeq
        var bytes: [UInt8] = []
        do {
            for (i, record) in records.enumerated() {
                bytes += try LogLineCodec.encode(SequencedRecord(seq: first + UInt64(i), record: record))
            }
        } catch {
            throw EventLogError(.encode, path: logPath, message: "cannot encode records: \(error)")
        }
        try appender.append(bytes)
        nextSeq = first + UInt64(records.count)
        let end = (appender.length, nextSeq - 1)
        durableEnd.withLock { $0 = end }
        var retracted: [String] = []
        for (i, record) in records.enumerated() {
            if case .retraction(let r) = record {
                index.apply(r, lastSeq: first + UInt64(i))
                retracted += r.events
            }
        }
        index.add(document: document, events: events, lastSeq: nextSeq - 1)
        let snapshot = index
        published.withLock { $0 = snapshot }
        feed.publish(retracted: retracted, events: events)
        lines += records.count
        sinceCheckpoint += records.count
        if let checkpointer {
            bytes.withUnsafeBytes { digest.add($0) }
            if sinceCheckpoint >= Self.checkpointInterval, checkpointer.writeInBackground(checkpoint()) {
                sinceCheckpoint = 0
            }
        }
        return .appended(firstSeq: first, records: records.count)
    }

    /// The index as of now, with where in the log it stands.
    private func checkpoint() -> Checkpoint {
        Checkpoint(
            index: index,
            logOffset: appender.length,
            lines: lines,
            lastSeq: index.lastSeq,
            logDigest: digest.value,
            damage: keptDamage
        )
    }

    /// Writes a checkpoint of the index if the newest one does not cover the whole
    /// log; for a clean shutdown, after the last append.
    public func close() {
        guard let checkpointer, checkpointer.covered != appender.length else { return }
        checkpointer.writeNow(checkpoint())
    }
}
