import Foundation
import TimelineCore

/// One line of the log.
///
/// Records come in groups: when a path's content changed, a retraction of
/// the old version first; then a document record; then exactly `eventCount`
/// event records. A group is appended with one write and one fsync, and
/// recovery keeps a group only when all of it is present.
public enum LogRecord: Sendable, Hashable {
    case retraction(Retraction)
    case document(DocumentRecord)
    case event(TimelineEvent)
}

/// Withdraws the events of a document version that a newer version of the
/// same path replaces. The log is never rewritten: this record is the correction.
public struct Retraction: Codable, Hashable, Sendable {
    /// SHA-256 of the version withdrawn.
    public var document: String
    public var path: String
    /// Ids of the events withdrawn.
    public var events: [String]
    /// Why: `changed` (the path now holds other content).
    public var reason: String

    public init(document: String, path: String, events: [String], reason: String) {
        self.document = document
        self.path = path
        self.events = events
        self.reason = reason
    }
}

/// A record with its position in the log.
public struct SequencedRecord: Sendable, Hashable {
    public var seq: UInt64
    public var record: LogRecord

    public init(seq: UInt64, record: LogRecord) {
        self.seq = seq
        self.record = record
    }
}

/// The line format: a JSON object, so `jq` and `grep` read the log as it is,
/// ending in a fixed-width checksum field:
///
///     {"document":{…},"kind":"document","seq":7,"crc":"1a2b3c4d"}
///
/// The CRC-32C covers every byte before `,"crc":`; the suffix has a fixed
/// length, so a reader finds it without parsing.
public enum LogLineCodec {
    static let crcPrefix = Array(#","crc":""#.utf8)
    /// `,"crc":"` + 8 hex digits + `"}`.
    static let suffixLength = crcPrefix.count + 8 + 2

    private struct Line: Codable {
        var seq: UInt64
        var kind: String
        var document: DocumentRecord?
        var event: TimelineEvent?
        var retraction: Retraction?
    }

    /// Encodes a record as one line, newline included.
    public static func encode(_ record: SequencedRecord) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line: Line
        switch record.record {
        case .document(let d): line = Line(seq: record.seq, kind: "document", document: d)
        case .event(let e): line = Line(seq: record.seq, kind: "event", event: e)
        case .retraction(let r): line = Line(seq: record.seq, kind: "retraction", retraction: r)
        }
        var bytes = Array(try encoder.encode(line))
        precondition(bytes.last == UInt8(ascii: "}"))
        bytes.removeLast()
        let crc = CRC32C.checksum(bytes)
        bytes += crcPrefix
        bytes += Array(hex8(crc).utf8)
        bytes += Array(#""}"#.utf8)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    public enum DecodeFailure: Error, Equatable {
        /// No checksum suffix, or the checksum does not match.
        case checksum
        /// The checksum matched but the JSON is not a record we know.
        case malformed(String)
    }

    /// Decodes one line (without its newline).
    public static func decode(_ line: ArraySlice<UInt8>) -> Result<SequencedRecord, DecodeFailure> {
        guard line.count > suffixLength else { return .failure(.checksum) }
        let bodyEnd = line.endIndex - suffixLength
        guard line[bodyEnd..<(bodyEnd + crcPrefix.count)].elementsEqual(crcPrefix),
            line[line.endIndex - 2] == UInt8(ascii: "\""), line[line.endIndex - 1] == UInt8(ascii: "}"),
            let stored = parseHex8(line[(bodyEnd + crcPrefix.count)..<(line.endIndex - 2)]),
            stored == CRC32C.checksum(line[line.startIndex..<bodyEnd])
        else { return .failure(.checksum) }
        if let fast = line.withUnsafeBufferPointer(FastRecordDecoder.decode) { return .success(fast) }
        return decodeGenerally(line)
    }

    /// Decodes a checked line with `JSONDecoder`: any shape `Codable` accepts.
    static func decodeGenerally(_ line: ArraySlice<UInt8>) -> Result<SequencedRecord, DecodeFailure> {
        do {
            let decoded = try JSONDecoder().decode(Line.self, from: Data(line))
            switch (decoded.kind, decoded.document, decoded.event, decoded.retraction) {
            case ("document", let d?, nil, nil):
                return .success(SequencedRecord(seq: decoded.seq, record: .document(d)))
            case ("event", nil, let e?, nil):
                return .success(SequencedRecord(seq: decoded.seq, record: .event(e)))
            case ("retraction", nil, nil, let r?):
                return .success(SequencedRecord(seq: decoded.seq, record: .retraction(r)))
            default:
                return .failure(.malformed("unknown record kind \(decoded.kind)"))
            }
        } catch {
            return .failure(.malformed(String(describing: error)))
        }
    }

    static func hex8(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }

    static func parseHex8(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        guard bytes.count == 8 else { return nil }
        var v: UInt32 = 0
        for b in bytes {
            let d: UInt8
            switch b {
            case 48...57: d = b - 48
            case 97...102: d = b - 87
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}
