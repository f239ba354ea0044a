import Foundation
import TimelineCore

/// Events as an iCalendar stream (RFC 5545) of all-day VEVENTs.
///
/// Each event covers its interval: `DTSTART;VALUE=DATE` is its first day and
/// `DTEND;VALUE=DATE` the day after its last (DTEND is exclusive). The UID is
/// the event's id at `uidDomain`, and the id is stable for the same article
/// content, so importing a new export again updates events instead of
/// duplicating them. Text is escaped (§3.3.11) and lines are folded at 75
/// octets without splitting a UTF-8 sequence (§3.1); lines end in CRLF.
public struct ICalendarWriter: Sendable {
    public let uidDomain: String
    /// DTSTAMP: when this calendar was made.
    public let stamp: Date

    /// DTSTAMP's value, made once.
    private let stampText: String

    public init(uidDomain: String = "timelined.local", stamp: Date) {
        self.uidDomain = uidDomain
        self.stamp = stamp
        stampText = Self.utcStamp(stamp)
    }

    public var begin: String {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timelined//timelinectl export//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:timelined",
        ].map { Self.fold($0) }.joined()
    }

    public var end: String { Self.fold("END:VCALENDAR") }

    /// One VEVENT, folded, CRLF line ends.
    public func vevent(_ e: TimelineEvent) -> String {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + Self.escape("\(e.id)@\(uidDomain)"),
            "DTSTAMP:" + stampText,
            "DTSTART;VALUE=DATE:" + Self.basic(e.start),
            "DTEND;VALUE=DATE:" + Self.basic(e.end.adding(days: 1)),
            "SUMMARY:" + Self.escape(Self.summary(e)),
            "DESCRIPTION:" + Self.escape(Self.description(e)),
            "CATEGORIES:" + Self.escape(e.type.rawValue),
            "TRANSP:TRANSPARENT",
        ]
        if !e.places.isEmpty { lines.append("LOCATION:" + Self.escape(e.places.joined(separator: ", "))) }
        lines.append("END:VEVENT")
        return lines.map { Self.fold($0) }.joined()
    }

    /// A whole calendar.
    public func calendar(_ events: [TimelineEvent]) -> String {
        begin + events.map(vevent).joined() + end
    }

    /// "Deadline: " and the evidence, shortened to fit a calendar cell.
    static func summary(_ e: TimelineEvent) -> String {
        let type = e.type.rawValue.prefix(1).uppercased() + e.type.rawValue.dropFirst()
        let evidence = e.evidence.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(type): " + (evidence.count <= 80 ? evidence : String(evidence.prefix(79)) + "…")
    }

    static func description(_ e: TimelineEvent) -> String {
        var parts = [e.evidence, ""]
        parts.append("Date: \(e.date) (\(e.start) – \(e.end))")
        if let title = e.source.title { parts.append("Source: \(title)") }
        parts.append("File: \(e.source.path)")
        if !e.organizations.isEmpty { parts.append("Organisations: \(e.organizations.joined(separator: ", "))") }
        parts.append("Event: \(e.id)")
        return parts.joined(separator: "\n")
    }

    /// TEXT escaping: backslash, semicolon, comma, and line breaks as `\n`.
    ///
    /// Works on UTF-8 bytes: every byte it changes is ASCII, and appending
    /// scalar by scalar dominated the time of a large export.
    public static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        var previousCR = false
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\\"): out += [b, b]
            case UInt8(ascii: ";"), UInt8(ascii: ","): out += [UInt8(ascii: "\\"), b]
            case 13: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 10: if !previousCR { out += [UInt8(ascii: "\\"), UInt8(ascii: "n")] }
            // Other control characters are not allowed in TEXT.
            case 0..<0x20, 0x7F: out.append(UInt8(ascii: " "))
            default: out.append(b)
            }
            previousCR = b == 13
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds a content line into lines of at most 75 octets (continuations
    /// start with a space, which counts), never inside a UTF-8 sequence; adds CRLF.
    public static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line + "\r\n" }
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var cut = start + limit
            // Back up to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
            while cut > start && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            out += bytes[start..<cut]
            out += [13, 10, UInt8(ascii: " ")]
            start = cut
            limit = 74
        }
        out += bytes[start...]
        out += [13, 10]
        return String(decoding: out, as: UTF8.self)
    }

    static func basic(_ d: CivilDate) -> String {
        pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2)
    }

    /// Zero-padded digits (String(format:) is slow on Linux, and this runs per event).
    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func utcStamp(_ date: Date) -> String {
        let s = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(s) / 86_400).rounded(.down)))
        let secs = s - day.dayNumber * 86_400
        return basic(day) + "T" + pad(secs / 3600, 2) + pad(secs / 60 % 60, 2) + pad(secs % 60, 2) + "Z"
    }
}
