import TimelineCore

extension EventIndex {
    /// Events sorted by `EventOrder`, stored as columns: numbers in flat arrays,
    /// ids and evidence in one byte buffer, sources and name lists in small
    /// tables the events refer to by number. A `TimelineEvent` is made only
    /// when someone reads one (`event(at:)`), so a million events take a few
    /// dozen arrays instead of a million structs of heap strings.
    struct Tier: Sendable {
        /// Start day and precision, `day << 8 | precision`: the first two keys of `EventOrder`.
        var keys: [Int64] = []
        /// Last day of each event, as a day number.
        var ends: [Int32] = []
        /// Each event's type as one bit (`EventIndex.bit(_:)`).
        var typeBits: [UInt8] = []
        var signatures: [EvidenceSignature] = []
        /// Each event's `TimexValue`, packed (`PackedDate`).
        var dates: [Int64] = []
        /// Where each event's id starts in `text`; its evidence follows it.
        var textStarts: [Int] = []
        var idLengths: [UInt32] = []
        var evidenceLengths: [UInt32] = []
        var sourceNumbers: [UInt32] = []
        var placeLists: [UInt32] = []
        var organizationLists: [UInt32] = []
        /// Ids and evidence sentences, UTF-8. Entries removed from a small tier leave their bytes
        /// here until the tier is rebuilt.
        var text: [UInt8] = []
        var sources = SourceTable()
        /// Lists of places and organisations; number 0 is the empty list.
        var lists: [[String]] = [[]]
        /// Open addressing from an id's hash to its position (-1: empty), for tiers that keep
        /// one (`indexIDs()`); kept up to date by every change to such a tier.
        var idSlots: [Int32] = []

        init() {}

        var count: Int { keys.count }

        @inline(__always) func startDay(_ k: Int) -> Int { Int(keys[k] >> 8) }
        @inline(__always) func precision(_ k: Int) -> Int { Int(keys[k] & 0xFF) }

        static func key(startDay: Int, precision: Int) -> Int64 { Int64(startDay) << 8 | Int64(precision & 0xFF) }

