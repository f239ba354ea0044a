import TimelineCore

extension EventIndex {
    /// The current reports of `event`'s happening, itself included, in order (`Happening.reports`).
    /// They share its start day, precision and type, so they lie together in each tier's order:
    /// a binary search and a short scan.
    public func reports(of event: TimelineEvent) -> [TimelineEvent] {
        guard Happening.Key(event) != nil else { return [event] }
        return Happening.reports(of: event, among: sameDay(as: event))
    }

    /// The current events with `event`'s start day, precision and type.
    func sameDay(as event: TimelineEvent) -> [TimelineEvent] {
        let first = EventOrder(startDay: event.start.dayNumber, precision: event.date.precision, id: "")
        var out: [TimelineEvent] = []
        forEachTier { tier in
            var k = EventIndex.lowerBound(tier.orders, first)
            while k < tier.count, tier.startDay(k) == first.startDay, tier.precision(k) == first.precision {
                if tier.typeBits[k] == EventIndex.bit(event.type) {
                    let e = tier.events[k]
                    if !isHidden(e.id) { out.append(e) }
                }
                k += 1
            }
        }
        return out
    }

    /// `query`, with each happening that several documents report once (`HappeningMerge`).
    ///
    /// - Complexity: for each event a page passes, O(log n + m) where m is the number of events
    ///   with its start day, precision and type.
    public func mergedQuery(_ query: TimelineQuery) -> Page {
        let (events, next) = HappeningMerge.page(
            limit: max(0, query.limit),
            after: query.after,
            matcher: TimelineQuery.Matcher(query),
            fetch: { after in
                var q = query
                q.after = after
                let page = self.query(q)
                return (page.events, page.next)
            },
            reports: reports(of:)
        )
        return Page(events: events, next: next)
    }

    /// One event with the other reports of its happening, as `mergedQuery` shows it.
    public func mergedEvent(id: String) -> TimelineEvent? {
        guard var e = event(id: id) else { return nil }
        let others = reports(of: e).filter { $0.id != id }
        if !others.isEmpty { e.mentions = others.map(Mention.init) }
        return e
    }
}
