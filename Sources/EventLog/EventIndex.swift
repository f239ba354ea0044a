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

    var main = Tier()
    var recent = Tier()
    /// Events covering more than `shortSpan` days (decades, centuries): few, always scanned.
    var long = Tier()
    /// Ids retracted but still stored in a tier, with where they are stored.
    var hidden: [String: EventOrder] = [:]
    /// Where each indexed (not withdrawn) event is stored, for the ids changed since the last
    /// compaction (`nil`: withdrawn); the others are found through the id tables of `main` and
    /// `long`. Small, like the recent tier, so an append never copies a large map.
    var changedIDs: [String: EventOrder?] = [:]
    /// Events indexed and not withdrawn.
    var indexedCount = 0
    // Layered, like the tiers, so an append never copies a large map.
    /// Documents by SHA-256, every version ever logged, each with its seq while it is
    /// current and its indexed events' ids.
    var documents = LayeredMap<DocumentEntry>()
    /// The newest document logged for each path.
    var pathToSHA = LayeredMap<String>()
    /// The happenings several current reports share (`EventIndex+Happenings.swift`).
    var happenings = HappeningTable()
    /// Which events of `main` hold each word of their evidence, once built (`EvidenceWords`).
    var evidenceWords = EvidenceWordsSlot()
    public internal(set) var lastSeq: UInt64 = 0

    public init() {}

    /// Builds the index from a log's records in one pass and one sort.
    ///
    /// - Complexity: O(n log n) in the number of records.
    public init(_ records: [SequencedRecord]) {
        var builder = Builder()
        builder.add(group: records)
        self = builder.build()
    }

    static func isLong(_ e: TimelineEvent) -> Bool { e.end.dayNumber - e.start.dayNumber + 1 > shortSpan }

    /// Adds a document and its events. The document becomes what its path holds now.
    ///
    /// - Complexity: O(r) per event, r ≤ `recentLimit`; O(n) when the recent tier is full and is merged.
    public mutating func add(document: DocumentRecord, events new: [TimelineEvent], lastSeq: UInt64) {
        let fresh = new.filter { storedOrder(id: $0.id) == nil }
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
            pathToSHA.topCount, documents.topCount,
            happenings.topCount,
        ]
        if recent.count >= Self.recentLimit || topLayers.contains(where: { $0 >= Self.recentLimit }) {
            compact()
        }
    }

    /// Takes one group of records read from the log after this index was made, as
    /// `Builder.add(group:)` takes them when it builds the index from the start.
    ///
    /// - Complexity: as `apply` and `add`.
    public mutating func replay(group records: [SequencedRecord]) {
        var pending: (DocumentRecord, UInt64)?
        var groupEvents: [TimelineEvent] = []
        var last: UInt64 = lastSeq
        func flush() {
            if let (d, seq) = pending { add(document: d, events: groupEvents, lastSeq: seq) }
            pending = nil
            groupEvents = []
        }
        for r in records {
            switch r.record {
            case .retraction(let retraction):
                flush()
                apply(retraction, lastSeq: r.seq)
            case .document(let d):
                flush()
                pending = (d, r.seq)
            case .event(let e):
                groupEvents.append(e)
            }
            last = max(last, r.seq)
        }
        flush()
        lastSeq = max(lastSeq, last)
    }

    /// Withdraws the events a retraction names; the log keeps them.
    ///
    /// - Complexity: O(k) for k events withdrawn; O(n) when hidden events are many and are dropped.
    public mutating func apply(_ retraction: Retraction, lastSeq: UInt64) {
        for id in retraction.events {
            if let order = storedOrder(id: id) { hidden[id] = order }
        }
        noteWithdrawals(retraction.events)
        var documentOf: [String: String] = [:]
        for id in retraction.events { documentOf[id] = hidden[id].flatMap(storedEvent(at:))?.source.document }
        withdraw(retraction) { documentOf[$0] }
        self.lastSeq = max(self.lastSeq, lastSeq)
        if hidden.count >= Self.recentLimit { compact() }
    }

    /// Where the indexed event `id` is stored; `nil` when it is not indexed or was withdrawn.
    ///
    /// - Complexity: O(1) expected.
    func storedOrder(id: String) -> EventOrder? {
        if let changed = changedIDs[id] { return changed }
        if let k = main.position(ofID: id) { return main.order(k) }
        if let k = long.position(ofID: id) { return long.order(k) }
        return nil
    }

    /// Records a document and those of its events not already indexed, which it returns.
    @discardableResult
    private mutating func register(document: DocumentRecord, events: [TimelineEvent], seq: UInt64) -> [TimelineEvent] {
        registerDocument(document, seq: seq)
        var ids = documents[document.sha256]?.ids ?? IDList()
        var added: [TimelineEvent] = []
        for e in events where storedOrder(id: e.id) == nil {
            changedIDs[e.id] = .some(EventOrder(e))
            indexedCount += 1
            ids.append(e.id)
            added.append(e)
        }
        if !events.isEmpty { documents[document.sha256]?.ids = ids }
        return added
    }

    /// Makes `document` what its path holds now, logged at `seq`.
    mutating func registerDocument(_ document: DocumentRecord, seq: UInt64) {
        if let previous = pathToSHA[document.path], previous != document.sha256 {
            documents[previous]?.currentSeq = nil
        }
        var entry = documents[document.sha256] ?? DocumentEntry(record: document, currentSeq: nil)
        entry.record = document
        entry.currentSeq = seq
        documents[document.sha256] = entry
        pathToSHA[document.path] = document.sha256
    }

    /// - Parameter documentOf: the document an indexed event was read from.
    private mutating func withdraw(_ retraction: Retraction, documentOf: (String) -> String?) {
        var touched: [String: Set<String>] = [:]
        for id in retraction.events where storedOrder(id: id) != nil {
            changedIDs[id] = .some(nil)
            indexedCount -= 1
            if let doc = documentOf(id) { touched[doc, default: []].insert(id) }
        }
        finishWithdrawal(retraction, touched: touched)
    }

    /// Takes withdrawn ids (by the document they were read from) out of their documents'
    /// lists, and the retraction's document out of the current ones.
    mutating func finishWithdrawal(_ retraction: Retraction, touched: [String: Set<String>]) {
        for (doc, ids) in touched {
            if var entry = documents[doc] {
                entry.ids = entry.ids.removing(ids)
                documents[doc] = entry
            }
        }
        if pathToSHA[retraction.path] == retraction.document {
            documents[retraction.document]?.currentSeq = nil
        }
    }

    /// Merges the recent tier into the main one and drops withdrawn events.
    ///
    /// - Complexity: O(n).
    mutating func compact() {
        let hidden = self.hidden
        var merged = TierBuilder()
        merged.reserve(events: main.count + recent.count, textBytes: main.text.count + recent.text.count)
        var fromMain = TierBuilder.Remap(main)
        var fromRecent = TierBuilder.Remap(recent)
        // Where each entry goes (-1: dropped), so the evidence postings follow without a rebuild.
        var mainMoves = [Int32](repeating: -1, count: main.count)
        var recentMoves = [Int32](repeating: -1, count: recent.count)
        var m = 0
        var r = 0
        while m < main.count || r < recent.count {
            let takeMain = r == recent.count || (m < main.count && Tier.less(main, m, recent, r))
            if takeMain {
                m += 1
                if !hidden.isEmpty && hidden[main.id(m - 1)] != nil { continue }
                mainMoves[m - 1] = Int32(merged.tier.count)
                merged.append(from: main, m - 1, &fromMain)
            } else {
                r += 1
                if !hidden.isEmpty && hidden[recent.id(r - 1)] != nil { continue }
                recentMoves[r - 1] = Int32(merged.tier.count)
                merged.append(from: recent, r - 1, &fromRecent)
            }
        }
        var keptLong = TierBuilder()
        var fromLong = TierBuilder.Remap(long)
        for k in 0..<long.count where hidden.isEmpty || hidden[long.id(k)] == nil {
            keptLong.append(from: long, k, &fromLong)
        }
        let (oldMain, oldRecent) = (main, recent)
        main = merged.finish()
        recent = Tier()
        long = keptLong.finish()
        evidenceWords = evidenceWords.compacted(
            main: oldMain,
            mainMoves: mainMoves,
            recent: oldRecent,
            recentMoves: recentMoves,
            into: main
        )
        self.hidden = [:]
        // Every indexed event is now in a tier with an id table.
        changedIDs = [:]
        documents.compact()
        pathToSHA.compact()
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
        if remove(from: &main) { evidenceWords = evidenceWords.renewed() }
    }

    /// The event stored at `order`, withdrawn or not.
    func storedEvent(at order: EventOrder) -> TimelineEvent? {
        if let k = recent.position(of: order) { return recent.event(at: k) }
        if let k = long.position(of: order) { return long.event(at: k) }
        if let k = main.position(of: order) { return main.event(at: k) }
        return nil
    }

    /// The stored event at `order` as a mention: its id, evidence and source only, read from
    /// the columns (no places, organisations or date made). A report of the happening table's
    /// base is in `main` and found through its id table, not by a search.
    func storedMention(at order: EventOrder) -> Mention? {
        func mention(_ tier: borrowing Tier, _ k: Int) -> Mention {
            Mention(id: tier.id(k), evidence: tier.evidence(k), source: tier.sources[Int(tier.sourceNumbers[k])])
        }
        if let k = main.position(ofID: order.id),
            main.keys[k] == Tier.key(startDay: order.startDay, precision: order.precision)
        {
            return mention(main, k)
        }
        if let k = recent.position(of: order) { return mention(recent, k) }
        if let k = long.position(of: order) { return mention(long, k) }
        if let k = main.position(of: order) { return mention(main, k) }
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
        while let (t, k) = cursor.next() {
            let e = cursor.tiers[t].event(at: k)
            if hidden[e.id] == nil { out.append(e) }
        }
        return out
    }

    public var eventCount: Int { indexedCount }

    public func event(id: String) -> TimelineEvent? { storedOrder(id: id).flatMap(storedEvent(at:)) }

    public func document(sha256: String) -> DocumentRecord? { documents[sha256]?.record }

    /// The SHA-256 of the newest document logged for `path`.
    public func latest(path: String) -> String? { pathToSHA[path] }

    /// Documents logged, counting every version.
    public var documentVersionCount: Int { documents.count }

    /// The current version of each path, in the order they were logged.
    ///
    /// - Complexity: O(d log d) in the number of documents.
    public var documentOrder: [String] {
        documents.compactMapEntries(packed: DocumentEntry.currentSeq(in:)) { $0.currentSeq }
            .sorted { $0.value < $1.value }.map(\.key)
    }

    /// How many paths hold a document of this status now (`stats`), read from the packed
    /// documents: making a hundred thousand of them whole left tens of megabytes of heap behind.
    ///
    /// - Complexity: O(d) in the number of documents.
    public func currentDocumentCount(status: DocumentRecord.Status) -> Int {
        documents.count(
            packed: { DocumentEntry.currentStatus(in: $0) == status },
            changed: { $0.currentSeq != nil && $0.record.status == status }
        )
    }

    /// True when this content is what some path in the drop folder holds now.
    public func isCurrent(sha256: String) -> Bool {
        guard let d = document(sha256: sha256) else { return false }
        return pathToSHA[d.path] == sha256
    }

    /// True when a file with this path, size and modification time is already logged.
    public func hasFile(path: String, size: Int, modified: Double) -> Bool {
        guard let sha = pathToSHA[path], let d = document(sha256: sha) else { return false }
        // Times go through JSON as decimals: compare to the microsecond.
        return d.size == size && abs(d.modified - modified) < 1e-6
    }

    /// Ids of the indexed events read from a document.
    public func eventIDs(ofDocument sha: String) -> [String] { documents[sha]?.ids.ids ?? [] }

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
        let toDay = query.to?.dayNumber
        var out: [TimelineEvent] = []
        out.reserveCapacity(min(limit, 256))
        var cursor = TierCursor(self, after: query.after, filter: Prefilter(query))
        while let (t, k) = cursor.next() {
            // In start order: nothing after this can start in time.
            if let toDay, cursor.tiers[t].startDay(k) > toDay { break }
            // Checked in place: only what matches is made whole.
            if !cursor.tiers[t].matches(matcher, k) { continue }
            let e = cursor.tiers[t].event(at: k)
            if !hidden.isEmpty && hidden[e.id] != nil { continue }
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
        forEachTier { tier in
            for k in 0..<tier.count where hidden.isEmpty || hidden[tier.id(k)] == nil {
                counts[Self.type(ofBit: tier.typeBits[k]), default: 0] += 1
            }
        }
        return counts
    }

    /// What a query rejects an event by from the tiers' side arrays alone.
    struct Prefilter {
        /// Events ending before this day are out.
        var fromDay = Int32.min
        /// Events starting after this day are out, and so is everything after them in a tier.
        var toDay = Int.max
        var types: UInt8 = 0xFF
        var signature = EvidenceSignature.empty
        /// The query's words as the matcher folds them, when every one is ASCII (else none).
        var words: [[UInt8]] = []

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
                self.words = words.map { Array($0.utf8) }
                signature = EvidenceSignature(words: self.words)
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
        /// The only positions of `main` that can hold the query's words, when its postings
        /// are ready and narrow the search (`EvidenceWords`), and how far they have been walked.
        var mainCandidates: ArraySlice<UInt32>?
        var nextCandidate = 0

        init(_ index: EventIndex, after: EventOrder?, filter: Prefilter) {
            tiers = [index.main, index.recent, index.long]
            self.filter = filter
            let earliest =
                filter.fromDay == Int32.min
                ? nil : EventOrder(startDay: Int(filter.fromDay) - EventIndex.shortSpan, precision: .min, id: "")
            positions = tiers.enumerated().map { k, tier in
                let afterCursor = after.map { tier.upperBound($0) } ?? 0
                // The long tier holds events that may start any time before `from`.
                guard k < 2, let earliest else { return afterCursor }
                return max(afterCursor, tier.lowerBound(earliest))
            }
            if !filter.words.isEmpty {
                if let words = index.evidenceWords.words(for: index.main) {
                    mainCandidates = words.candidates(for: filter.words)
                } else {
                    index.evidenceWords.startBuilding(index.main)
                }
            }
            if let candidates = mainCandidates {
                // The first candidate at or after where the walk of `main` starts.
                var lo = candidates.startIndex
                var hi = candidates.endIndex
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if Int(candidates[mid]) < positions[0] { lo = mid + 1 } else { hi = mid }
                }
                nextCandidate = lo
            }
        }

        /// The tier and position of the next event, in order.
        mutating func next() -> (Int, Int)? {
            guard let (t, k) = nextPosition() else { return nil }
            return (t, k)
        }

        /// Where the next event is stored (`tiers[tier]`, entry `k`), without copying it.
        mutating func nextPosition() -> (tier: Int, k: Int)? {
            var best = -1
            var bestAt = 0
            for k in 0..<tiers.count {
                let p =
                    k == 0 && mainCandidates != nil
                    ? Self.advanceCandidates(tiers[0], from: positions[0], filter, mainCandidates, &nextCandidate)
                    : Self.advance(tiers[k], from: positions[k], filter)
                positions[k] = p
                guard p < tiers[k].count else { continue }
                if best < 0 || Tier.less(tiers[k], p, tiers[best], bestAt) {
                    best = k
                    bestAt = p
                }
            }
            guard best >= 0 else { return nil }
            positions[best] = bestAt + 1
            return (best, bestAt)
        }

        /// `advance` in `main` through its candidates only.
        private static func advanceCandidates(
            _ tier: borrowing Tier,
            from start: Int,
            _ filter: Prefilter,
            _ candidates: ArraySlice<UInt32>?,
            _ next: inout Int
        ) -> Int {
            guard let candidates else { return tier.count }
            var i = next
            defer { next = i }
            while i < candidates.endIndex {
                let p = Int(candidates[i])
                if p < start {
                    i += 1
                    continue
                }
                if tier.startDay(p) > filter.toDay { break }
                if filter.admits(tier, p) { return p }
                i += 1
            }
            return tier.count
        }

        /// The first position from `start` the prefilter admits; the tier's end when none can.
        /// The tier is borrowed: copying it would retain its arrays at every step.
        private static func advance(_ tier: borrowing Tier, from start: Int, _ filter: Prefilter) -> Int {
            var p = start
            let n = tier.count
            while p < n && !filter.admits(tier, p) {
                // Sorted by start: nothing further in this tier starts in time.
                if tier.startDay(p) > filter.toDay { return n }
                p += 1
            }
            return p
        }
    }
}
