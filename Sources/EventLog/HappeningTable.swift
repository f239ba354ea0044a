import TimelineCore

/// The happenings that two or more current reports share (`Happening.Key`), kept by the index as
/// events arrive and leave, so a merged query finds a result's other reports with one lookup
/// instead of scanning its start day, and skips the reports of a happening already shown
/// without reading them.
///
/// Happenings with a single report are not stored: most events have no other report, and an
/// event missing from the table is exactly one that stands alone. Layered, like the index's
/// maps, so publishing a snapshot after an append copies only what the append changed.
struct HappeningTable: Sendable {
    /// The happening each shared report belongs to, by event id.
    private var happeningOf = LayeredMap<String, Int32>()
    /// Each shared happening's current reports (two or more), in `EventOrder`. They share a
    /// start day and precision, so this is also id order.
    private var reportsOf = LayeredMap<Int32, [EventOrder]>()
    private var nextNumber: Int32 = 0

    init() {}

    /// Whether `event` has a `Happening.Key` (a place, a day or month), without building it.
    @inline(__always) static func mayShare(_ event: TimelineEvent) -> Bool {
        !event.places.isEmpty && event.date.precision <= Happening.coarsestPrecision
    }

    /// The happening `id` shares with another current report; `nil` when it stands alone.
    func happening(of id: String) -> Int32? { happeningOf[id] }

    /// The current reports of a shared happening, in order.
    func reports(_ happening: Int32) -> [EventOrder] { reportsOf[happening] ?? [] }

    /// Makes `orders` (in `EventOrder`) the current reports of one happening; a happening
    /// already holding some of them keeps its number.
    ///
    /// - Complexity: O(m) for m reports.
    mutating func set(_ orders: [EventOrder]) {
        var known: Int32?
        for order in orders where known == nil { known = happeningOf[order.id] }
        guard orders.count > 1 else {
            if let known { forget(known) }
            return
        }
        let number: Int32
        if let known {
            number = known
            // Reports no longer among them leave it (the caller found every current report).
            for old in reportsOf[known] ?? [] where !orders.contains(old) { happeningOf[old.id] = nil }
        } else {
            number = nextNumber
            nextNumber += 1
        }
        for order in orders where happeningOf[order.id] != number { happeningOf[order.id] = number }
        reportsOf[number] = orders
    }

    /// Takes a withdrawn report out of its happening; a happening left with one report is dropped.
    ///
    /// - Complexity: O(m) for the m reports of its happening.
    mutating func remove(id: String) {
        guard let number = happeningOf.removeValue(forKey: id) else { return }
        let left = (reportsOf[number] ?? []).filter { $0.id != id }
        if left.count > 1 {
            reportsOf[number] = left
        } else {
            forget(number)
        }
    }

    private mutating func forget(_ number: Int32) {
        for order in reportsOf[number] ?? [] { happeningOf[order.id] = nil }
        reportsOf[number] = nil
    }

    /// Entries changed since the last compaction, as the index counts them to decide when to compact.
    var topCount: Int { max(happeningOf.topCount, reportsOf.topCount) }

    /// Folds recent changes into the base maps.
    mutating func compact() {
        happeningOf.compact()
        reportsOf.compact()
    }

    /// The table of every event in `index`, built in one pass over it in order: a happening's
    /// reports share a start day and precision, so they come one after another.
    ///
    /// - Complexity: O(n) for n events, plus the keys of the events that have one.
    init(_ index: EventIndex) {
        var run: (day: Int, precision: Int)?
        var groups: [Happening.Key: [EventOrder]] = [:]
        func flush() {
            for orders in groups.values where orders.count > 1 {
                for order in orders { happeningOf[order.id] = nextNumber }
                reportsOf[nextNumber] = orders
                nextNumber += 1
            }
            groups.removeAll(keepingCapacity: true)
        }
        // Read in place: copying a million events out of the tiers would cost more than their keys.
        var cursor = EventIndex.TierCursor(index, after: nil, filter: .all)
        while let (t, k) = cursor.nextPosition() {
            let order = cursor.tiers[t].orders[k]
            if index.isHidden(order.id) { continue }
            if run?.day != order.startDay || run?.precision != order.precision {
                flush()
                run = (order.startDay, order.precision)
            }
            if let key = Happening.Key(cursor.tiers[t].events[k]) { groups[key, default: []].append(order) }
        }
        flush()
        compact()
    }
}
