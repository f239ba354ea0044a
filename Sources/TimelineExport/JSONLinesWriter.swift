import Foundation
import TimelineCore

/// Events as JSON lines, one object per line with every field of the event.
///
/// A followed stream (`export --follow`) adds the log position `seq` to each
/// line, and a changed article's withdrawals are lines of their own:
///
///     {"seq":41,"retracted":["b398dd44d05fb1dd-3","b398dd44d05fb1dd-4"],"document":"<sha-256>"}
///
/// `document` is the article version withdrawn. A consumer deletes (or marks)
/// the ids listed; `seq` only grows, so the last one seen is where to resume.
public enum JSONLinesWriter {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// The event's JSON, no newline.
    public static func line(_ e: TimelineEvent) throws -> String {
        String(decoding: try encoder().encode(e), as: UTF8.self)
    }

    /// The event's JSON with its log position, no newline.
    public static func line(_ e: TimelineEvent, seq: UInt64) throws -> String {
        String(decoding: try encoder().encode(Sequenced(seq: seq, event: e)), as: UTF8.self)
    }

    /// A withdrawal line, no newline.
    public static func retraction(_ ids: [String], document: String?, seq: UInt64) throws -> String {
        String(decoding: try encoder().encode(Withdrawal(seq: seq, retracted: ids, document: document)), as: UTF8.self)
    }

    /// The `seq` of a line this writer made, read back without a full parse
    /// (how a restarted exporter finds where its output file ends).
    public static func seq(ofLine line: String) -> UInt64? {
        try? JSONDecoder().decode(Position.self, from: Data(line.utf8)).seq
    }

    struct Position: Decodable { var seq: UInt64 }

    struct Sequenced: Encodable {
        var seq: UInt64
        var event: TimelineEvent
        enum CodingKeys: String, CodingKey { case seq }
        func encode(to encoder: any Encoder) throws {
            try event.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(seq, forKey: .seq)
        }
    }

    struct Withdrawal: Encodable {
        var seq: UInt64
        var retracted: [String]
        var document: String?
    }
}
