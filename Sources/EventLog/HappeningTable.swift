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
    /// The table as of the last compaction, in flat arrays (what a checkpoint stores).
    private var base = HappeningBase()
    /// The happening of each shared report changed since then (`.some(nil)`: no longer shared).
    private var happeningTop: [String: Int32?] = [:]
    /// The reports of each happening changed since then (`.some(nil)`: gone), in `EventOrder`.
    /// They share a start day and precision, so this is also id order.
    private var reportsTop: [Int32: [EventOrder]?] = [:]
    private var nextNumber: Int32 = 0

    init() {}

    /// Whether `event` has a `Happening.Key` (a place, a day or month), without building it.
    @inline(__always) static func mayShare(_ event: TimelineEvent) -> Bool {
        !event.places.isEmpty && event.date.precision <= Happening.coarsestPrecision
    }

    /// The happening `id` shares with another current report; `nil` when it stands alone.
    func happening(of id: String) -> Int32? {
        if let changed = happeningTop[id] { return changed }
        return base.happening(of: id)
    }

    /// The current reports of a shared happening, in order.
    func reports(_ happening: Int32) -> [EventOrder] {
        if let changed = reportsTop[happening] { return changed ?? [] }
        return base.reports(happening)
    }

    private mutating func setHappening(of id: String, _ number: Int32?) { happeningTop[id] = .some(number) }

    private mutating func setReports(_ number: Int32, _ orders: [EventOrder]?) { reportsTop[number] = .some(orders) }

    /// Makes `orders` (in `EventOrder`) the current reports of one happening; a happening
    /// already holding some of them keeps its number.
    ///
    /// - Complexity: O(m) for m reports.
    mutating func set(_ orders: [EventOrder]) {
        var known: Int32?
        for order in orders where known == nil { known = happening(of: order.id) }
        guard orders.count > 1 else {
            if let known { forget(known) }
            return
        }
        let number: Int32
        if let known {
            number = known
            // Reports no longer among them leave it (the caller found every current report).
            for old in reports(known) where !orders.contains(old) { setHappening(of: old.id, nil) }
        } else {
            number = nextNumber
            nextNumber += 1
        }
        for order in orders where happening(of: order.id) != number { setHappening(of: order.id, number) }
        setReports(number, orders)
    }

    /// Takes a withdrawn report out of its happening; a happening left with one report is dropped.
    ///
    /// - Complexity: O(m) for the m reports of its happening.
    mutating func remove(id: String) {
        guard let number = happening(of: id) else { return }
        setHappening(of: id, nil)
        let left = reports(number).filter { $0.id != id }
        if left.count > 1 {
            setReports(number, left)
        } else {
            forget(number)
        }
    }

    private mutating func forget(_ number: Int32) {
        for order in reports(number) { setHappening(of: order.id, nil) }
        setReports(number, nil)
    }

    /// Entries changed since the last compaction, as the index counts them to decide when to compact.
    var topCount: Int { max(happeningTop.count, reportsTop.count) }

    /// Folds recent changes into a new base: the happenings left unchanged are copied as bytes.
    /// Happenings are numbered afresh.
    ///
    /// - Complexity: O(r) for r shared reports, when anything changed.
    mutating func compact() {
        guard !happeningTop.isEmpty || !reportsTop.isEmpty else { return }
        var builder = HappeningBase.Builder()
        builder.reserve(reports: base.reportCount + happeningTop.count, idBytes: base.ids.count)
        for h in 0..<base.happeningCount where reportsTop[Int32(h)] == nil { builder.append(h, of: base) }
        // In number order, so the same changes always give the same base.
        for (_, orders) in reportsTop.sorted(by: { $0.key < $1.key }) {
            if let orders { builder.append(orders) }
        }
        self = HappeningTable(base: builder.finish())
    }

    private init(base: HappeningBase) {
        self.base = base
        nextNumber = Int32(base.happeningCount)
    }

    /// The table of every event in `index`, built in one pass over it in order: a happening's
    /// reports share a start day and precision, so they come one after another.
    ///
    /// - Complexity: O(n) for n events, plus the keys of the events that have one.
    init(_ index: EventIndex) {
        var run: (day: Int, precision: Int)?
        var groups: [Happening.Key: [EventOrder]] = [:]
        var builder = HappeningBase.Builder()
        func flush() {
            for orders in groups.values where orders.count > 1 { builder.append(orders) }
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
        self.init(base: builder.finish())
    }

    // MARK: checkpoint

    /// Writes the table as its flat base, recent changes folded in.
    func write(to w: inout CheckpointWriter) throws(CheckpointError) {
        var table = self
        table.compact()
        try table.base.write(to: &w)
    }

    /// Reads what `write(to:)` wrote.
    init(from r: inout CheckpointReader) throws(CheckpointError) {
        self.init(base: try HappeningBase(from: &r))
    }
}
