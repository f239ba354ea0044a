/// Which events in different documents report one happening: the same type and the same date
/// value, and a place in common, directly or through another report ("Heihe" and "Amur, Heihe").
/// Events that name no place never merge: a type and a day alone ("a meeting on 17 April") do
/// not tell two happenings apart.
public enum Happening {
    /// The reports of `event`'s happening among `candidates` (events of its start day), itself
    /// included, sorted by id.
    public static func reports(of event: TimelineEvent, among candidates: [TimelineEvent]) -> [TimelineEvent] {
        guard !event.places.isEmpty else { return [event] }
        var pool = candidates.filter {
            $0.id != event.id && $0.type == event.type && $0.date == event.date && !$0.places.isEmpty
        }
        var group = [event]
        var places = Set(event.places.map { $0.lowercased() })
        // Grow the group until no candidate left shares a place with it.
        var grew = true
        while grew {
            grew = false
            pool.removeAll { e in
                let own = e.places.map { $0.lowercased() }
                guard own.contains(where: places.contains) else { return false }
                group.append(e)
                places.formUnion(own)
                grew = true
                return true
            }
        }
        return group.sorted { $0.id < $1.id }
    }
}

extension Happening {
    /// Every happening among `events` (one start day, precision and type), as a map from each
    /// event's id to all the reports of its happening, sorted by id; in one pass, by union-find.
    public static func groups(_ events: [TimelineEvent]) -> [String: [TimelineEvent]] {
        var parent = Array(events.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        struct Key: Hashable {
            let type: EventType
            let date: TimexValue
            let place: String
        }
        var firstWith: [Key: Int] = [:]
        for (i, e) in events.enumerated() {
            for p in e.places {
                let key = Key(type: e.type, date: e.date, place: p.lowercased())
                if let j = firstWith[key] { parent[root(i)] = root(j) } else { firstWith[key] = i }
            }
        }
        var members: [Int: [TimelineEvent]] = [:]
        for (i, e) in events.enumerated() where !e.places.isEmpty { members[root(i), default: []].append(e) }
        var out: [String: [TimelineEvent]] = [:]
        for (_, group) in members {
            let sorted = group.sorted { $0.id < $1.id }
            for e in sorted { out[e.id] = sorted }
        }
        return out
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
