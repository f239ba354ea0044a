import Foundation
import TimelineCore

/// Something wrong found while reading a log.
public struct LogDamage: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The last record was cut off mid-write (a crash); it is cut away.
        case tornTail = "torn-tail"
        /// A document's group of records ends before all its events: the
        /// group never became durable as a whole and is cut away.
        case incompleteGroup = "incomplete-group"
        /// A record in the middle fails its checksum or does not parse: skipped.
        case corruptRecord = "corrupt-record"
    }

    public var kind: Kind
    /// 1-based line number in the log file.
    public var line: Int
    /// Byte offset where the damaged part starts.
    public var offset: Int
    /// The sequence number of the damaged record, where it can be told.
    public var seq: UInt64?
    public var detail: String

    public var description: String {
        let where_ = "line \(line), byte \(offset)" + (seq.map { ", after seq \($0)" } ?? "")
        return "\(kind.rawValue) at \(where_): \(detail)"
    }
}

/// The result of reading a log from the start.
public struct LogScan: Sendable {
    /// Records of complete groups, in log order (when collected; see `scan(fileAt:onGroup:)`).
    public var records: [SequencedRecord] = []
    public var damage: [LogDamage] = []
    /// Where the last complete group ends: appends go here, and anything
    /// after it is a torn tail.
    public var validLength = 0
    /// How many lines the log holds before `validLength`.
    public var validLines = 0
    /// The highest sequence number among kept records (0 for an empty log).
    public var lastSeq: UInt64 = 0
    public var documentCount = 0
    public var eventCount = 0
    public var retractionCount = 0
    public var recordCount: Int { documentCount + eventCount + retractionCount }

    /// Reads every line of `bytes`, keeping complete groups and reporting the rest.
    ///
    /// - Complexity: O(n) in the size of the log.
    public static func scan(_ bytes: [UInt8]) -> LogScan {
        var collected: [SequencedRecord] = []
        var lines = LineScanner(total: bytes.count)
        lines.feed(bytes[...], at: 0) { collected += $0 }
        var scan = lines.finish { collected += $0 }
        scan.records = collected
        return scan
    }

    /// Where a read of the log may start other than at its beginning: the end
    /// of a group, with what a read up to there found.
    public struct Resume: Sendable {
        public var offset: Int
        public var lines: Int
        public var lastSeq: UInt64

        public init(offset: Int, lines: Int, lastSeq: UInt64) {
            self.offset = offset
            self.lines = lines
            self.lastSeq = lastSeq
        }
    }

    /// Reads the log file in chunks, handing each complete group to `onGroup`
    /// as it is read, so no copy of the whole log is ever held.
    ///
    /// - Parameter resume: where to start, when not at the beginning. Line numbers,
    ///   sequence numbers and the valid length then go on from it, and the counts
    ///   cover only what is read.
    /// - Throws: `EventLogError` if the file cannot be read.
    public static func scan(
        fileAt path: String,
        chunkSize: Int = 8 << 20,
        from resume: Resume? = nil,
        onGroup: ([SequencedRecord]) -> Void
    ) throws(EventLogError) -> LogScan {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EventLogError(.read, path: path, message: "cannot open the log")
        }
        defer { try? handle.close() }
        let total: Int
        let start = resume?.offset ?? 0
        do {
            total = Int(try handle.seekToEnd())
            try handle.seek(toOffset: UInt64(min(start, total)))
        } catch {
            throw EventLogError(.read, path: path, message: "\(error)")
        }
        var lines = LineScanner(total: total)
        if let resume {
            lines.lineNumber = resume.lines
            lines.scan.validLength = resume.offset
            lines.scan.validLines = resume.lines
            lines.scan.lastSeq = resume.lastSeq
        }
        var carry: [UInt8] = []
        var offset = start
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                throw EventLogError(.read, path: path, message: "\(error)")
            }
            if chunk.isEmpty { break }
            carry += chunk
            // Whole lines now; the unfinished last one waits for the next chunk.
            guard let lastNewline = carry.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            lines.feed(carry[...lastNewline], at: offset, onGroup: onGroup)
            offset += lastNewline + 1
            carry.removeSubrange(...lastNewline)
        }
        if !carry.isEmpty { lines.feed(carry[...], at: offset, onGroup: onGroup) }
        return lines.finish(onGroup: onGroup)
    }
}

/// Splits bytes into lines and decodes them, tracking where each starts in the whole log.
private struct LineScanner {
    let total: Int
    var scan = LogScan()
    var reader = GroupReader()
    var lineNumber = 0
    var stopped = false

    init(total: Int) { self.total = total }

