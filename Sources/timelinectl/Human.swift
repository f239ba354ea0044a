import Foundation
import TimelineCore
import TimelineProtocol

/// Text for people (the timeline's own lines are `TerminalTimeline`'s).
enum Human {
    static func eventDetail(_ e: TimelineEvent) -> String {
        var lines = [
            "id:        \(e.id)",
            "type:      \(e.type.rawValue)",
            "date:      \(e.date)  (\(e.start) – \(e.end))",
            "evidence:  \(e.evidence)",
            "source:    \(e.source.path)" + (e.source.title.map { "  “\($0)”" } ?? ""),
        ]
        if !e.places.isEmpty { lines.append("places:    \(e.places.joined(separator: ", "))") }
        if !e.organizations.isEmpty { lines.append("orgs:      \(e.organizations.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    static func source(_ entry: SourceEntry) -> String {
        let d = entry.document
        let gone = entry.present ? "" : "  (file gone; events kept)"
        return source(d) + gone
    }

    static func source(_ d: DocumentRecord) -> String {
        switch d.status {
        case .ingested:
            let dct = d.dct.map { "\($0) (\(d.dctSource ?? "?"))" } ?? "-"
            return
                "ingested  \(String(d.eventCount).padding(toLength: 4, withPad: " ", startingAt: 0)) events  dct \(dct)  \(d.path)"
                + formatNote(d)
        case .failed:
            return "set aside             \(d.path): \(d.reason ?? "unknown reason")"
        }
    }

    /// `  [html, WINDOWS-1252]`; nothing for records written before formats were recorded.
    static func formatNote(_ d: DocumentRecord) -> String {
        let parts = [d.format, d.encoding].compactMap { $0 }
        return parts.isEmpty ? "" : "  [\(parts.joined(separator: ", "))]"
    }

    static func stats(_ s: StatsResult) -> String {
        var lines = [
            "documents: \(s.documents) ingested, \(s.failedDocuments) set aside, \(s.pending) pending",
            "events:    \(s.events)",
        ]
        for (type, n) in s.eventsByType.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(type.padding(toLength: 13, withPad: " ", startingAt: 0)) \(n)")
        }
        lines.append("log:       \(s.logBytes) bytes, last seq \(s.lastSeq)")
        lines.append("uptime:    \(Int(s.uptimeSeconds)) s")
        return lines.joined(separator: "\n")
    }
}