        /// Calls `body` with the UTF-8 bytes of entry `k`'s id.
        @inline(__always) func withID<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let start = textStarts[k]
            let n = Int(idLengths[k])
            return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + n])) }
        }

        func id(_ k: Int) -> String { withID(k) { String(decoding: $0, as: UTF8.self) } }

        func evidence(_ k: Int) -> String {
            let start = textStarts[k] + Int(idLengths[k])
            let n = Int(evidenceLengths[k])
            return text.withUnsafeBufferPointer { String(decoding: $0[start..<start + n], as: UTF8.self) }
        }

        func order(_ k: Int) -> EventOrder { EventOrder(startDay: startDay(k), precision: precision(k), id: id(k)) }

        /// The event stored at `k`, made whole.
        func event(at k: Int) -> TimelineEvent {
            var e = TimelineEvent(
                id: id(k),
                type: EventIndex.type(ofBit: typeBits[k]),
                date: PackedDate.unpack(dates[k]),
                evidence: evidence(k),
                source: sources[Int(sourceNumbers[k])],
                places: lists[Int(placeLists[k])],
                organizations: lists[Int(organizationLists[k])]
            )
            // As logged, which need not be what the date covers.
            e.start = CivilDate(dayNumber: startDay(k))
            e.end = CivilDate(dayNumber: Int(ends[k]))
            return e
        }

        /// The events by position, made whole as they are read.
        var events: Events { Events(tier: self) }
        /// The orders by position.
        var orders: Orders { Orders(tier: self) }

        struct Events {
            let tier: Tier
            var count: Int { tier.count }
            subscript(k: Int) -> TimelineEvent { tier.event(at: k) }
        }

        struct Orders {
            let tier: Tier
            var count: Int { tier.count }
            subscript(k: Int) -> EventOrder { tier.order(k) }
        }

        // MARK: order

        /// Compares entry `k` with `order`, as `EventOrder`'s `<` does.
        func compare(_ k: Int, _ order: EventOrder) -> Int {
            let (d, p) = (startDay(k), precision(k))
            if d != order.startDay { return d < order.startDay ? -1 : 1 }
            if p != order.precision { return p < order.precision ? -1 : 1 }
            var other = order.id
            let fast: Int? = withID(k) { a in other.withUTF8 { b in Self.compareASCII(a, b) } }
            if let fast { return fast }
            let mine = id(k)
            return mine == order.id ? 0 : (mine < order.id ? -1 : 1)
        }

        /// True when entry `k` of `a` comes before entry `j` of `b`.
        static func less(_ a: borrowing Tier, _ k: Int, _ b: borrowing Tier, _ j: Int) -> Bool {
            if a.keys[k] != b.keys[j] { return a.keys[k] < b.keys[j] }
            let fast: Int? = a.withID(k) { x in b.withID(j) { y in compareASCII(x, y) } }
            if let fast { return fast < 0 }
            return a.id(k) < b.id(j)
        }

        /// Byte order, which is `String`'s order when both are ASCII; `nil` otherwise.
        @inline(__always) static func compareASCII(
            _ a: UnsafeBufferPointer<UInt8>,
            _ b: UnsafeBufferPointer<UInt8>
        )
            -> Int?
        {
            let n = min(a.count, b.count)
            var i = 0
            while i < n {
                let x = a[i]
                let y = b[i]
                if x | y >= 0x80 { return nil }
                if x != y { return x < y ? -1 : 1 }
                i += 1
            }
            for k in n..<a.count where a[k] >= 0x80 { return nil }
            for k in n..<b.count where b[k] >= 0x80 { return nil }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }

        /// The first position whose order is not below `x`.
        func lowerBound(_ x: EventOrder) -> Int {
            var lo = 0
            var hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if compare(mid, x) < 0 { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// The first position whose order is above `x`.
        func upperBound(_ x: EventOrder) -> Int {
            var lo = 0
            var hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if compare(mid, x) <= 0 { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// Where `order` is stored, if it is.
        func position(of order: EventOrder) -> Int? {
            let at = lowerBound(order)
            return at < count && compare(at, order) == 0 ? at : nil
        }

        // MARK: changes (small tiers)

        /// Inserts `event` in order.
        ///
        /// - Complexity: O(n) in the tier's size.
        mutating func insert(_ event: TimelineEvent) {
            let at = lowerBound(EventOrder(event))
            keys.insert(Self.key(startDay: event.start.dayNumber, precision: event.date.precision), at: at)
            ends.insert(Int32(clamping: event.end.dayNumber), at: at)
            typeBits.insert(EventIndex.bit(event.type), at: at)
            signatures.insert(EvidenceSignature(event.evidence), at: at)
            dates.insert(PackedDate.pack(event.date), at: at)
            textStarts.insert(text.count, at: at)
            idLengths.insert(UInt32(event.id.utf8.count), at: at)
            evidenceLengths.insert(UInt32(event.evidence.utf8.count), at: at)
            text += event.id.utf8
            text += event.evidence.utf8
            // Events of one document come together: look at the newest entries first.
            sourceNumbers.insert(UInt32(sourceNumber(event.source)), at: at)
            placeLists.insert(UInt32(listNumber(event.places)), at: at)
            organizationLists.insert(UInt32(listNumber(event.organizations)), at: at)
            if !idSlots.isEmpty { indexIDs() }
        }

        private mutating func sourceNumber(_ source: SourceReference) -> Int {
            let packed = SourceTable.pack(source)
            return sources.lastNumber(ofPacked: packed) ?? sources.append(packed: packed)
        }

        private mutating func listNumber(_ list: [String]) -> Int {
            if list.isEmpty { return 0 }
            if let known = lists.lastIndex(of: list) { return known }
            lists.append(list)
            return lists.count - 1
        }

        /// - Complexity: O(n) in the tier's size.
        mutating func remove(at k: Int) {
            keys.remove(at: k)
            ends.remove(at: k)
            typeBits.remove(at: k)
            signatures.remove(at: k)
            dates.remove(at: k)
            textStarts.remove(at: k)
            idLengths.remove(at: k)
            evidenceLengths.remove(at: k)
            sourceNumbers.remove(at: k)
            placeLists.remove(at: k)
            organizationLists.remove(at: k)
            if !idSlots.isEmpty { indexIDs() }
        }

        // MARK: ids

        /// Builds the id table, so `position(ofID:)` finds any entry.
        ///
        /// - Complexity: O(n).
        mutating func indexIDs() {
            var capacity = 16
            while capacity < 2 * count { capacity *= 2 }
            let mask = capacity - 1
            var slots = [Int32](repeating: -1, count: capacity)
            for k in 0..<count {
                var h = Int(truncatingIfNeeded: withID(k) { ByteHash.hash($0) }) & mask
                while slots[h] >= 0 { h = (h + 1) & mask }
                slots[h] = Int32(k)
            }
            idSlots = slots
        }

        /// Where the event with this id is stored; `nil` when it is not, or when the tier keeps no id table.
        ///
        /// - Complexity: O(1) expected.
        func position(ofID id: String) -> Int? {
            guard !idSlots.isEmpty else { return nil }
            var id = id
            return id.withUTF8 { wanted in
                let mask = idSlots.count - 1
                var h = Int(truncatingIfNeeded: ByteHash.hash(wanted)) & mask
                while true {
                    let k = Int(idSlots[h])
                    if k < 0 { return nil }
                    if withID(k, { $0.elementsEqual(wanted) }) { return k }
                    h = (h + 1) & mask
                }
            }
        }
    }

    /// Fills a large tier in order: from whole events when the index is built,
    /// from other tiers' entries when it is compacted.
    struct TierBuilder {
        private(set) var tier = Tier()
        /// Sources by their packed bytes.
        private var sourceNumbers: [[UInt8]: UInt32] = [:]
        private var listNumbers: [[String]: UInt32] = [[]: 0]

        init() {}

        mutating func reserve(events n: Int, textBytes: Int) {
            tier.keys.reserveCapacity(n)
            tier.ends.reserveCapacity(n)
            tier.typeBits.reserveCapacity(n)
            tier.signatures.reserveCapacity(n)
            tier.dates.reserveCapacity(n)
            tier.textStarts.reserveCapacity(n)
            tier.idLengths.reserveCapacity(n)
            tier.evidenceLengths.reserveCapacity(n)
            tier.sourceNumbers.reserveCapacity(n)
            tier.placeLists.reserveCapacity(n)
            tier.organizationLists.reserveCapacity(n)
            tier.text.reserveCapacity(textBytes)
        }

        mutating func append(_ e: TimelineEvent) {
            tier.keys.append(Tier.key(startDay: e.start.dayNumber, precision: e.date.precision))
            tier.ends.append(Int32(clamping: e.end.dayNumber))
            tier.typeBits.append(EventIndex.bit(e.type))
            tier.signatures.append(EvidenceSignature(e.evidence))
            tier.dates.append(PackedDate.pack(e.date))
            tier.textStarts.append(tier.text.count)
            tier.idLengths.append(UInt32(e.id.utf8.count))
            tier.evidenceLengths.append(UInt32(e.evidence.utf8.count))
            tier.text += e.id.utf8
            tier.text += e.evidence.utf8
            tier.sourceNumbers.append(source(SourceTable.pack(e.source)))
            tier.placeLists.append(list(e.places))
            tier.organizationLists.append(list(e.organizations))
        }

        /// How another tier's source and list numbers map to this one's, learnt as entries are copied.
        struct Remap {
            var sources: [UInt32]
            var lists: [UInt32]
            init(_ from: borrowing Tier) {
                sources = Array(repeating: .max, count: from.sources.count)
                lists = Array(repeating: .max, count: from.lists.count)
            }
        }

        /// Copies entry `k` of `other` to the end.
        mutating func append(from other: borrowing Tier, _ k: Int, _ remap: inout Remap) {
            tier.keys.append(other.keys[k])
            tier.ends.append(other.ends[k])
            tier.typeBits.append(other.typeBits[k])
            tier.signatures.append(other.signatures[k])
            tier.dates.append(other.dates[k])
            tier.textStarts.append(tier.text.count)
            tier.idLengths.append(other.idLengths[k])
            tier.evidenceLengths.append(other.evidenceLengths[k])
            let start = other.textStarts[k]
            tier.text += other.text[start..<start + Int(other.idLengths[k]) + Int(other.evidenceLengths[k])]
            let s = Int(other.sourceNumbers[k])
            if remap.sources[s] == .max { remap.sources[s] = source(other.sources.withBytes(s) { [UInt8]($0) }) }
            tier.sourceNumbers.append(remap.sources[s])
            tier.placeLists.append(list(Int(other.placeLists[k]), of: other, &remap))
            tier.organizationLists.append(list(Int(other.organizationLists[k]), of: other, &remap))
        }

        private mutating func list(_ n: Int, of other: borrowing Tier, _ remap: inout Remap) -> UInt32 {
            if remap.lists[n] == .max { remap.lists[n] = list(other.lists[n]) }
            return remap.lists[n]
        }

        private mutating func source(_ packed: [UInt8]) -> UInt32 {
            if let known = sourceNumbers[packed] { return known }
            let n = UInt32(tier.sources.append(packed: packed))
            sourceNumbers[packed] = n
            return n
        }

        private mutating func list(_ l: [String]) -> UInt32 {
            if let known = listNumbers[l] { return known }
            let n = UInt32(tier.lists.count)
            tier.lists.append(l)
            listNumbers[l] = n
            return n
        }

        /// The tier, with its id table.
        consuming func finish() -> Tier {
            var tier = self.tier
            tier.indexIDs()
            return tier
        }
    }

    static func type(ofBit bit: UInt8) -> EventType {
        switch bit {
        case 1: .meeting
        case 2: .visit
        case 4: .deadline
        case 8: .approval
        case 16: .agreement
        case 32: .launch
        default: .announcement
        }
    }

    /// First position of `x` or after it in a tier's orders.
    static func lowerBound(_ orders: Tier.Orders, _ x: EventOrder) -> Int { orders.tier.lowerBound(x) }

    static func upperBound(_ orders: Tier.Orders, _ x: EventOrder) -> Int { orders.tier.upperBound(x) }
}

/// A `TimexValue` in one integer: kind in the low 4 bits, the small part
/// (week, month, season, quarter, half) in the next 8, the year (or day
/// number, decade, century) above them.
enum PackedDate {
    static func pack(_ v: TimexValue) -> Int64 {
        func p(_ value: Int, _ part: Int, _ kind: Int64) -> Int64 {
            Int64(value) << 12 | Int64(part & 0xFF) << 4 | kind
        }
        switch v.kind {
        case .day(let d): return p(d.dayNumber, 0, 0)
        case .week(let y, let w): return p(y, w, 1)
        case .month(let y, let m): return p(y, m, 2)
        case .season(let y, let s): return p(y, TimexValue.Season.allCases.firstIndex(of: s) ?? 0, 3)
        case .quarter(let y, let q): return p(y, q, 4)
        case .half(let y, let h): return p(y, h, 5)
        case .year(let y): return p(y, 0, 6)
        case .decade(let d): return p(d, 0, 7)
        case .century(let c): return p(c, 0, 8)
        }
    }

    static func unpack(_ code: Int64) -> TimexValue {
        let value = Int(code >> 12)
        let part = Int((code >> 4) & 0xFF)
        switch code & 0xF {
        case 0: return .day(CivilDate(dayNumber: value))
        case 1: return TimexValue(.week(year: value, week: part))
        case 2: return TimexValue(.month(year: value, month: part))
        case 3: return TimexValue(.season(year: value, TimexValue.Season.allCases[part]))
        case 4: return TimexValue(.quarter(year: value, quarter: part))
        case 5: return TimexValue(.half(year: value, half: part))
        case 6: return TimexValue(.year(value))
        case 7: return TimexValue(.decade(value))
        default: return TimexValue(.century(value))
        }
    }
}