    /// `bytes` start at byte `base` of the log and end at a line end, or at the end of the log.
    mutating func feed(_ bytes: ArraySlice<UInt8>, at base: Int, onGroup: ([SequencedRecord]) -> Void) {
        var i = bytes.startIndex
        while i < bytes.endIndex && !stopped {
            lineNumber += 1
            let offset = base + (i - bytes.startIndex)
            guard let newline = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) else {
                scan.damage.append(
                    LogDamage(
                        kind: .tornTail,
                        line: lineNumber,
                        offset: offset,
                        seq: scan.lastSeq,
                        detail: "last record has no line end (\(bytes.endIndex - i) bytes cut off)"
                    )
                )
                stopped = true
                break
            }
            let next = base + (newline + 1 - bytes.startIndex)
            switch LogLineCodec.decode(bytes[i..<newline]) {
            case .success(let record):
                reader.take(record, line: lineNumber, offset: offset, next: next, into: &scan, onGroup: onGroup)
            case .failure(let failure):
                if next == total && failure == .checksum {
                    scan.damage.append(
                        LogDamage(
                            kind: .tornTail,
                            line: lineNumber,
                            offset: offset,
                            seq: scan.lastSeq,
                            detail: "last record fails its checksum"
                        )
                    )
                } else {
                    let detail: String
                    switch failure {
                    case .checksum: detail = "checksum mismatch (\(newline - i) bytes)"
                    case .malformed(let why): detail = "unreadable record: \(why)"
                    }
                    reader.lose(
                        line: lineNumber,
                        offset: offset,
                        next: next,
                        detail: detail,
                        into: &scan,
                        onGroup: onGroup
                    )
                }
            }
            i = newline + 1
        }
    }

    mutating func finish(onGroup: ([SequencedRecord]) -> Void) -> LogScan {
        reader.finish(into: &scan)
        return scan
    }
}

/// Assembles records into groups: retractions, a document, its events.
private struct GroupReader {
    var group: [SequencedRecord] = []
    var hasDocument = false
    var expected = 0
    var groupOffset = 0
    var groupLine = 0

    mutating func take(
        _ record: SequencedRecord,
        line: Int,
        offset: Int,
        next: Int,
        into scan: inout LogScan,
        onGroup: ([SequencedRecord]) -> Void
    ) {
        switch record.record {
        case .retraction:
            if hasDocument { abandon(at: offset, line: line, into: &scan, onGroup: onGroup) }
            if group.isEmpty { begin(line: line, offset: offset) }
            group.append(record)
        case .document(let document):
            if hasDocument { abandon(at: offset, line: line, into: &scan, onGroup: onGroup) }
            if group.isEmpty { begin(line: line, offset: offset) }
            group.append(record)
            hasDocument = true
            expected = document.eventCount
        case .event:
            guard hasDocument else {
                scan.damage.append(
                    LogDamage(
                        kind: .corruptRecord,
                        line: line,
                        offset: offset,
                        seq: record.seq,
                        detail: "event record outside any document's group"
                    )
                )
                if group.isEmpty {
                    scan.validLength = next
                    scan.validLines = line
                }
                return
            }
            group.append(record)
            expected -= 1
        }
        if hasDocument && expected == 0 { close(endingAt: next, lines: line, into: &scan, onGroup: onGroup) }
    }

    /// A line that cannot be read: reported and skipped. Inside a group it
    /// counts as one of the document's events, so the group can still complete.
    mutating func lose(
        line: Int,
        offset: Int,
        next: Int,
        detail: String,
        into scan: inout LogScan,
        onGroup: ([SequencedRecord]) -> Void
    ) {
        scan.damage.append(
            LogDamage(
                kind: .corruptRecord,
                line: line,
                offset: offset,
                seq: group.last?.seq ?? scan.lastSeq,
                detail: detail
            )
        )
        if group.isEmpty {
            scan.validLength = next
            scan.validLines = line
        } else if hasDocument {
            expected -= 1
            if expected == 0 { close(endingAt: next, lines: line, into: &scan, onGroup: onGroup) }
        }
    }

    mutating func finish(into scan: inout LogScan) {
        guard !group.isEmpty else { return }
        scan.damage.append(
            incomplete { events in
                hasDocument
                    ? "document's group ends after \(events) of \(events + expected) events"
                    : "retraction without the document that replaces it"
            }
        )
    }

    /// The open group, reported as incomplete; `detail` gets how many of its events were read.
    private func incomplete(_ detail: (Int) -> String) -> LogDamage {
        let events = group.count { if case .event = $0.record { true } else { false } }
        return LogDamage(
            kind: .incompleteGroup,
            line: groupLine,
            offset: groupOffset,
            seq: group.first?.seq,
            detail: detail(events)
        )
    }

    private mutating func begin(line: Int, offset: Int) {
        groupLine = line
        groupOffset = offset
    }

    /// The open group stops early but later records are intact: keep what is there and say so.
    private mutating func abandon(
        at offset: Int,
        line: Int,
        into scan: inout LogScan,
        onGroup: ([SequencedRecord]) -> Void
    ) {
        scan.damage.append(incomplete { "document has \($0) of its events before the next document" })
        close(endingAt: offset, lines: line - 1, into: &scan, onGroup: onGroup)
    }

    /// - Parameter lines: lines in the log up to `end`.
    private mutating func close(
        endingAt end: Int,
        lines: Int,
        into scan: inout LogScan,
        onGroup: ([SequencedRecord]) -> Void
    ) {
        for r in group {
            switch r.record {
            case .document: scan.documentCount += 1
            case .event: scan.eventCount += 1
            case .retraction: scan.retractionCount += 1
            }
        }
        onGroup(group)
        if let last = group.last { scan.lastSeq = max(scan.lastSeq, last.seq) }
        scan.validLength = end
        scan.validLines = lines
        group = []
        hasDocument = false
        expected = 0
    }
}
