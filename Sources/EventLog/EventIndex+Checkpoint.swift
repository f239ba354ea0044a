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
        // Every document's id list in one block, with where each ends.
        let lists = idsByDocument.entries
        w.int(lists.count)
        var listBytes: [UInt8] = []
        var listEnds: [Int] = []
        listEnds.reserveCapacity(lists.count)
        for (sha, list) in lists {
            w.string(sha)
            listBytes += list.bytes
            listEnds.append(listBytes.count)
        }
        try w.array(listBytes)
        try w.array(listEnds)
        let documents = documentsBySHA.values
        w.int(documents.count)
        for d in documents { w.document(d) }
        let paths = pathToSHA.entries
        w.int(paths.count)
        for (path, sha) in paths {
            w.string(path)
            w.string(sha)
        }
        let seqs = currentSeq.entries
        w.int(seqs.count)
        for (sha, seq) in seqs {
            w.string(sha)
            w.u64(seq)
        }
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
        var shas: [String] = []
        for _ in 0..<(try r.count()) { shas.append(try r.string()) }
        let listBytes = try r.array(of: UInt8.self)
        let listEnds = try r.array(of: Int.self)
        guard listEnds.count == shas.count, zip([0] + listEnds, listEnds).allSatisfy({ $0 <= $1 }),
            (listEnds.last ?? 0) <= listBytes.count
        else { throw CheckpointError("bad id lists") }
        let documentCount = try r.count()
        var documents: [String: DocumentRecord] = [:]
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            let d = try r.document()
            documents[d.sha256] = d
        }
        documentsBySHA = LayeredMap(documents)
        // The maps and the tiers' sources name the documents again: read, each name is a
        // string of its own; the documents' copy is kept and the others dropped.
        func shared(sha: String) -> String { documents[sha]?.sha256 ?? sha }
        var lists: [String: IDList] = [:]
        lists.reserveCapacity(shas.count)
        var start = 0
        for (sha, end) in zip(shas, listEnds) {
            lists[shared(sha: sha)] = IDList(bytes: Array(listBytes[start..<end]))
            start = end
        }
        idsByDocument = LayeredMap(lists)
        let pathCount = try r.count()
        var paths: [String: String] = [:]
        paths.reserveCapacity(pathCount)
        for _ in 0..<pathCount {
            let path = try r.string()
            let sha = shared(sha: try r.string())
            paths[documents[sha].map { $0.path == path ? $0.path : path } ?? path] = sha
        }
        pathToSHA = LayeredMap(paths)
        let seqCount = try r.count()
        var seqs: [String: UInt64] = [:]
        seqs.reserveCapacity(seqCount)
        for _ in 0..<seqCount {
            let sha = shared(sha: try r.string())
            seqs[sha] = try r.u64()
        }
        currentSeq = LayeredMap(seqs)
        main.share(documents)
        recent.share(documents)
        long.share(documents)
        // Not stored: rebuilt in one pass, so a checkpoint never disagrees with its tiers.
        happenings = HappeningTable(self)
    }
}

extension EventIndex.Tier {
    func write(to w: inout CheckpointWriter) throws(CheckpointError) {
        w.int(sources.count)
        for s in sources {
            w.string(s.path)
            w.optional(s.title)
            w.string(s.document)
        }
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
        let sourceCount = try r.count()
        sources.reserveCapacity(sourceCount)
        for _ in 0..<sourceCount {
            sources.append(SourceReference(path: try r.string(), title: try r.optional(), document: try r.string()))
        }
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

    /// Makes each source use its document's strings where they are equal.
    mutating func share(_ documents: [String: DocumentRecord]) {
        for k in sources.indices {
            guard let d = documents[sources[k].document] else { continue }
            let s = sources[k]
            sources[k] = SourceReference(
                path: d.path == s.path ? d.path : s.path,
                title: d.title == s.title ? d.title : s.title,
                document: d.sha256
            )
        }
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

    mutating func document(_ d: DocumentRecord) {
        string(d.sha256)
        string(d.path)
        int(d.size)
        u64(d.modified.bitPattern)
        optional(d.title)
        bool(d.dct != nil)
        if let dct = d.dct { int(dct.dayNumber) }
        optional(d.dctSource)
        string(d.ingestedAt)
        string(d.status.rawValue)
        optional(d.reason)
        int(d.eventCount)
        optional(d.format)
        optional(d.encoding)
    }
}

extension CheckpointReader {
    mutating func order() throws(CheckpointError) -> EventOrder {
        EventOrder(startDay: try int(), precision: try int(), id: try string())
    }

    mutating func document() throws(CheckpointError) -> DocumentRecord {
        let sha = try string()
        let path = try string()
        let size = try int()
        let modified = Double(bitPattern: try u64())
        let title = try optional()
        let dct = try bool() ? CivilDate(dayNumber: try int()) : nil
        let dctSource = try optional()
        let ingestedAt = try string()
        guard let status = DocumentRecord.Status(rawValue: try string()) else {
            throw CheckpointError("bad document status")
        }
        return DocumentRecord(
            sha256: sha,
            path: path,
            size: size,
            modified: modified,
            title: title,
            dct: dct,
            dctSource: dctSource,
            ingestedAt: ingestedAt,
            status: status,
            reason: try optional(),
            eventCount: try int(),
            format: try optional(),
            encoding: try optional()
        )
    }
}
