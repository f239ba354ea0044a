import TimelineCore

/// An immutable-by-value view of everything the log holds, with the queries over it.
///
/// The store publishes a copy after each durable append; readers query their
/// copy without locks.
public struct EventIndex: Sendable {
    /// Sorted by `EventOrder`.
    public private(set) var events: [TimelineEvent] = []
    private var orders: [EventOrder] = []
    private var byID: [String: TimelineEvent] = [:]
    /// Documents by SHA-256: every version ever logged.
    public private(set) var documents: [String: DocumentRecord] = [:]
    /// The current version of each path, in the order they were logged.
    public private(set) var documentOrder: [String] = []
    /// The newest document logged for each path.
    public private(set) var latestByPath: [String: String] = [:]
    public private(set) var lastSeq: UInt64 = 0

    public init() {}

    /// Adds a document and its events. The document becomes what its path holds now.
    ///
    /// - Complexity: O(n) per event in the number of indexed events (sorted insertion).
    public mutating func add(document: DocumentRecord, events new: [TimelineEvent], lastSeq: UInt64) {
        if let previous = latestByPath[document.path], previous != document.sha256 {
            documentOrder.removeAll { $0 == previous }
        }
        documentOrder.removeAll { $0 == document.sha256 }
        documentOrder.append(document.sha256)
        documents[document.sha256] = document
        latestByPath[document.path] = document.sha256
        for event in new where byID[event.id] == nil {
            let order = EventOrder(event)
            let at = Self.lowerBound(orders, order)
            orders.insert(order, at: at)
            events.insert(event, at: at)
            byID[event.id] = event
        }
        self.lastSeq = max(self.lastSeq, lastSeq)
    }

    /// Withdraws the events a retraction names; the log keeps them.
    ///
    /// - Complexity: O(n) in the number of indexed events.
    public mutating func apply(_ retraction: Retraction, lastSeq: UInt64) {
        let ids = Set(retraction.events)
        if !ids.isEmpty {
            var keep: [Int] = []
            keep.reserveCapacity(events.count)
            for (i, e) in events.enumerated() {
                if ids.contains(e.id) { byID[e.id] = nil } else { keep.append(i) }
            }
            if keep.count != events.count {
                events = keep.map { events[$0] }
                orders = keep.map { orders[$0] }
            }
        }
        if latestByPath[retraction.path] == retraction.document {
            documentOrder.removeAll { $0 == retraction.document }
        }
        self.lastSeq = max(self.lastSeq, lastSeq)
    }

    /// Ids of the indexed events read from a document.
    ///
    /// - Complexity: O(n) in the number of indexed events.
    public func eventIDs(ofDocument sha: String) -> [String] {
        events.filter { $0.source.document == sha }.map(\.id)
    }

    /// True when this content is what some path in the drop folder holds now.
    public func isCurrent(sha256: String) -> Bool {
        guard let d = documents[sha256] else { return false }
        return latestByPath[d.path] == sha256
    }

    /// Builds the index from a log's records.
    public init(_ records: [SequencedRecord]) {
        var pending: DocumentRecord?
        var group: [TimelineEvent] = []
        var seq: UInt64 = 0
        func flush() {
            if let d = pending { add(document: d, events: group, lastSeq: seq) }
            pending = nil
            group = []
        }
        for r in records {
            seq = r.seq
            switch r.record {
            case .retraction(let retraction):
                flush()
                apply(retraction, lastSeq: r.seq)
            case .document(let d):
                flush()
                pending = d
            case .event(let e):
                group.append(e)
            }
        }
        flush()
    }

    public func event(id: String) -> TimelineEvent? { byID[id] }

    public func document(sha256: String) -> DocumentRecord? { documents[sha256] }

    /// True when a file with this path, size and modification time is already logged.
    public func hasFile(path: String, size: Int, modified: Double) -> Bool {
        guard let sha = latestByPath[path], let d = documents[sha] else { return false }
        // Times go through JSON as decimals: compare to the microsecond.
        return d.size == size && abs(d.modified - modified) < 1e-6
    }

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
        var i = query.after.map { Self.upperBound(orders, $0) } ?? 0
        let matcher = TimelineQuery.Matcher(query)
        let limit = max(0, query.limit)
        var out: [TimelineEvent] = []
        out.reserveCapacity(min(limit, 256))
        while i < events.count {
            let e = events[i]
            // Sorted by start: nothing further on can start in time.
            if matcher.startsTooLate(e) { break }
            if matcher.matches(e) {
                if out.count == limit {
                    return Page(events: out, next: out.last.map(EventOrder.init))
                }
                out.append(e)
            }
            i += 1
        }
        return Page(events: out, next: nil)
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

    /// Counts for `stats`.
    public var eventCountsByType: [EventType: Int] {
        var counts: [EventType: Int] = [:]
        for e in events { counts[e.type, default: 0] += 1 }
        return counts
    }

    /// Events logged per document.
    public func eventCount(document sha: String) -> Int { documents[sha]?.eventCount ?? 0 }
}
