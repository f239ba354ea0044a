import TimelineCore

extension EventIndex {
    /// Builds an index from a log read group by group, sorting once at the end.
    ///
    /// Events are stored as they are read in columns like a tier's (in log order), with an id
    /// table over them, instead of as whole events in a dictionary: a million events take
    /// their columns' size rather than a million structs of heap strings, and the sort moves
    /// positions, not events.
    public struct Builder {
        private var index = EventIndex()
        /// The events logged, in log order; withdrawn ones stay, marked in `live`.
        private var store = TierBuilder()
        private var live: [Bool] = []
        /// Where each id's newest copy is in `store`.
        private var ids = GrowingIDTable()

        public init() {}

        /// - Parameter expectedEvents: about how many events the log holds, so the columns
        ///   are sized once instead of growing through every power of two.
        public init(expectedEvents: Int) {
            // About 180 bytes of id and evidence an event; a guess too small doubles the buffer once.
            store.reserve(events: expectedEvents, textBytes: expectedEvents * 180)
            live.reserveCapacity(expectedEvents)
            ids.reserve(expectedEvents)
        }

        /// Where the indexed (not withdrawn) event `id` is in `store`.
        private func position(of id: String) -> Int? {
            guard let k = ids.find(id, in: store.tier), live[k] else { return nil }
            return k
        }

        /// Takes records in log order (whole groups, or any run of them).
        public mutating func add(group records: [SequencedRecord]) {
            var pending: (DocumentRecord, UInt64)?
            var groupEvents: [TimelineEvent] = []
            func flush() {
                if let (d, seq) = pending { register(d, events: groupEvents, seq: seq) }
                pending = nil
                groupEvents = []
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
                    groupEvents.append(e)
                }
                index.lastSeq = max(index.lastSeq, r.seq)
            }
            flush()
        }

        /// As `EventIndex.register`: the document, and those of its events not indexed yet.
        private mutating func register(_ document: DocumentRecord, events: [TimelineEvent], seq: UInt64) {
            index.registerDocument(document, seq: seq)
            var list = index.documents[document.sha256]?.ids ?? IDList()
            for e in events where position(of: e.id) == nil {
                let k = store.tier.count
                store.append(e)
                live.append(true)
                ids.set(e.id, to: k, in: store.tier)
                index.indexedCount += 1
                list.append(e.id)
            }
            if !events.isEmpty { index.documents[document.sha256]?.ids = list }
        }

        /// As `EventIndex.withdraw`.
        private mutating func withdraw(_ retraction: Retraction) {
            var touched: [String: Set<String>] = [:]
            for id in retraction.events {
                guard let k = position(of: id) else { continue }
                live[k] = false
                index.indexedCount -= 1
                let source = store.tier.sources[Int(store.tier.sourceNumbers[k])]
                touched[source.document, default: []].insert(id)
            }
            index.finishWithdrawal(retraction, touched: touched)
        }

        /// The index, built by one sort; the builder is left empty.
        ///
        /// - Complexity: O(n log n).
        public mutating func build() -> EventIndex {
            var index = self.index
            self.index = EventIndex()
            ids = GrowingIDTable()
            index.documents.compact()
            index.pathToSHA.compact()
            let all = store.tier
            store = TierBuilder()
            // Sorted as positions, by (start, precision) packed into one integer and then id.
            var order: [Int32] = []
            order.reserveCapacity(index.indexedCount)
            var textBytes = 0
            for k in 0..<all.count where live[k] {
                order.append(Int32(k))
                textBytes += Int(all.idLengths[k]) + Int(all.evidenceLengths[k])
            }
            live = []
            order.sort { a, b in Tier.less(all, Int(a), all, Int(b)) }
            var main = TierBuilder()
            var long = TierBuilder()
            // Sized exactly: a guess too small would double the largest array.
            main.reserve(events: order.count, textBytes: textBytes)
            // One map of source and list numbers for each tier filled.
            var toMain = TierBuilder.Remap(all)
            var toLong = TierBuilder.Remap(all)
            for k in order {
                let k = Int(k)
                if Int(all.ends[k]) - all.startDay(k) + 1 > EventIndex.shortSpan {
                    long.append(from: all, k, &toLong)
                } else {
                    main.append(from: all, k, &toMain)
                }
            }
            index.main = main.finish()
            index.long = long.finish()
            // Every indexed event is now in a tier with an id table.
            index.changedIDs = [:]
            index.happenings = HappeningTable(index)
            return index
        }
    }

    /// Open addressing from an id to its position in a tier being filled, growing with it.
    struct GrowingIDTable {
        private var slots = [Int32](repeating: -1, count: 16)
        private var count = 0

        mutating func reserve(_ n: Int) {
            guard count == 0 else { return }
            var capacity = 16
            while capacity < 2 * n { capacity *= 2 }
            slots = [Int32](repeating: -1, count: capacity)
        }

        /// The slot holding `id`, or the empty slot where it would go.
        private func slot(_ id: UnsafeBufferPointer<UInt8>, in tier: borrowing Tier) -> Int {
            let mask = slots.count - 1
            var h = Int(truncatingIfNeeded: ByteHash.hash(id)) & mask
            while slots[h] >= 0 && !tier.withID(Int(slots[h]), { $0.elementsEqual(id) }) { h = (h + 1) & mask }
            return h
        }

        /// The position last set for `id`.
        func find(_ id: String, in tier: borrowing Tier) -> Int? {
            var id = id
            let at = id.withUTF8 { slot($0, in: tier) }
            return slots[at] >= 0 ? Int(slots[at]) : nil
        }

        /// Makes `k` the position of `id`, which `tier` holds at `k`.
        mutating func set(_ id: String, to k: Int, in tier: borrowing Tier) {
            var id = id
            let at = id.withUTF8 { slot($0, in: tier) }
            if slots[at] < 0 { count += 1 }
            slots[at] = Int32(k)
            if 2 * count > slots.count { grow(tier) }
        }

        private mutating func grow(_ tier: borrowing Tier) {
            let old = slots
            slots = [Int32](repeating: -1, count: 2 * old.count)
            let mask = slots.count - 1
            for k in old where k >= 0 {
                var h = Int(truncatingIfNeeded: tier.withID(Int(k)) { ByteHash.hash($0) }) & mask
                while slots[h] >= 0 { h = (h + 1) & mask }
                slots[h] = k
            }
        }
    }
}
