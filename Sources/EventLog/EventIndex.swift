import TimelineCore

/// Everything the log holds, with the queries over it; a value, so the
/// store can publish a copy after each durable append and readers query
/// their copy without locks.
///
/// Events live in sorted tiers: a large `main` tier, rebuilt rarely, a
/// small `recent` tier that takes new events, and a `long` tier for the few
/// events that span more than a year. Appending touches only the
/// small tier, so publishing a snapshot never copies the large one; queries
/// merge the two. Retracted events are hidden by id until the next
/// compaction drops them.
public struct EventIndex: Sendable {
    /// Events sorted by `EventOrder`, with the orders alongside for binary search.
    struct Tier: Sendable {
        var events: [TimelineEvent] = []
        var orders: [EventOrder] = []

        mutating func insert(_ event: TimelineEvent) {
            let order = EventOrder(event)
            let at = EventIndex.lowerBound(orders, order)
            orders.insert(order, at: at)
            events.insert(event, at: at)
        }
    }

    /// New events stay in `recent` until it holds this many.
    static let recentLimit = 4096
    /// Events covering at most this many days live in `main` and `recent`, so a
    /// range query can skip every one of them that starts this long before its range.
    static let shortSpan = 366

    private var main = Tier()
    private var recent = Tier()
    /// Events covering more than `shortSpan` days (decades, centuries): few, always scanned.
    private var long = Tier()
    /// Ids retracted but still stored in a tier, with where they are stored.
    private var hidden: [String: EventOrder] = [:]
    // Layered, like the tiers, so an append never copies a large map.
    private var byID = LayeredMap<String, TimelineEvent>()
    private var idsByDocument = LayeredMap<String, [String]>()
    /// Documents by SHA-256: every version ever logged.
    private var documentsBySHA = LayeredMap<String, DocumentRecord>()
    /// The newest document logged for each path.
    private var pathToSHA = LayeredMap<String, String>()
    /// When each current document was logged, to list them in that order.
    private var currentSeq = LayeredMap<String, UInt64>()
    public private(set) var lastSeq: UInt64 = 0

    public init() {}

    /// Builds the index from a log's records in one pass and one sort.
    ///
    /// - Complexity: O(n log n) in the number of records.
    public init(_ records: [SequencedRecord]) {
        var builder = Builder()
        builder.add(group: records)
        self = builder.build()
    }

    /// Builds an index from a log read group by group, sorting once at the end.
    public struct Builder {
        private var index = EventIndex()

        public init() {}

        /// Takes records in log order (whole groups, or any run of them).
        public mutating func add(group records: [SequencedRecord]) {
            var pending: (DocumentRecord, UInt64)?
            var events: [TimelineEvent] = []
            func flush() {
                if let (d, seq) = pending { index.register(document: d, events: events, seq: seq) }
                pending = nil
                events = []
            }
            for r in records {
                switch r.record {
                case .retraction(let retraction):
                    flush()
                    index.withdraw(retraction)
                case .document(let d):
                    flush()
                    pending = (d, r.seq)
                case .event(let e):
                    events.append(e)
                }
                index.lastSeq = max(index.lastSeq, r.seq)
            }
            flush()
        }

        /// - Complexity: O(n log n).
        public func build() -> EventIndex {
            var index = self.index
            index.byID.compact()
            index.idsByDocument.compact()
            index.documentsBySHA.compact()
            index.pathToSHA.compact()
            index.currentSeq.compact()
            let sorted = index.byID.values.sorted { EventOrder($0) < EventOrder($1) }
            let (short, longer) = (sorted.filter { !EventIndex.isLong($0) }, sorted.filter(EventIndex.isLong))
            index.main = Tier(events: short, orders: short.map(EventOrder.init))
            index.long = Tier(events: longer, orders: longer.map(EventOrder.init))
            return index
        }
    }

    static func isLong(_ e: TimelineEvent) -> Bool { e.end.dayNumber - e.start.dayNumber + 1 > shortSpan }

