/// What makes mentions in different documents one happening: the same type, the same date
/// value and the same places. Events that name no place are never merged: a type and a day
/// alone ("a meeting on 17 April") do not tell two happenings apart.
public struct HappeningKey: Hashable, Sendable {
    public let type: EventType
    public let date: TimexValue
    /// Lower-cased, sorted, each once.
    public let places: [String]

    public init?(_ event: TimelineEvent) {
        guard !event.places.isEmpty else { return nil }
        type = event.type
        date = event.date
        places = Set(event.places.map { $0.lowercased() }).sorted()
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
    ///   - members: every current event of a happening, in order.
    public static func page(
        limit: Int,
        after: EventOrder?,
        matcher: TimelineQuery.Matcher,
        fetch: (EventOrder?) -> (events: [TimelineEvent], next: EventOrder?),
        members: (HappeningKey) -> [TimelineEvent]
    ) -> (events: [TimelineEvent], next: EventOrder?) {
        var out: [TimelineEvent] = []
        var position = after
        while true {
            let (events, next) = fetch(position)
            for e in events {
                var entry = e
                if let key = HappeningKey(e) {
                    let all = members(key)
                    if all.count > 1 {
                        // Shown at its first matching member only.
                        guard all.first(where: matcher.matches)?.id == e.id else { continue }
                        entry.mentions = all.filter { $0.id != e.id }.map(Mention.init)
                    }
                }
                if out.count == limit { return (out, out.last.map(EventOrder.init)) }
                out.append(entry)
            }
            guard let next else { return (out, nil) }
            position = next
        }
    }
}
