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

    /// `query`, with each happening that several documents report once (`HappeningMerge`): among
    /// the events that match, the first in order stands for its happening and lists the other
    /// reports in `mentions`.
    ///
    /// A happening's reports share a start day and precision, so a report that matches and comes
    /// before another is met first in this walk, unless it lies before the page's start: only
    /// those are read again. Once a report of a happening has matched, the others are skipped by
    /// id from a small set, so the table is asked only about events that match.
    ///
    /// - Complexity: as `query`, plus O(m log n) for each result whose happening has m reports.
    public func mergedQuery(_ query: TimelineQuery) -> Page {
        let matcher = TimelineQuery.Matcher(query)
        let limit = max(0, query.limit)
        var out: [TimelineEvent] = []
        out.reserveCapacity(min(limit, 256))
        var lastOrder: EventOrder?
        /// The reports of every happening one of whose reports has matched.
        var seen = Set<String>()
        var cursor = TierCursor(self, after: query.after, filter: Prefilter(query))
        // The cursor's prefilter has already passed over what the side columns rule out; an
        // event is made from the columns only for what it cannot decide.
        let tiers = cursor.tiers
        while let (t, k) = cursor.nextPosition() {
            if matcher.startsTooLate(startDay: tiers[t].startDay(k)) { return Page(events: out, next: nil) }
            guard tiers[t].matches(matcher, k) else { continue }
            // Whether it can have other reports (`HappeningTable.mayShare`), from the columns.
            let mayShare =
                tiers[t].precision(k) <= Happening.coarsestPrecision
                && !tiers[t].lists[Int(tiers[t].placeLists[k])].isEmpty
            let id = tiers[t].id(k)
            if mayShare && !seen.isEmpty && seen.contains(id) { continue }
            if isHidden(id) { continue }
            var mentions: [Mention]?
            if mayShare, let happening = happenings.happening(of: id) {
                let reports = happenings.reports(happening)
                for report in reports { seen.insert(report.id) }
                // One that matches before the page's start stood for the happening on an earlier page.
                if let after = query.after,
                    reports.contains(where: { $0 <= after && storedEvent(at: $0).map(matcher.matches) == true })
                {
                    continue
                }
                if out.count == limit { return Page(events: out, next: lastOrder) }
                mentions = reports.filter { $0.id != id }.compactMap(storedMention(at:))
            } else if out.count == limit {
                return Page(events: out, next: lastOrder)
            }
            var entry = tiers[t].event(at: k)
            entry.mentions = mentions  // set here only, never taken from storage
            lastOrder = EventOrder(startDay: tiers[t].startDay(k), precision: tiers[t].precision(k), id: id)
            out.append(entry)
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