    /// Adds a document and its events. The document becomes what its path holds now.
    ///
    /// - Complexity: O(r) per event, r ≤ `recentLimit`; O(n) when the recent tier is full and is merged.
    public mutating func add(document: DocumentRecord, events new: [TimelineEvent], lastSeq: UInt64) {
        let fresh = new.filter { byID[$0.id] == nil }
        register(document: document, events: fresh, seq: lastSeq)
        for event in fresh {
            // A withdrawn event that comes back may differ from its stored copy
            // (another path, another document date): replace the copy.
            if let stale = hidden.removeValue(forKey: event.id) { removeStored(id: event.id, at: stale) }
            if Self.isLong(event) { long.insert(event) } else { recent.insert(event) }
        }
        self.lastSeq = max(self.lastSeq, lastSeq)
        let topLayers = [pathToSHA.topCount, documentsBySHA.topCount, currentSeq.topCount, idsByDocument.topCount]
        if recent.events.count >= Self.recentLimit || topLayers.contains(where: { $0 >= Self.recentLimit }) {
            compact()
        }
    }

    /// Withdraws the events a retraction names; the log keeps them.
    ///
    /// - Complexity: O(k) for k events withdrawn; O(n) when hidden events are many and are dropped.
    public mutating func apply(_ retraction: Retraction, lastSeq: UInt64) {
        for id in retraction.events {
            if let e = byID[id] { hidden[id] = EventOrder(e) }
        }
        withdraw(retraction)
        self.lastSeq = max(self.lastSeq, lastSeq)
        if hidden.count >= Self.recentLimit { compact() }
    }

    private mutating func register(document: DocumentRecord, events: [TimelineEvent], seq: UInt64) {
        if let previous = pathToSHA[document.path], previous != document.sha256 {
            currentSeq[previous] = nil
        }
        documentsBySHA[document.sha256] = document
        pathToSHA[document.path] = document.sha256
        currentSeq[document.sha256] = seq
        var ids = idsByDocument[document.sha256] ?? []
        for e in events where byID[e.id] == nil {
            byID[e.id] = e
            ids.append(e.id)
        }
        if !events.isEmpty { idsByDocument[document.sha256] = ids }
    }

    private mutating func withdraw(_ retraction: Retraction) {
        var touched: [String: Set<String>] = [:]
        for id in retraction.events {
            if let e = byID.removeValue(forKey: id) { touched[e.source.document, default: []].insert(id) }
        }
        for (doc, ids) in touched {
            idsByDocument[doc] = idsByDocument[doc]?.filter { !ids.contains($0) }
        }
        if pathToSHA[retraction.path] == retraction.document {
            currentSeq[retraction.document] = nil
        }
    }

    /// Merges the recent tier into the main one and drops withdrawn events.
    private mutating func compact() {
        let hidden = self.hidden
        var merged = Tier()
        merged.events.reserveCapacity(main.events.count + recent.events.count)
        merged.orders.reserveCapacity(main.events.count + recent.events.count)
        var m = 0
        var r = 0
        while m < main.events.count || r < recent.events.count {
            let takeMain = r == recent.events.count || (m < main.events.count && main.orders[m] < recent.orders[r])
            let (e, o) = takeMain ? (main.events[m], main.orders[m]) : (recent.events[r], recent.orders[r])
            if takeMain { m += 1 } else { r += 1 }
            if hidden[e.id] != nil { continue }
            merged.events.append(e)
            merged.orders.append(o)
        }
        var keptLong = Tier()
        for (e, o) in zip(long.events, long.orders) where hidden[e.id] == nil {
            keptLong.events.append(e)
            keptLong.orders.append(o)
        }
        main = merged
        recent = Tier()
        long = keptLong
        self.hidden = [:]
        byID.compact()
        idsByDocument.compact()
        documentsBySHA.compact()
        pathToSHA.compact()
        currentSeq.compact()
    }

    /// Removes the stored copy of `id`, kept at `order` in one of the tiers.
    ///
    /// - Complexity: O(n) for the tier it is in; only when withdrawn content returns.
    private mutating func removeStored(id: String, at order: EventOrder) {
        func remove(from tier: inout Tier) -> Bool {
            let at = Self.lowerBound(tier.orders, order)
            guard at < tier.orders.count, tier.orders[at] == order else { return false }
            tier.orders.remove(at: at)
            tier.events.remove(at: at)
            return true
        }
        if remove(from: &recent) || remove(from: &long) { return }
        _ = remove(from: &main)
    }

    /// The events in order, withdrawn ones left out.
    ///
    /// - Complexity: O(n).
    public var events: [TimelineEvent] {
        var out: [TimelineEvent] = []
        out.reserveCapacity(eventCount)
        var cursor = TierCursor(self, after: nil, from: nil)
        while let (e, _) = cursor.next() {
            if hidden[e.id] == nil { out.append(e) }
        }
        return out
    }

