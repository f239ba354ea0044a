import Foundation
import TimelineCore

/// Events as CSV (RFC 4180): a header row, CRLF line ends, and any field
/// holding a comma, a double quote, CR or LF quoted with its quotes doubled.
///
/// Lists (places, organisations) are joined with "; " inside one field.
public enum CSVWriter {
    public static let columns = [
        "id", "type", "date", "start", "end", "places", "organizations", "evidence", "source_path", "source_title",
        "document",
    ]

    /// The header row, CRLF included.
    public static var header: String { row(columns) }

    /// One event's row, CRLF included.
    public static func row(_ e: TimelineEvent) -> String {
        row([
            e.id, e.type.rawValue, e.date.description, e.start.description, e.end.description,
            e.places.joined(separator: "; "), e.organizations.joined(separator: "; "), e.evidence, e.source.path,
            e.source.title ?? "", e.source.document,
        ])
    }

    /// Fields joined by commas, each quoted when it must be.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it holds a comma, a quote, CR or LF.
    public static func field(_ s: String) -> String {
        let needsQuotes = s.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
        }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
