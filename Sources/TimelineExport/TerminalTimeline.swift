import Foundation
import TimelineCore

/// Events as lines for a terminal: date, type, places, one line of
/// evidence (shortened with "…"), source file and id, each line cut to fit
/// `width` columns; ANSI colour only when asked for.
public struct TerminalTimeline: Sendable {
    /// Columns available; `nil` for no limit (output to a file or pipe).
    public var width: Int?
    public var color: Bool

    public init(width: Int?, color: Bool) {
        self.width = width
        self.color = color
    }

    static let dateWidth = 10
    static let typeWidth = 12
    /// Without a terminal the evidence is still kept to one readable line.
    static let plainEvidence = 140

    /// One event, one line, no newline.
    public func line(_ e: TimelineEvent) -> String {
        let date = Self.pad(e.date.description, Self.dateWidth)
        let type = Self.pad(e.type.rawValue, Self.typeWidth)
        var places = e.places.isEmpty ? "" : "[" + e.places.joined(separator: ", ") + "] "
        var source = "  — " + (e.source.path as NSString).lastPathComponent
        var id = "  (\(e.id))"
        let fixed = Self.dateWidth + 2 + Self.typeWidth + 2
        let evidence: String
        if let width {
            // The evidence is what people read: it keeps at least half of what is left after
            // the date and type. The id goes first, then places and source shrink in steps.
            let want = max(30, (width - fixed) / 2)
            func room() -> Int { width - fixed - Self.columns(places) - Self.columns(source) - Self.columns(id) }
            if room() < want { id = "" }
            for (placesCap, sourceCap) in [(28, 30), (20, 22), (12, 14)] where room() < want {
                places = Self.clipList(places, placesCap)
                source = Self.clip(source, sourceCap)
            }
            if room() < 16 {
                // A very narrow terminal: the evidence alone.
                places = ""
                source = ""
            }
            evidence = Self.clip(Self.oneLine(e.evidence), max(room(), 1))
        } else {
            evidence = Self.clip(Self.oneLine(e.evidence), Self.plainEvidence)
        }
        guard color else { return date + "  " + type + "  " + places + evidence + source + id }
        let c = Self.typeColor[e.type] ?? "39"
        return "\u{1B}[1m\(date)\u{1B}[0m  \u{1B}[\(c)m\(type)\u{1B}[0m  \u{1B}[36m\(places)\u{1B}[0m\(evidence)"
            + "\u{1B}[2m\(source)\(id)\u{1B}[0m"
    }

    /// "[a, b] " cut to `n` columns, still closed with "] ".
    static func clipList(_ s: String, _ n: Int) -> String {
        guard columns(s) > n, s.hasPrefix("[") else { return s }
        let inner = String(s.dropFirst().dropLast(2))
        return "[" + clip(inner, max(1, n - 3)) + "] "
    }

    static let typeColor: [EventType: String] = [
        .meeting: "34", .visit: "36", .deadline: "1;31", .approval: "32", .agreement: "35", .launch: "33",
        .announcement: "93",
    ]

    /// Line breaks and runs of blanks as one space.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func pad(_ s: String, _ n: Int) -> String {
        let w = columns(s)
        return w >= n ? s : s + String(repeating: " ", count: n - w)
    }

    /// `s` cut to at most `n` columns, ending in "…" when cut.
    public static func clip(_ s: String, _ n: Int) -> String {
        guard columns(s) > n else { return s }
        guard n > 1 else { return n == 1 ? "…" : "" }
        var out = ""
        var used = 0
        for ch in s {
            let w = columns(ch)
            if used + w > n - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Terminal columns: East Asian wide and full-width characters take two.
    public static func columns(_ s: String) -> Int { s.reduce(0) { $0 + columns($1) } }

    static func columns(_ ch: Character) -> Int {
        guard let v = ch.unicodeScalars.first?.value else { return 0 }
        if v < 0x1100 { return 1 }
        let wide =
            (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }
}
