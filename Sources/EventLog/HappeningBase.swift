import TimelineCore

/// The happening table as of its last compaction, in flat arrays: every shared report's id in
/// one byte buffer, grouped by happening and in order within each, with an id table to find
/// them. A handful of arrays instead of two dictionaries of heap strings, so a checkpoint
/// stores it as it is and a start reads it back with no work per report.
struct HappeningBase: Sendable {
    /// Where each happening's reports begin; one entry more than there are happenings.
    private(set) var firstReport: [Int32] = [0]
    /// Each report's start day and precision (`EventIndex.Tier.key`).
    private(set) var keys: [Int64] = []
    /// The happening each report belongs to.
    private(set) var numbers: [Int32] = []
    /// Where each report's id starts in `ids`; one entry more than there are reports.
    private(set) var idStarts: [Int] = [0]
    /// The reports' ids, UTF-8, one after another.
    private(set) var ids: [UInt8] = []
    /// Open addressing from an id's hash to its report (-1: empty); empty when there are none.
    private(set) var slots: [Int32] = []

    init() {}

    var happeningCount: Int { firstReport.count - 1 }
    var reportCount: Int { keys.count }

    /// The happening the report with this id belongs to; `nil` when it is not a shared report.
    ///
    /// - Complexity: O(1) expected.
    func happening(of id: String) -> Int32? {
        guard !slots.isEmpty else { return nil }
        var id = id
        return id.withUTF8 { wanted in
            let mask = slots.count - 1
            var h = Int(truncatingIfNeeded: ByteHash.hash(wanted)) & mask
            while true {
                let r = Int(slots[h])
                if r < 0 { return nil }
                if withID(r, { $0.elementsEqual(wanted) }) { return numbers[r] }
                h = (h + 1) & mask
            }
        }
    }

    /// The reports of happening `number`, in order; empty for a number it does not hold.
    func reports(_ number: Int32) -> [EventOrder] {
        guard number >= 0, Int(number) < happeningCount else { return [] }
        return (Int(firstReport[Int(number)])..<Int(firstReport[Int(number) + 1])).map(order)
    }

    func order(_ r: Int) -> EventOrder {
        EventOrder(
            startDay: Int(keys[r] >> 8),
            precision: Int(keys[r] & 0xFF),
            id: withID(r) { String(decoding: $0, as: UTF8.self) }
        )
    }

    @inline(__always) private func withID<R>(_ r: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let (start, end) = (idStarts[r], idStarts[r + 1])
        return ids.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Fills a base one happening at a time, then makes its id table.
    struct Builder {
        private(set) var base = HappeningBase()

        init() {}

        /// A new happening with these reports (two or more, in order).
        mutating func append(_ orders: [EventOrder]) {
            let number = Int32(base.happeningCount)
            for o in orders {
                base.keys.append(EventIndex.Tier.key(startDay: o.startDay, precision: o.precision))
                base.numbers.append(number)
                base.ids += o.id.utf8
                base.idStarts.append(base.ids.count)
            }
            base.firstReport.append(Int32(base.keys.count))
        }

        /// Happening `number` of `other`, copied as bytes.
        mutating func append(_ number: Int, of other: borrowing HappeningBase) {
            let new = Int32(base.happeningCount)
            let first = Int(other.firstReport[number])
            let end = Int(other.firstReport[number + 1])
            base.keys += other.keys[first..<end]
            base.ids += other.ids[other.idStarts[first]..<other.idStarts[end]]
            let shift = base.idStarts.last! - other.idStarts[first]
            for r in first..<end {
                base.numbers.append(new)
                base.idStarts.append(other.idStarts[r + 1] + shift)
            }
            base.firstReport.append(Int32(base.keys.count))
        }

        mutating func reserve(reports: Int, idBytes: Int) {
            base.keys.reserveCapacity(reports)
            base.numbers.reserveCapacity(reports)
            base.idStarts.reserveCapacity(reports + 1)
            base.ids.reserveCapacity(idBytes)
        }

        /// The base, with its id table.
        ///
        /// - Complexity: O(r) for r reports.
        consuming func finish() -> HappeningBase {
            var base = self.base
            let n = base.reportCount
            guard n > 0 else { return base }
            let slots = ByteHash.slots(count: n) { r in base.withID(r) { ByteHash.hash($0) } }
            base.slots = slots
            return base
        }
    }

    // MARK: checkpoint

    func write(to w: inout CheckpointWriter) throws(CheckpointError) {
        try w.array(firstReport)
        try w.array(keys)
        try w.array(numbers)
        try w.array(idStarts)
        try w.array(ids)
        try w.array(slots)
    }

    /// Reads what `write(to:)` wrote and checks that every number points inside it, so a
    /// damaged checkpoint that passed its checksums still cannot make a lookup trap or spin.
    init(from r: inout CheckpointReader) throws(CheckpointError) {
        firstReport = try r.array(of: Int32.self)
        keys = try r.array(of: Int64.self)
        numbers = try r.array(of: Int32.self)
        idStarts = try r.array(of: Int.self)
        ids = try r.array(of: UInt8.self)
        slots = try r.array(of: Int32.self)
        try check()
    }

    private func check() throws(CheckpointError) {
        let n = keys.count
        guard firstReport.first == 0, Int(firstReport.last ?? -1) == n, numbers.count == n,
            idStarts.count == n + 1, idStarts.first == 0, (idStarts.last ?? 0) <= ids.count
        else { throw CheckpointError("happening table columns disagree") }
        for h in 0..<happeningCount {
            let (first, end) = (Int(firstReport[h]), Int(firstReport[h + 1]))
            guard first < end else { throw CheckpointError("happening \(h) has no reports") }
            for r in first..<end where numbers[r] != Int32(h) {
                throw CheckpointError("report \(r) is not in its happening")
            }
        }
        for r in 0..<n where idStarts[r] > idStarts[r + 1] { throw CheckpointError("bad happening ids") }
        // A table with no empty slot would make a lookup of an absent id go round forever.
        var filled = 0
        for slot in slots where slot >= 0 {
            guard slot < Int32(n) else { throw CheckpointError("bad happening id table") }
            filled += 1
        }
        guard n == 0 ? slots.isEmpty : slots.count >= 2 * n && slots.count & (slots.count - 1) == 0 && filled <= n
        else { throw CheckpointError("bad happening id table") }
    }
}
