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
    /// Events sorted by `EventOrder`, with the orders alongside for binary search,
    /// and beside them what a query can reject an event by without touching it.
    struct Tier: Sendable {
        var events: [TimelineEvent] = []
        var orders: [EventOrder] = []
        /// Last day of each event, as a day number.
        var ends: [Int32] = []
        /// Each event's type as one bit (`EventIndex.bit(_:)`).
        var typeBits: [UInt8] = []
        var signatures: [EvidenceSignature] = []

        init() {}

        var count: Int { orders.count }

        mutating func reserve(_ n: Int) {
            events.reserveCapacity(n)
            orders.reserveCapacity(n)
            ends.reserveCapacity(n)
            typeBits.reserveCapacity(n)
            signatures.reserveCapacity(n)
        }

        mutating func append(_ e: TimelineEvent, order: EventOrder, signature: EvidenceSignature) {
            events.append(e)
            orders.append(order)
            ends.append(Int32(clamping: e.end.dayNumber))
            typeBits.append(EventIndex.bit(e.type))
            signatures.append(signature)
        }

        /// Copies entry `k` of `other` to the end.
        mutating func append(from other: Tier, _ k: Int) {
            events.append(other.events[k])
            orders.append(other.orders[k])
            ends.append(other.ends[k])
            typeBits.append(other.typeBits[k])
            signatures.append(other.signatures[k])
        }

        mutating func insert(_ event: TimelineEvent) {
            let order = EventOrder(event)
            let at = EventIndex.lowerBound(orders, order)
            orders.insert(order, at: at)
            events.insert(event, at: at)
            ends.insert(Int32(clamping: event.end.dayNumber), at: at)
            typeBits.insert(EventIndex.bit(event.type), at: at)
            signatures.insert(EvidenceSignature(event.evidence), at: at)
        }

        mutating func remove(at k: Int) {
            events.remove(at: k)
            orders.remove(at: k)
            ends.remove(at: k)
            typeBits.remove(at: k)
            signatures.remove(at: k)
        }

        /// Where `order` is stored, if it is.
        func position(of order: EventOrder) -> Int? {
            let at = EventIndex.lowerBound(orders, order)
            return at < orders.count && orders[at] == order ? at : nil
        }
    }

    static func bit(_ type: EventType) -> UInt8 {
        switch type {
        case .meeting: 1
        case .visit: 2
        case .deadline: 4
        case .approval: 8
        case .agreement: 16
        case .launch: 32
        case .announcement: 64
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
    // Layered, like the tiers, so an append never copies a large map. Each id
    // maps to its place in the order; the event itself is stored once, in a tier.
    private var byID = LayeredMap<String, EventOrder>()
    private var idsByDocument = LayeredMap<String, [String]>()
    /// Documents by SHA-256: every version ever logged.
    private var documentsBySHA = LayeredMap<String, DocumentRecord>()
    /// The newest document logged for each path.
    private var pathToSHA = LayeredMap<String, String>()
    /// When each current document was logged, to list them in that order.
    private var currentSeq = LayeredMap<String, UInt64>()
    /// The happenings several current reports share (`EventIndex+Happenings.swift`).
    var happenings = HappeningTable()
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
        /// The events logged and not withdrawn, until `build` sorts them into tiers.
        private var events: [String: TimelineEvent] = [:]
        /// One copy of each place and organisation name, and of each source.
        private var interner = Interner()

        public init() {}

        /// - Parameter expectedEvents: about how many events the log holds, so the maps
        ///   are sized once instead of growing through every power of two.
        public init(expectedEvents: Int) {
            events.reserveCapacity(expectedEvents)
            index.byID.reserveCapacity(expectedEvents)
        }

        /// Takes records in log order (whole groups, or any run of them).
        public mutating func add(group records: [SequencedRecord]) {
            var pending: (DocumentRecord, UInt64)?
            var groupEvents: [TimelineEvent] = []
            func flush() {
                if let (d, seq) = pending {
                    for e in index.register(document: d, events: groupEvents, seq: seq) { events[e.id] = e }
                }
                pending = nil
                groupEvents = []
            }
            for r in records {
                switch r.record {
                case .retraction(let retraction):
                    flush()
                    var documents: [String: String] = [:]
                    for id in retraction.events { documents[id] = events.removeValue(forKey: id)?.source.document }
                    index.withdraw(retraction) { documents[$0] }
                case .document(let d):
                    flush()
                    pending = (d, r.seq)
                case .event(let e):
                    groupEvents.append(interner.intern(e))
                }
                index.lastSeq = max(index.lastSeq, r.seq)
            }
            flush()
        }

        /// The index, built by one sort; the builder is left empty.
        ///
        /// - Complexity: O(n log n).
        public mutating func build() -> EventIndex {
            var index = self.index
            self.index = EventIndex()
            index.byID.compact()
            index.idsByDocument.compact()
            index.documentsBySHA.compact()
            index.pathToSHA.compact()
            index.currentSeq.compact()
            let all = Array(events.values)
            // Freed before the tiers are filled, so the two never take memory at once.
            events = [:]
            // Sorted as positions, by (start, precision) packed into one integer and then
            // id: moving a million events around while sorting costs more than the comparisons.
            let keys = all.map { e in (Int64(e.start.dayNumber) << 8) | Int64(e.date.precision & 0xFF) }
            var order = Array(0..<all.count)
            order.sort { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : all[a].id < all[b].id }
            index.main.reserve(all.count)
            for k in order {
                let e = all[k]
                let signature = EvidenceSignature(e.evidence)
                if EventIndex.isLong(e) {
                    index.long.append(e, order: EventOrder(e), signature: signature)
                } else {
                    index.main.append(e, order: EventOrder(e), signature: signature)
                }
            }
            index.happenings = HappeningTable(index)
            return index
        }
    }

    /// Shares one copy of the strings many events repeat: sources, places, organisations.
    struct Interner {
        private var names: [String: String] = [:]
        private var lists: [[String]: [String]] = [:]
        private var lastSource: SourceReference?

        mutating func intern(_ e: TimelineEvent) -> TimelineEvent {
            var e = e
            if let last = lastSource, last == e.source {
                e.source = last
            } else {
                e.source = SourceReference(
                    path: name(e.source.path),
                    title: e.source.title,
                    document: e.source.document
                )
                lastSource = e.source
            }
            e.places = list(e.places)
            e.organizations = list(e.organizations)
            return e
        }

        private mutating func name(_ s: String) -> String {
            if let known = names[s] { return known }
            names[s] = s
            return s
        }

        private mutating func list(_ l: [String]) -> [String] {
            if l.isEmpty { return [] }
            if let known = lists[l] { return known }
            let shared = l.map { name($0) }
            lists[shared] = shared
            return shared
        }
    }

    static func isLong(_ e: TimelineEvent) -> Bool { e.end.dayNumber - e.start.dayNumber + 1 > shortSpan }

    /// Adds a document and its events. The document becomes what its path holds now.
    ///
    /// - Complexity: O(r) per event, r ≤ `recentLimit`; O(n) when the recent tier is full and is merged.
    public mutating func add(document: DocumentRecord, events new: [TimelineEvent], lastSeq: UInt64) {
        // Interned within the group only: a table shared across appends would be copied with each snapshot.
        var interner = Interner()
        let fresh = new.filter { byID[$0.id] == nil }.map { interner.intern($0) }
        register(document: document, events: fresh, seq: lastSeq)
        for event in fresh {
            // A withdrawn event that comes back may differ from its stored copy
            // (another path, another document date): replace the copy.
            if let stale = hidden.removeValue(forKey: event.id) { removeStored(id: event.id, at: stale) }
            if Self.isLong(event) { long.insert(event) } else { recent.insert(event) }
        }
        noteArrivals(fresh)
        self.lastSeq = max(self.lastSeq, lastSeq)
        let topLayers = [
            pathToSHA.topCount, documentsBySHA.topCount, currentSeq.topCount, idsByDocument.topCount,
            happenings.topCount,
        ]
        if recent.events.count >= Self.recentLimit || topLayers.contains(where: { $0 >= Self.recentLimit }) {
            compact()
        }
    }

    /// Withdraws the events a retraction names; the log keeps them.
    ///
    /// - Complexity: O(k) for k events withdrawn; O(n) when hidden events are many and are dropped.
    public mutating func apply(_ retraction: Retraction, lastSeq: UInt64) {
        for id in retraction.events {
            if let order = byID[id] { hidden[id] = order }
        }
        noteWithdrawals(retraction.events)
        var documents: [String: String] = [:]
        for id in retraction.events { documents[id] = hidden[id].flatMap(storedEvent(at:))?.source.document }
        withdraw(retraction) { documents[$0] }
        self.lastSeq = max(self.lastSeq, lastSeq)
        if hidden.count >= Self.recentLimit { compact() }
    }

    /// Records a document and those of its events not already indexed, which it returns.
    @discardableResult
    private mutating func register(document: DocumentRecord, events: [TimelineEvent], seq: UInt64) -> [TimelineEvent] {
        if let previous = pathToSHA[document.path], previous != document.sha256 {
            currentSeq[previous] = nil
        }
        documentsBySHA[document.sha256] = document
        pathToSHA[document.path] = document.sha256
        currentSeq[document.sha256] = seq
        var ids = idsByDocument[document.sha256] ?? []
        var added: [TimelineEvent] = []
        for e in events where byID[e.id] == nil {
            byID[e.id] = EventOrder(e)
            ids.append(e.id)
            added.append(e)
        }
        if !events.isEmpty { idsByDocument[document.sha256] = ids }
        return added
    }

    /// - Parameter documentOf: the document an indexed event was read from.
    private mutating func withdraw(_ retraction: Retraction, documentOf: (String) -> String?) {
        var touched: [String: Set<String>] = [:]
        for id in retraction.events {
            if byID.removeValue(forKey: id) != nil, let doc = documentOf(id) { touched[doc, default: []].insert(id) }
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
        merged.reserve(main.count + recent.count)
        var m = 0
        var r = 0
        while m < main.count || r < recent.count {
            let takeMain = r == recent.count || (m < main.count && main.orders[m] < recent.orders[r])
            let (tier, k) = takeMain ? (main, m) : (recent, r)
            if takeMain { m += 1 } else { r += 1 }
            if !hidden.isEmpty && hidden[tier.orders[k].id] != nil { continue }
            merged.append(from: tier, k)
        }
        var keptLong = Tier()
        for k in 0..<long.count where hidden[long.orders[k].id] == nil { keptLong.append(from: long, k) }
        main = merged
        recent = Tier()
        long = keptLong
        self.hidden = [:]
        byID.compact()
        idsByDocument.compact()
        documentsBySHA.compact()
        pathToSHA.compact()
        currentSeq.compact()
        happenings.compact()
    }

    /// Removes the stored copy of `id`, kept at `order` in one of the tiers.
    ///
    /// - Complexity: O(n) for the tier it is in; only when withdrawn content returns.
    private mutating func removeStored(id: String, at order: EventOrder) {
        func remove(from tier: inout Tier) -> Bool {
            guard let at = tier.position(of: order) else { return false }
            tier.remove(at: at)
            return true
        }
        if remove(from: &recent) || remove(from: &long) { return }
        _ = remove(from: &main)
    }

    /// The event stored at `order`, withdrawn or not.
    func storedEvent(at order: EventOrder) -> TimelineEvent? {
        // Tier by tier, not through an array of them: merged queries call this for every mention.
        if let k = recent.position(of: order) { return recent.events[k] }
        if let k = long.position(of: order) { return long.events[k] }
        if let k = main.position(of: order) { return main.events[k] }
        return nil
    }

    /// Calls `body` with each tier: the large, the recent and the long one.
    func forEachTier(_ body: (Tier) -> Void) {
        body(main)
        body(recent)
        body(long)
    }

    func isHidden(_ id: String) -> Bool { !hidden.isEmpty && hidden[id] != nil }

    /// The events in order, withdrawn ones left out.
    ///
    /// - Complexity: O(n).
    public var events: [TimelineEvent] {
        var out: [TimelineEvent] = []
        out.reserveCapacity(eventCount)
        var cursor = TierCursor(self, after: nil, filter: .all)
        while let (e, _) = cursor.next() {
            if hidden[e.id] == nil { out.append(e) }
        }
        return out
    }

    public var eventCount: Int { byID.count }

    public func event(id: String) -> TimelineEvent? { byID[id].flatMap(storedEvent(at:)) }

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
        var cursor = TierCursor(self, after: query.after, filter: Prefilter(query))
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
        for tier in [main, recent, long] {
            for e in tier.events where hidden.isEmpty || hidden[e.id] == nil { counts[e.type, default: 0] += 1 }
        }
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

    /// What a query rejects an event by from the tiers' side arrays alone.
    struct Prefilter {
        /// Events ending before this day are out.
        var fromDay = Int32.min
        /// Events starting after this day are out, and so is everything after them in a tier.
        var toDay = Int.max
        var types: UInt8 = 0xFF
        var signature = EvidenceSignature.empty

        static let all = Prefilter()

        init() {}

        init(_ q: TimelineQuery) {
            if let from = q.from { fromDay = Int32(clamping: from.dayNumber) }
            if let to = q.to { toDay = to.dayNumber }
            if !q.types.isEmpty { types = q.types.reduce(0) { $0 | EventIndex.bit($1) } }
            // As the matcher splits and folds them; words that are not all ASCII are
            // matched after full lower-casing, which pairs of bytes cannot stand for.
            let words = q.text.map { $0.lowercased().split(whereSeparator: \.isWhitespace) } ?? []
            if words.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
                signature = EvidenceSignature(words: words.map { Array($0.utf8) })
            }
        }

        @inline(__always) func admits(_ tier: borrowing Tier, _ k: Int) -> Bool {
            tier.ends[k] >= fromDay && tier.typeBits[k] & types != 0 && tier.signatures[k].contains(signature)
        }
    }

    /// Walks the tiers in `EventOrder`, from just after a position, skipping
    /// short events that end before the filter's first day and events the
    /// prefilter rejects.
    struct TierCursor {
        let tiers: [Tier]
        var positions: [Int]
        let filter: Prefilter

        init(_ index: EventIndex, after: EventOrder?, filter: Prefilter) {
            tiers = [index.main, index.recent, index.long]
            self.filter = filter
            let earliest =
                filter.fromDay == Int32.min
                ? nil : EventOrder(startDay: Int(filter.fromDay) - EventIndex.shortSpan, precision: .min, id: "")
            positions = tiers.enumerated().map { k, tier in
                let afterCursor = after.map { EventIndex.upperBound(tier.orders, $0) } ?? 0
                // The long tier holds events that may start any time before `from`.
                guard k < 2, let earliest else { return afterCursor }
                return max(afterCursor, EventIndex.lowerBound(tier.orders, earliest))
            }
        }

        mutating func next() -> (TimelineEvent, EventOrder)? {
            guard let (t, k) = nextPosition() else { return nil }
            return (tiers[t].events[k], tiers[t].orders[k])
        }

        /// Where the next event is stored (`tiers[tier]`, entry `k`), without copying it.
        mutating func nextPosition() -> (tier: Int, k: Int)? {
            var best = -1
            var bestAt = 0
            for k in 0..<tiers.count {
                let p = Self.advance(tiers[k], from: positions[k], filter)
                positions[k] = p
                guard p < tiers[k].count else { continue }
                if best < 0 || tiers[k].orders[p] < tiers[best].orders[bestAt] {
                    best = k
                    bestAt = p
                }
            }
            guard best >= 0 else { return nil }
            positions[best] = bestAt + 1
            return (best, bestAt)
        }

        /// The first position from `start` the prefilter admits; the tier's end when none can.
        /// The tier is borrowed: copying it would retain its five arrays at every step.
        private static func advance(_ tier: borrowing Tier, from start: Int, _ filter: Prefilter) -> Int {
            var p = start
            let n = tier.count
            while p < n && !filter.admits(tier, p) {
                // Sorted by start: nothing further in this tier starts in time.
                if tier.orders[p].startDay > filter.toDay { return n }
                p += 1
            }
            return p
        }
    }
}
