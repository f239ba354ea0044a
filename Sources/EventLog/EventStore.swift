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

    /// Opens the log at `logPath` (creating it), recovers it, and builds the index.
    ///
    /// - Parameters:
    ///   - logPath: the log file.
    ///   - loop: the event loop the store runs on; give it one that does
    ///     nothing else, since appends block it while they sync.
    /// - Throws: `EventLogError` if the file cannot be read, cut back or opened.
    public init(logPath: String, loop: any EventLoop) throws {
        self.logPath = logPath
        // Locked before it is read: nobody else may write while we recover.
        appender = try LogAppender(path: logPath)
        let (scan, index) = try Self.load(logPath)
        recovery = scan.damage
        try appender.cut(to: scan.validLength)
        // The builder's maps are gone now: hand their pages back rather than keep them as free heap.
        Self.returnFreeMemory()
        self.index = index
        nextSeq = scan.lastSeq + 1
        published = Mutex(index)
        changes = LogChangeReader(path: logPath)
        durableEnd = Mutex((scan.validLength, scan.lastSeq))
        self.loop = loop
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
        return .appended(firstSeq: first, records: records.count)
    }
}