    public var eventCount: Int { byID.count }

    public func event(id: String) -> TimelineEvent? { byID[id] }

    public func document(sha256: String) -> DocumentRecord? { documentsBySHA[sha256] }

    /// The SHA-256 of the newest document logged for `path`.
    public func latest(path: String) -> String? { pathToSHA[path] }

    /// Documents logged, counting every version.
    public var documentVersionCount: Int { documentsBySHA.count }

    /// The current version of each path, in the order they were logged.
    ///
    /// - Complexity: O(d log d) in the number of documents.
    public var documentOrder: [String] {
        currentSeq.entries.sorted { $0.value < $1.value }.map(\.key)
    }

    /// True when this content is what some path in the drop folder holds now.
    public func isCurrent(sha256: String) -> Bool {
        guard let d = documentsBySHA[sha256] else { return false }
        return pathToSHA[d.path] == sha256
    }

    /// True when a file with this path, size and modification time is already logged.
    public func hasFile(path: String, size: Int, modified: Double) -> Bool {
        guard let sha = pathToSHA[path], let d = documentsBySHA[sha] else { return false }
        // Times go through JSON as decimals: compare to the microsecond.
        return d.size == size && abs(d.modified - modified) < 1e-6
    }

    /// Ids of the indexed events read from a document.
    public func eventIDs(ofDocument sha: String) -> [String] { idsByDocument[sha] ?? [] }

    public struct Page: Sendable {
        public var events: [TimelineEvent]
        /// Where the next page starts; `nil` when there is none.
        public var next: EventOrder?
    }

    /// The events matching `query`, in `EventOrder`, at most `query.limit`.
    ///
    /// - Complexity: O(log n + k) where k is the number of events that start
    ///   between the cursor and `query.to`.
    public func query(_ query: TimelineQuery) -> Page {
        let matcher = TimelineQuery.Matcher(query)
        let limit = max(0, query.limit)
        var out: [TimelineEvent] = []
        out.reserveCapacity(min(limit, 256))
        var cursor = TierCursor(self, after: query.after, from: query.from)
        while let (e, _) = cursor.next() {
            // In start order: nothing after this can start in time.
            if matcher.startsTooLate(e) { break }
            if !hidden.isEmpty && hidden[e.id] != nil { continue }
            if !matcher.matches(e) { continue }
            if out.count == limit {
                return Page(events: out, next: out.last.map(EventOrder.init))
            }
            out.append(e)
        }
        return Page(events: out, next: nil)
    }

    /// Counts for `stats`.
    ///
    /// - Complexity: O(n).
    public var eventCountsByType: [EventType: Int] {
        var counts: [EventType: Int] = [:]
        for e in byID.values { counts[e.type, default: 0] += 1 }
        return counts
    }

    static func lowerBound(_ a: [EventOrder], _ x: EventOrder) -> Int {
        var lo = 0
        var hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func upperBound(_ a: [EventOrder], _ x: EventOrder) -> Int {
        var lo = 0
        var hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Walks the tiers in `EventOrder`, from just after a position, skipping
    /// short events that end before `from`.
    private struct TierCursor {
        let tiers: [Tier]
        var positions: [Int]

        init(_ index: EventIndex, after: EventOrder?, from: CivilDate?) {
            tiers = [index.main, index.recent, index.long]
            let earliest = from.map {
                EventOrder(startDay: $0.dayNumber - EventIndex.shortSpan, precision: .min, id: "")
            }
            positions = tiers.enumerated().map { k, tier in
                let afterCursor = after.map { EventIndex.upperBound(tier.orders, $0) } ?? 0
                // The long tier holds events that may start any time before `from`.
                guard k < 2, let earliest else { return afterCursor }
                return max(afterCursor, EventIndex.lowerBound(tier.orders, earliest))
            }
        }

        mutating func next() -> (TimelineEvent, EventOrder)? {
            var best = -1
            for k in 0..<tiers.count where positions[k] < tiers[k].orders.count {
                if best < 0 || tiers[k].orders[positions[k]] < tiers[best].orders[positions[best]] { best = k }
            }
            guard best >= 0 else { return nil }
            defer { positions[best] += 1 }
            return (tiers[best].events[positions[best]], tiers[best].orders[positions[best]])
        }
    }
}
