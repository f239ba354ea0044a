import TimelineCore

/// Everything the log holds, with the queries over it; a value, so the
/// store can publish a copy after each durable append and readers query
/// their copy without locks.
///
/// Events live in two sorted tiers: a large `main` tier, rebuilt rarely, and
/// a small `recent` tier that takes new events. Appending touches only the
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

    private var main = Tier()
    private var recent = Tier()
    /// Ids retracted but still stored in a tier.
    private var hidden: Set<String> = []
    private var byID: [String: TimelineEvent] = [:]
    private var idsByDocument: [String: [String]] = [:]
    /// Documents by SHA-256: every version ever logged.
    public private(set) var documents: [String: DocumentRecord] = [:]
    /// The newest document logged for each path.
    public private(set) var latestByPath: [String: String] = [:]
    /// When each current document was logged, to list them in that order.
    private var currentSeq: [String: UInt64] = [:]
    public private(set) var lastSeq: UInt64 = 0

    public init() {}

    /// Builds the index from a log's records in one pass and one sort.
    ///
    /// - Complexity: O(n log n) in the number of records.
    public init(_ records: [SequencedRecord]) {
        var pending: (DocumentRecord, UInt64)?
        var group: [TimelineEvent] = []
        func flush() {
            if let (d, seq) = pending { register(document: d, events: group, seq: seq) }
            pending = nil
            group = []
        }
        for r in records {
            switch r.record {
            case .retraction(let retraction):
                flush()
                withdraw(retraction)
            case .document(let d):
                flush()
                pending = (d, r.seq)
            case .event(let e):
                group.append(e)
            }
            lastSeq = max(lastSeq, r.seq)
        }
        flush()
        let sorted = byID.values.sorted { EventOrder($0) < EventOrder($1) }
        main = Tier(events: sorted, orders: sorted.map(EventOrder.init))
    }

    /// Adds a document and its events. The document becomes what its path holds now.
    ///
    /// - Complexity: O(r) per event, r ≤ `recentLimit`; O(n) when the recent tier is full and is merged.
    public mutating func add(document: DocumentRecord, events new: [TimelineEvent], lastSeq: UInt64) {
        let fresh = new.filter { byID[$0.id] == nil }
        register(document: document, events: fresh, seq: lastSeq)
        for event in fresh {
            // Ids come from content: a withdrawn event that comes back is still stored, only hidden.
            if hidden.remove(event.id) == nil { recent.insert(event) }
        }
        self.lastSeq = max(self.lastSeq, lastSeq)
        if recent.events.count >= Self.recentLimit { compact() }
    }

    /// Withdraws the events a retraction names; the log keeps them.
    ///
    /// - Complexity: O(k) for k events withdrawn; O(n) when hidden events are many and are dropped.
    public mutating func apply(_ retraction: Retraction, lastSeq: UInt64) {
        withdraw(retraction)
        for id in retraction.events { hidden.insert(id) }
        self.lastSeq = max(self.lastSeq, lastSeq)
        if hidden.count >= Self.recentLimit { compact() }
    }

    private mutating func register(document: DocumentRecord, events: [TimelineEvent], seq: UInt64) {
        if let previous = latestByPath[document.path], previous != document.sha256 {
            currentSeq[previous] = nil
        }
        documents[document.sha256] = document
        latestByPath[document.path] = document.sha256
        currentSeq[document.sha256] = seq
        for e in events where byID[e.id] == nil {
            byID[e.id] = e
            idsByDocument[e.source.document, default: []].append(e.id)
        }
    }

    private mutating func withdraw(_ retraction: Retraction) {
        for id in retraction.events {
            if let e = byID.removeValue(forKey: id) {
                idsByDocument[e.source.document]?.removeAll { $0 == id }
            }
        }
        if latestByPath[retraction.path] == retraction.document {
            currentSeq[retraction.document] = nil
        }
    }

    /// Merges the recent tier into the main one and drops withdrawn events.
    private mutating func compact() {
        let hidden = self.hidden
        var merged = Tier()
        merged.events.reserveCapacity(main.events.count + recent.events.count)
        merged.orders.reserveCapacity(main.events.count + recent.events.count)
        var cursor = TierCursor(self, after: nil)
        while let (e, o) = cursor.next() {
            if hidden.contains(e.id) { continue }
            merged.events.append(e)
            merged.orders.append(o)
        }
        main = merged
        recent = Tier()
        self.hidden = []
    }

    /// The events in order, withdrawn ones left out.
    ///
    /// - Complexity: O(n).
    public var events: [TimelineEvent] {
        var out: [TimelineEvent] = []
        out.reserveCapacity(eventCount)
        var cursor = TierCursor(self, after: nil)
        while let (e, _) = cursor.next() {
            if !hidden.contains(e.id) { out.append(e) }
        }
        return out
    }

    public var eventCount: Int { byID.count }

    public func event(id: String) -> TimelineEvent? { byID[id] }

    public func document(sha256: String) -> DocumentRecord? { documents[sha256] }

    /// The current version of each path, in the order they were logged.
    ///
    /// - Complexity: O(d log d) in the number of documents.
    public var documentOrder: [String] {
        currentSeq.sorted { $0.value < $1.value }.map(\.key)
    }

    /// True when this content is what some path in the drop folder holds now.
    public func isCurrent(sha256: String) -> Bool {
        guard let d = documents[sha256] else { return false }
        return latestByPath[d.path] == sha256
    }

    /// True when a file with this path, size and modification time is already logged.
    public func hasFile(path: String, size: Int, modified: Double) -> Bool {
        guard let sha = latestByPath[path], let d = documents[sha] else { return false }
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
        var cursor = TierCursor(self, after: query.after)
        while let (e, _) = cursor.next() {
            // In start order: nothing after this can start in time.
            if matcher.startsTooLate(e) { break }
            if !hidden.isEmpty && hidden.contains(e.id) { continue }
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

    /// Walks both tiers in `EventOrder`, from just after a position.
    private struct TierCursor {
        let main: Tier
        let recent: Tier
        var m: Int
        var r: Int

        init(_ index: EventIndex, after: EventOrder?) {
            main = index.main
            recent = index.recent
            m = after.map { EventIndex.upperBound(index.main.orders, $0) } ?? 0
            r = after.map { EventIndex.upperBound(index.recent.orders, $0) } ?? 0
        }

        mutating func next() -> (TimelineEvent, EventOrder)? {
            let takeMain: Bool
            if m < main.orders.count && r < recent.orders.count {
                takeMain = main.orders[m] < recent.orders[r]
            } else if m < main.orders.count {
                takeMain = true
            } else if r < recent.orders.count {
                takeMain = false
            } else {
                return nil
            }
            if takeMain {
                defer { m += 1 }
                return (main.events[m], main.orders[m])
            }
            defer { r += 1 }
            return (recent.events[r], recent.orders[r])
        }
    }
}
