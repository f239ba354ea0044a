/// Which events of a tier hold each word of their evidence: an inverted index, so a query
/// with words walks the events holding its rarest word instead of every event in its range.
///
/// A token is a longest run of bytes that a query word can contain (neither ASCII white
/// space nor above 0x7F), with ASCII letters folded to lower case. The matcher looks for a
/// lower-case ASCII query word anywhere in the evidence, ignoring ASCII case; such a word
/// holds no white space, so it occurs in a sentence exactly when it lies inside one of the
/// sentence's tokens, and the events holding it are the union of the postings of every
/// token that contains it. Tokens held by more than `commonShare` of the events keep no
/// postings (they would be most of the memory): a word found only through one of them is
/// left to the scan, which meets such a word soon anyway. Candidates are a filter only:
/// each is still checked by the prefilter and the matcher, so answers are what the scan gives.
///
/// Postings are positions in the tier, sorted, in one flat `UInt32` array.
struct EvidenceWords: Sendable {
    /// Tokens held by more than one in this many events keep no postings.
    static let commonShare = 16
    /// Tokens held by at most this many events always keep postings, however small the tier.
    static let alwaysIndexed = 1024

    /// Each token's bytes, one after another.
    private var tokenText: [UInt8] = []
    /// Where each token starts in `tokenText`; one more entry than there are tokens.
    private var tokenStarts: [UInt32] = [0]
    /// The pairs of adjacent bytes each token holds, one bit per hashed pair: rules most tokens
    /// out of a substring search at the cost of an AND.
    private var tokenPairs: [UInt64] = []
    /// How many events hold each token.
    private var frequencies: [UInt32] = []
    /// Tokens that keep no postings.
    private var common: [Bool] = []
    /// Where each token's postings start in `postings`; one more entry than there are tokens.
    private var postingStarts: [UInt32] = [0]
    private var postings: [UInt32] = []
    /// Open addressing from a token's hash to its number (-1: empty).
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    /// The tier's event count and text length these postings were made for: a check that they are its.
    private(set) var eventCount = 0
    private(set) var textCount = 0
    /// Tokens held by more events than this are common.
    private var limit = EvidenceWords.alwaysIndexed
    private var alwaysIndexed = EvidenceWords.alwaysIndexed

    var tokenCount: Int { frequencies.count }
    var postingCount: Int { postings.count }
    /// Bytes held by the arrays, for the memory report.
    var byteCount: Int {
        tokenText.count + tokenStarts.count * 4 + tokenPairs.count * 8 + frequencies.count * 4 + common.count
            + postingStarts.count * 4 + postings.count * 4 + slots.count * 4
    }

    static func limit(events: Int, alwaysIndexed: Int) -> Int { max(alwaysIndexed, events / commonShare) }

    /// The postings of every event of `tier`.
    ///
    /// - Parameters:
    ///   - alwaysIndexed: tokens held by at most this many events keep postings whatever the tier's size.
    ///   - isCancelled: asked now and then; the build stops with `nil` when it says so.
    /// - Complexity: O(b) in the bytes of the evidence, read twice.
    init?(
        _ tier: borrowing EventIndex.Tier,
        alwaysIndexed: Int = EvidenceWords.alwaysIndexed,
        isCancelled: () -> Bool = { false }
    ) {
        let n = tier.count
        self.alwaysIndexed = alwaysIndexed
        limit = Self.limit(events: n, alwaysIndexed: alwaysIndexed)
        eventCount = n
        textCount = tier.text.count
        // First pass: the vocabulary and how many events hold each token.
        var lastEvent: [Int32] = []
        var cancelled = false
        tier.text.withUnsafeBufferPointer { text in
            for k in 0..<n {
                if k & 4095 == 0 && isCancelled() {
                    cancelled = true
                    return
                }
                Self.forEachToken(Self.evidence(tier, k, text)) { token, hash in
                    let t = number(of: token, hash: hash, insert: true)
                    if t == lastEvent.count { lastEvent.append(-1) }
                    if lastEvent[t] != Int32(k) {
                        lastEvent[t] = Int32(k)
                        frequencies[t] += 1
                    }
                }
            }
        }
        if cancelled { return nil }
        common = frequencies.map { Int($0) > limit }
        var total = 0
        postingStarts.reserveCapacity(frequencies.count + 1)
        for t in 0..<frequencies.count {
            if !common[t] { total += Int(frequencies[t]) }
            postingStarts.append(UInt32(total))
        }
        // Second pass: the postings, in position order within each token.
        postings = Array(repeating: 0, count: total)
        var next = Array(postingStarts.dropLast())
        for t in lastEvent.indices { lastEvent[t] = -1 }
        tier.text.withUnsafeBufferPointer { text in
            for k in 0..<n {
                Self.forEachToken(Self.evidence(tier, k, text)) { token, hash in
                    let t = number(of: token, hash: hash, insert: false)
                    guard !common[t], lastEvent[t] != Int32(k) else { return }
                    lastEvent[t] = Int32(k)
                    postings[Int(next[t])] = UInt32(k)
                    next[t] += 1
                }
            }
        }
    }

