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
    /// Records of complete groups, in log order.
    public var records: [SequencedRecord] = []
    public var damage: [LogDamage] = []
    /// Where the last complete group ends: appends go here, and anything
    /// after it is a torn tail.
    public var validLength = 0
    /// The highest sequence number among kept records (0 for an empty log).
    public var lastSeq: UInt64 = 0

    public var documentCount: Int {
        records.count { if case .document = $0.record { true } else { false } }
    }
    public var eventCount: Int { records.count - documentCount }

    /// Reads every line of `bytes`, keeping complete groups and reporting the rest.
    ///
    /// - Complexity: O(n) in the size of the log.
    public static func scan(_ bytes: [UInt8]) -> LogScan {
        var scan = LogScan()
        var group: [SequencedRecord] = []
        var expected = 0
        var groupOffset = 0
        var groupLine = 0
        var lineNumber = 0
        var offset = 0

        func closeGroup(endingAt end: Int) {
            scan.records += group
            if let last = group.last { scan.lastSeq = max(scan.lastSeq, last.seq) }
            scan.validLength = end
            group = []
            expected = 0
        }

        while offset < bytes.count {
            lineNumber += 1
            guard let newline = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else {
                scan.damage.append(
                    LogDamage(
                        kind: .tornTail,
                        line: lineNumber,
                        offset: offset,
                        seq: scan.lastSeq,
                        detail: "last record has no line end (\(bytes.count - offset) bytes cut off)"
                    )
                )
                break
            }
            let line = bytes[offset..<newline]
            let next = newline + 1
            switch LogLineCodec.decode(line) {
            case .success(let record):
                if case .document(let document) = record.record {
                    if !group.isEmpty {
                        // The previous document's events stop early, but later records are
                        // intact: keep what is there and say so.
                        scan.damage.append(
                            LogDamage(
                                kind: .incompleteGroup,
                                line: groupLine,
                                offset: groupOffset,
                                seq: group.first?.seq,
                                detail: "document has \(group.count - 1) of its events before the next document"
                            )
                        )
                        closeGroup(endingAt: offset)
                    }
                    group = [record]
                    expected = document.eventCount
                    groupOffset = offset
                    groupLine = lineNumber
                } else if group.isEmpty {
                    scan.damage.append(
                        LogDamage(
                            kind: .corruptRecord,
                            line: lineNumber,
                            offset: offset,
                            seq: record.seq,
                            detail: "event record outside any document's group"
                        )
                    )
                    scan.validLength = next
                } else {
                    group.append(record)
                    expected -= 1
                }
                if !group.isEmpty && expected == 0 { closeGroup(endingAt: next) }
            case .failure(let failure):
                let isLast = next == bytes.count
                if isLast && failure == .checksum {
                    scan.damage.append(
                        LogDamage(
                            kind: .tornTail,
                            line: lineNumber,
                            offset: offset,
                            seq: scan.lastSeq,
                            detail: "last record fails its checksum"
                        )
                    )
                    offset = bytes.count
                    continue
                }
                let detail: String
                switch failure {
                case .checksum: detail = "checksum mismatch (\(line.count) bytes)"
                case .malformed(let why): detail = "unreadable record: \(why)"
                }
                scan.damage.append(
                    LogDamage(
                        kind: .corruptRecord,
                        line: lineNumber,
                        offset: offset,
                        seq: group.last?.seq ?? scan.lastSeq,
                        detail: detail
                    )
                )
                if group.isEmpty {
                    scan.validLength = next
                } else {
                    // A lost event in a group: count it so the group can still complete.
                    expected -= 1
                    if expected == 0 { closeGroup(endingAt: next) }
                }
            }
            offset = next
        }
        if !group.isEmpty {
            scan.damage.append(
                LogDamage(
                    kind: .incompleteGroup,
                    line: groupLine,
                    offset: groupOffset,
                    seq: group.first?.seq,
                    detail: "document's group ends after \(group.count - 1) of \(group.count - 1 + expected) events"
                )
            )
        }
        return scan
    }
}
