import TimelineCore

extension EventIndex {
    /// Writes everything the index holds, tiers as their raw columns.
    ///
    /// - Complexity: O(n) bytes written; no event is made whole.
    func write(to w: inout CheckpointWriter) throws(CheckpointError) {
        w.u64(lastSeq)
        w.int(indexedCount)
        for tier in [main, recent, long] { try tier.write(to: &w) }
        w.int(hidden.count)
        for (id, order) in hidden {
            w.string(id)
            w.order(order)
        }
        w.int(changedIDs.count)
        for (id, order) in changedIDs {
            w.string(id)
            w.bool(order != nil)
            if let order { w.order(order) }
        }
        // The maps as their packed arrays: no document is made whole.
        try documents.write(to: &w)
        try pathToSHA.write(to: &w)
        try happenings.write(to: &w)
        try w.flush()
    }

    /// Reads what `write(to:)` wrote.
    init(from r: inout CheckpointReader) throws(CheckpointError) {
        self.init()
        lastSeq = try r.u64()
        indexedCount = try r.int()
        main = try Tier(from: &r)
        recent = try Tier(from: &r)
        long = try Tier(from: &r)
        for _ in 0..<(try r.count()) {
            let id = try r.string()
            hidden[id] = try r.order()
        }
        let changed = try r.count()
        changedIDs.reserveCapacity(changed)
        for _ in 0..<changed {
            let id = try r.string()
            changedIDs[id] = .some(try r.bool() ? try r.order() : nil)
        }
        documents = try LayeredMap(from: &r)
        pathToSHA = try LayeredMap(from: &r)
        // Stored, not rebuilt: rebuilding it from the tiers took most of a start. What is
        // stored is the table kept as the events came and went, as the writer had it.
        happenings = try HappeningTable(from: &r)
    }
}

extension EventIndex.Tier {
    func write(to w: inout CheckpointWriter) throws(CheckpointError) {
        try sources.write(to: &w)
        w.int(lists.count)
        for l in lists { w.strings(l) }
        try w.array(keys)
        try w.array(ends)
        try w.array(typeBits)
        try w.array(signatures)
        try w.array(dates)
        try w.array(textStarts)
        try w.array(idLengths)
        try w.array(evidenceLengths)
        try w.array(sourceNumbers)
        try w.array(placeLists)
        try w.array(organizationLists)
        try w.array(text)
        try w.array(idSlots)
    }

    /// Reads a tier and checks that its numbers point inside it, so a damaged
    /// checkpoint that passed its checksums still cannot make a read trap.
    init(from r: inout CheckpointReader) throws(CheckpointError) {
        self.init()
        sources = try SourceTable(from: &r)
        let listCount = try r.count()
        lists = []
        lists.reserveCapacity(listCount)
        for _ in 0..<listCount { lists.append(try r.strings()) }
        keys = try r.array(of: Int64.self)
        ends = try r.array(of: Int32.self)
        typeBits = try r.array(of: UInt8.self)
        signatures = try r.array(of: EvidenceSignature.self)
        dates = try r.array(of: Int64.self)
        textStarts = try r.array(of: Int.self)
        idLengths = try r.array(of: UInt32.self)
        evidenceLengths = try r.array(of: UInt32.self)
        sourceNumbers = try r.array(of: UInt32.self)
        placeLists = try r.array(of: UInt32.self)
        organizationLists = try r.array(of: UInt32.self)
        text = try r.array(of: UInt8.self)
        idSlots = try r.array(of: Int32.self)
        try check()
    }

    private func check() throws(CheckpointError) {
        let n = keys.count
        let columns = [
            ends.count, typeBits.count, signatures.count, dates.count, textStarts.count, idLengths.count,
            evidenceLengths.count, sourceNumbers.count, placeLists.count, organizationLists.count,
        ]
        guard columns.allSatisfy({ $0 == n }), !lists.isEmpty, lists[0].isEmpty else {
            throw CheckpointError("tier columns disagree")
        }
        guard idSlots.isEmpty || (idSlots.count >= n && idSlots.count & (idSlots.count - 1) == 0) else {
            throw CheckpointError("bad id table")
        }
        for k in 0..<n {
            let end = textStarts[k] + Int(idLengths[k]) + Int(evidenceLengths[k])
            guard textStarts[k] >= 0, end <= text.count, Int(sourceNumbers[k]) < sources.count,
                Int(placeLists[k]) < lists.count, Int(organizationLists[k]) < lists.count,
                typeBits[k] != 0, typeBits[k] < 128, typeBits[k] & (typeBits[k] &- 1) == 0, dates[k] & 0xF <= 8
            else { throw CheckpointError("tier entry \(k) points outside the tier") }
        }
        for slot in idSlots where slot >= n { throw CheckpointError("bad id table") }
    }
}

extension CheckpointWriter {
    mutating func order(_ o: EventOrder) {
        int(o.startDay)
        int(o.precision)
        string(o.id)
    }
}

extension CheckpointReader {
    mutating func order() throws(CheckpointError) -> EventOrder {
        EventOrder(startDay: try int(), precision: try int(), id: try string())
    }
}
