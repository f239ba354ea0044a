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
    public var uidDomain: String
    /// DTSTAMP: when this calendar was made.
    public var stamp: Date

    public init(uidDomain: String = "timelined.local", stamp: Date) {
        self.uidDomain = uidDomain
        self.stamp = stamp
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
            "DTSTAMP:" + Self.utcStamp(stamp),
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
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default:
                // Other control characters are not allowed in TEXT.
                if c.value < 0x20 || c.value == 0x7F { out += " " } else { out.unicodeScalars.append(c) }
            }
            previousCR = c == "\r"
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets (continuations
    /// start with a space, which counts), never inside a UTF-8 sequence; adds CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var width = 0
        let limit = 75
        for scalar in line.unicodeScalars {
            let n = String(scalar).utf8.count
            if width + n > limit {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += n
        }
        return out + "\r\n"
    }

    static func basic(_ d: CivilDate) -> String {
        String(format: "%04d%02d%02d", d.year, d.month, d.day)
    }

    static func utcStamp(_ date: Date) -> String {
        let s = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(s) / 86_400).rounded(.down)))
        let secs = s - day.dayNumber * 86_400
        return basic(day) + String(format: "T%02d%02d%02dZ", secs / 3600, secs / 60 % 60, secs % 60)
    }
}
