import TimelineCore

extension EventIndex {
    /// The current reports of `event`'s happening, itself included, in order (`Happening.reports`).
    public func reports(of event: TimelineEvent) -> [TimelineEvent] {
        guard let happening = happenings.happening(of: event.id) else { return [event] }
        return happenings.reports(happening).compactMap(storedEvent(at:))
    }

    /// `reports(of:)` found by scanning: the events sharing `event`'s start day, precision and
    /// type lie together in each tier's order, so a binary search and a short scan. What keeps
    /// the happening table up to date as events arrive.
    func scannedReports(of event: TimelineEvent) -> [TimelineEvent] {
        guard Happening.Key(event) != nil else { return [event] }
        return Happening.reports(of: event, among: sameDay(as: event))
    }

    /// The current events with `event`'s start day, precision and type.
    func sameDay(as event: TimelineEvent) -> [TimelineEvent] {
        let first = EventOrder(startDay: event.start.dayNumber, precision: event.date.precision, id: "")
        var out: [TimelineEvent] = []
        forEachTier { tier in
            var k = EventIndex.lowerBound(tier.orders, first)
            while k < tier.count, tier.orders[k].startDay == first.startDay, tier.orders[k].precision == first.precision
            {
                if tier.typeBits[k] == EventIndex.bit(event.type) {
                    let e = tier.events[k]
                    if !isHidden(e.id) { out.append(e) }
                }
                k += 1
            }
        }
        return out
    }

    /// Brings the happening table up to date with events just stored (`add`).
    ///
    /// - Complexity: for each event with a `Happening.Key`, O(log n + m) where m is the number
    ///   of events with its start day, precision and type.
    mutating func noteArrivals(_ events: [TimelineEvent]) {
        for e in events where Happening.Key(e) != nil {
            let orders = scannedReports(of: e).map(EventOrder.init)
            happenings.set(orders)
        }
    }

    /// Takes withdrawn events out of the happening table (`apply`).
    mutating func noteWithdrawals(_ ids: [String]) {
        for id in ids { happenings.remove(id: id) }
    }

    /// Calls `body` with every current event and its order, in order.
    func forEachCurrent(_ body: (TimelineEvent, EventOrder) -> Void) {
        var cursor = TierCursor(self, after: nil, filter: .all)
        while let (e, order) = cursor.next() {
            if !isHidden(e.id) { body(e, order) }
        }
    }

    /// `query`, with each happening that several documents report once (`HappeningMerge`): among
    /// the events that match, the first in order stands for its happening and lists the other
    /// reports in `mentions`.
    ///
    /// A happening's reports share a start day and precision, so a report that matches and comes
    /// before another is met first in this walk, unless it lies before the page's start: only
    /// those are read again. Reports of a happening already shown are skipped by id alone.
    ///
    /// - Complexity: as `query`, plus O(m log n) for each result whose happening has m reports.
    public func mergedQuery(_ query: TimelineQuery) -> Page {
        let matcher = TimelineQuery.Matcher(query)
        let limit = max(0, query.limit)
        var out: [TimelineEvent] = []
        out.reserveCapacity(min(limit, 256))
        var lastOrder: EventOrder?
        var shown = Set<Int32>()
        var cursor = TierCursor(self, after: query.after, filter: Prefilter(query))
        // Events are read in place and copied only when they are shown.
        while let (t, k) = cursor.nextPosition() {
            let id = cursor.tiers[t].orders[k].id
            if matcher.startsTooLate(cursor.tiers[t].events[k]) { break }
            if isHidden(id) { continue }
            let happening = happenings.happening(of: id)
            if let happening, shown.contains(happening) { continue }
            if !matcher.matches(cursor.tiers[t].events[k]) { continue }
            var mentions: [Mention]?
            if let happening {
                shown.insert(happening)
                let reports = happenings.reports(happening)
                // One that matches before the page's start stood for the happening on an earlier page.
                if let after = query.after,
                    reports.contains(where: { $0 <= after && storedEvent(at: $0).map(matcher.matches) == true })
                {
                    continue
                }
                if out.count == limit { return Page(events: out, next: lastOrder) }
                mentions = reports.filter { $0.id != id }.compactMap(storedEvent(at:)).map(Mention.init)
            } else if out.count == limit {
                return Page(events: out, next: lastOrder)
            }
            var entry = cursor.tiers[t].events[k]
            entry.mentions = mentions  // set here only, never taken from storage
            out.append(entry)
            lastOrder = cursor.tiers[t].orders[k]
        }
        return Page(events: out, next: nil)
    }

    /// One event with the other reports of its happening, as `mergedQuery` shows it.
    public func mergedEvent(id: String) -> TimelineEvent? {
        guard var e = event(id: id) else { return nil }
        let others = reports(of: e).filter { $0.id != id }
        if !others.isEmpty { e.mentions = others.map(Mention.init) }
        return e
    }
}
