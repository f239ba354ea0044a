/// Which events in different documents report one happening: the same type, the same date value
/// at day or month precision, and the same places. Looser rules merge what an analyst needs apart:
/// a shared country ("China") or transitive chains of places would fold a day's meetings into one,
/// and a year or a quarter is too coarse to say two reports are of one meeting. Events that name no
/// place never merge: a type and a day alone do not tell two happenings apart.
public enum Happening {
    public struct Key: Hashable, Sendable {
        public let type: EventType
        public let date: TimexValue
        /// Lower-cased, sorted, each once.
        public let places: [String]

        public init?(_ event: TimelineEvent) {
            guard !event.places.isEmpty, event.date.precision <= Happening.coarsestPrecision else { return nil }
            type = event.type
            date = event.date
            places = Set(event.places.map { $0.lowercased() }).sorted()
        }
    }

    /// A month: coarser dates never merge.
    public static let coarsestPrecision = TimexValue(.month(year: 2000, month: 1)).precision

    /// The reports of `event`'s happening among `candidates`, itself included, sorted by id.
    public static func reports(of event: TimelineEvent, among candidates: [TimelineEvent]) -> [TimelineEvent] {
        guard let key = Key(event) else { return [event] }
        // Cheap tests first: a key lower-cases and sorts its places.
        var out = candidates.filter {
            $0.id != event.id && $0.date == event.date && $0.type == event.type
                && $0.places.count >= key.places.count && Key($0) == key
        }
        out.append(event)
        return out.sorted { $0.id < $1.id }
    }
}

/// Another document's report of a happening, listed with the event a query returns for it.
public struct Mention: Codable, Hashable, Sendable {
    public var id: String
    public var evidence: String
    public var source: SourceReference

    public init(_ event: TimelineEvent) {
        id = event.id
        evidence = event.evidence
        source = event.source
    }

    public init(id: String, evidence: String, source: SourceReference) {
        self.id = id
        self.evidence = evidence
        self.source = source
    }
}

/// Query results with each happening once: among the events that match a query, the first in
/// `EventOrder` stands for its happening and lists the other reports of it in `mentions`; the
/// others are left out. Members of one happening share a type and a date, so they differ in
/// order only by id, and "first" does not depend on where a page starts.
public enum HappeningMerge {
    /// One page of at most `limit` merged results after `after`.
    /// - Parameters:
    ///   - fetch: the next events matching the query after a position, in order, with the
    ///     position after them (`nil` at the end): the index's own query.
    ///   - reports: every current report of an event's happening, itself included, in order
    ///     (`Happening.reports`).
    public static func page(
        limit: Int,
        after: EventOrder?,
        matcher: TimelineQuery.Matcher,
        fetch: (EventOrder?) -> (events: [TimelineEvent], next: EventOrder?),
        reports: (TimelineEvent) -> [TimelineEvent]
    ) -> (events: [TimelineEvent], next: EventOrder?) {
        var out: [TimelineEvent] = []
        var position = after
        while true {
            let (events, next) = fetch(position)
            for e in events {
                var entry = e
                entry.mentions = nil  // set here only, never taken from storage
                let all = reports(e)
                if all.count > 1 {
                    // Shown at its first matching report only.
                    guard all.first(where: matcher.matches)?.id == e.id else { continue }
                    entry.mentions = all.filter { $0.id != e.id }.map(Mention.init)
                }
                if out.count == limit { return (out, out.last.map(EventOrder.init)) }
                out.append(entry)
            }
            guard let next else { return (out, nil) }
            position = next
        }
    }
}