    /// Whether these postings were made for `tier` as it is now.
    func fits(_ tier: borrowing EventIndex.Tier) -> Bool { tier.count == eventCount && tier.text.count == textCount }

    // MARK: queries

    /// The positions, sorted, of the events that may hold every one of `words` (lower-case
    /// ASCII, as the matcher folds them); `nil` when the postings cannot narrow the search.
    ///
    /// - Complexity: O(v) in the number of tokens for each word, plus the candidates of the
    ///   rarest word when it spans several tokens.
    func candidates(for words: [[UInt8]]) -> ArraySlice<UInt32>? {
        var best: [Int]?
        var bestCount = Int.max
        for word in words where !word.isEmpty {
            guard let tokens = tokens(containing: word) else { continue }
            let count = tokens.reduce(0) { $0 + Int(frequencies[$1]) }
            if count < bestCount {
                best = tokens
                bestCount = count
            }
        }
        guard let best else { return nil }
        if best.count == 1 { return postings[Int(postingStarts[best[0]])..<Int(postingStarts[best[0] + 1])] }
        if best.isEmpty { return [] }
        // Several tokens hold the word ("port", "ports", "support"): their union, through a bitmap.
        var bits = [UInt64](repeating: 0, count: (eventCount + 63) / 64)
        for t in best {
            for p in postings[Int(postingStarts[t])..<Int(postingStarts[t + 1])] {
                bits[Int(p >> 6)] |= 1 << UInt64(p & 63)
            }
        }
        var out: [UInt32] = []
        out.reserveCapacity(bestCount)
        for (w, word) in bits.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                out.append(UInt32(w * 64 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
        return out[...]
    }

    /// The tokens that contain `word`; `nil` when one of them is common.
    private func tokens(containing word: [UInt8]) -> [Int]? {
        let pairs = Self.pairs(word)
        var out: [Int] = []
        let found: Bool = tokenText.withUnsafeBufferPointer { text in
            word.withUnsafeBufferPointer { w in
                for t in 0..<frequencies.count where tokenPairs[t] & pairs == pairs {
                    let token = UnsafeBufferPointer(rebasing: text[Int(tokenStarts[t])..<Int(tokenStarts[t + 1])])
                    guard Self.contains(token, w) else { continue }
                    if common[t] { return false }
                    out.append(t)
                }
                return true
            }
        }
        return found ? out : nil
    }

    // MARK: compaction

    /// The postings of the tier that compaction makes from `main` (these postings' tier) and
    /// `recent`: entry `m` of `main` moves to `mainMoves[m]` and entry `r` of `recent` to
    /// `recentMoves[r]` (-1: dropped).
    ///
    /// - Complexity: O(p + v + n) for p postings, v tokens and n events, plus the evidence of
    ///   the events dropped and added.
    func compacted(
        main: borrowing EventIndex.Tier,
        mainMoves: [Int32],
        recent: borrowing EventIndex.Tier,
        recentMoves: [Int32],
        into merged: borrowing EventIndex.Tier
    ) -> EvidenceWords {
        var next = self
        next.eventCount = merged.count
        next.textCount = merged.text.count
        next.limit = Self.limit(events: merged.count, alwaysIndexed: alwaysIndexed)
        // Events dropped from main no longer hold their tokens.
        main.text.withUnsafeBufferPointer { text in
            for m in mainMoves.indices where mainMoves[m] < 0 {
                for t in next.distinctTokens(Self.evidence(main, m, text), insert: false) { next.frequencies[t] -= 1 }
            }
        }
        // Events from recent: (token << 32 | new position), sorted.
        var added: [UInt64] = []
        recent.text.withUnsafeBufferPointer { text in
            for r in recentMoves.indices where recentMoves[r] >= 0 {
                for t in next.distinctTokens(Self.evidence(recent, r, text), insert: true) {
                    next.frequencies[t] += 1
                    added.append(UInt64(t) << 32 | UInt64(UInt32(recentMoves[r])))
                }
            }
        }
        added.sort()
        let tokens = next.frequencies.count
        next.common += Array(repeating: false, count: tokens - next.common.count)
        var starts: [UInt32] = [0]
        starts.reserveCapacity(tokens + 1)
        var out: [UInt32] = []
        out.reserveCapacity(postings.count + added.count)
        var a = 0
        for t in 0..<tokens {
            let first = a
            while a < added.count && Int(added[a] >> 32) == t { a += 1 }
            if !next.common[t] && Int(next.frequencies[t]) > next.limit { next.common[t] = true }
            if !next.common[t] {
                // Both runs are in position order (moves keep the order): merge them.
                let old = t < frequencies.count ? Int(postingStarts[t])..<Int(postingStarts[t + 1]) : 0..<0
                var i = old.lowerBound
                var j = first
                while true {
                    while i < old.upperBound && mainMoves[Int(postings[i])] < 0 { i += 1 }
                    let x = i < old.upperBound ? UInt32(mainMoves[Int(postings[i])]) : UInt32.max
                    let y = j < a ? UInt32(truncatingIfNeeded: added[j]) : UInt32.max
                    if x == .max && y == .max { break }
                    if x < y {
                        out.append(x)
                        i += 1
                    } else {
                        out.append(y)
                        j += 1
                    }
                }
            }
            starts.append(UInt32(out.count))
        }
        next.postings = out
        next.postingStarts = starts
        return next
    }

    // MARK: tokens

    /// The evidence bytes of entry `k` of `tier`, whose `text` is `text`.
    @inline(__always) private static func evidence(
        _ tier: borrowing EventIndex.Tier,
        _ k: Int,
        _ text: UnsafeBufferPointer<UInt8>
    ) -> UnsafeBufferPointer<UInt8> {
        let start = tier.textStarts[k] + Int(tier.idLengths[k])
        return UnsafeBufferPointer(rebasing: text[start..<start + Int(tier.evidenceLengths[k])])
    }

    /// Calls `body` with each token of `bytes` (folded) and its hash.
    private static func forEachToken(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { folded in
            var length = 0
            func flush() {
                guard length > 0 else { return }
                let token = UnsafeBufferPointer(rebasing: folded[0..<length])
                body(token, ByteHash.hash(token))
                length = 0
            }
            for b in bytes {
                if b >= 0x80 || b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    flush()
                } else {
                    folded[length] = b &- 65 < 26 ? b | 0x20 : b
                    length += 1
                }
            }
            flush()
        }
    }

    /// The numbers of the distinct tokens of `bytes`; with `insert` false, tokens not in the
    /// vocabulary are left out.
    private mutating func distinctTokens(_ bytes: UnsafeBufferPointer<UInt8>, insert: Bool) -> [Int] {
        var seen: [Int] = []
        Self.forEachToken(bytes) { token, hash in
            let t = number(of: token, hash: hash, insert: insert)
            guard t >= 0, !seen.contains(t) else { return }
            seen.append(t)
        }
        return seen
    }

    /// The number of `token`, added to the vocabulary when it is new and `insert` is set; -1
    /// when it is new and `insert` is not.
    private mutating func number(of token: UnsafeBufferPointer<UInt8>, hash: UInt64, insert: Bool) -> Int {
        let mask = slots.count - 1
        var h = Int(truncatingIfNeeded: hash) & mask
        while true {
            let t = Int(slots[h])
            if t < 0 { break }
            let known = tokenText.withUnsafeBufferPointer {
                UnsafeBufferPointer(rebasing: $0[Int(tokenStarts[t])..<Int(tokenStarts[t + 1])])
            }
            if known.elementsEqual(token) { return t }
            h = (h + 1) & mask
        }
        guard insert else { return -1 }
        let t = frequencies.count
        tokenText.append(contentsOf: token)
        tokenStarts.append(UInt32(tokenText.count))
        tokenPairs.append(Self.pairs(token))
        frequencies.append(0)
        slots[h] = Int32(t)
        if frequencies.count * 2 > slots.count { rehash() }
        return t
    }

    private mutating func rehash() {
        var grown = [Int32](repeating: -1, count: slots.count * 2)
        let mask = grown.count - 1
        tokenText.withUnsafeBufferPointer { text in
            for t in 0..<frequencies.count {
                let token = UnsafeBufferPointer(rebasing: text[Int(tokenStarts[t])..<Int(tokenStarts[t + 1])])
                var h = Int(truncatingIfNeeded: ByteHash.hash(token)) & mask
                while grown[h] >= 0 { h = (h + 1) & mask }
                grown[h] = Int32(t)
            }
        }
        slots = grown
    }

    /// One bit for each pair of adjacent bytes.
    private static func pairs(_ bytes: some Collection<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        var previous: UInt8?
        for b in bytes {
            if let p = previous { bits |= 1 << UInt64((UInt32(p) &* 0x9E37_79B1 ^ UInt32(b) &* 0x85EB_CA77) >> 26) }
            previous = b
        }
        return bits
    }

    /// Whether `needle` occurs in `hay`.
    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= hay.count else { return false }
        if needle.count == hay.count { return hay.elementsEqual(needle) }
        let first = needle[0]
        for i in 0...(hay.count - needle.count) where hay[i] == first {
            var k = 1
            while k < needle.count && hay[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }
}
