/// Finds temporal expressions in tokens: every pattern of `TemporalPattern.all`
/// at each token, longest match first, with an optional modifier before it
/// (`early`, `mid-`, `late`, `the end of`).
///
/// - Complexity: O(n · p) for n tokens and p patterns; each pattern looks at a
///   few tokens.
struct TemporalTagger: Sendable {
    let lexicon: DateLexicon
    /// Modifier phrases, longest first.
    private let modifiers: [(words: [String], mod: String)]
    /// Every word the lexicon knows, with what it knows (`WordEntry.startsExpression`: words that
    /// can start an expression; other words are skipped without trying the patterns; numbers and
    /// ideographs are always tried).
    private let words: [String: WordEntry]

    init(lexicon: DateLexicon) {
        self.lexicon = lexicon
        modifiers = lexicon.modifiers.map { (words: $0.key.split(separator: " ").map(String.init), mod: $0.value) }
            .sorted { $0.words.count > $1.words.count }
        words = lexicon.wordTable(
            startWords: TemporalPattern.startWords.union(["the", "every", "each", "q", "h", "that"])
        )
    }

    func tag(_ tokens: [Token]) -> [TemporalMention] {
        let c = PatternContext(tokens: tokens, lexicon: lexicon, words: words)
        var mentions: [TemporalMention] = []
        var i = 0
        while i < tokens.count {
            if c.tokens[i].kind == .word, c.entries[i].startsExpression,
                let (mod, coreStart) = modifier(c, at: i), let m = bestMatch(c, at: coreStart), m.rangeEnd == nil,
                m.reference.timexType == "DATE" || m.reference.timexType == "TIME"
            {
                mentions.append(
                    TemporalMention(
                        first: i,
                        end: coreStart + m.length,
                        reference: m.reference,
                        mod: mod == "NONE" ? nil : mod,
                        isDaySpan: m.isDaySpan
                    )
                )
                i = coreStart + m.length
            } else if let m = bestMatch(c, at: i) {
                mentions.append(
                    TemporalMention(first: i, end: i + m.length, reference: m.reference, isDaySpan: m.isDaySpan)
                )
                if let r = m.rangeEnd {
                    mentions[mentions.count - 1].isRangeEnd = true
                    mentions.append(
                        TemporalMention(
                            first: i + r.offset,
                            end: i + r.offset + r.length,
                            reference: r.reference,
                            isRangeEnd: true
                        )
                    )
                    i += r.offset + r.length
                } else {
                    i += m.length
                }
            } else {
                i += 1
            }
        }
        markSpans(&mentions, c)
        return mentions
    }

    /// A modifier phrase at `i`: its mod and where the expression it qualifies starts.
    private func modifier(_ c: PatternContext, at i: Int) -> (String, Int)? {
        for (words, mod) in modifiers where i + words.count <= c.tokens.count {
            guard words.indices.allSatisfy({ c.tokens[i + $0].lower == words[$0] }) else { continue }
            var k = i + words.count
            if c.isDash(k), c.touching(k - 1) { k += 1 }  // mid-April
            if c.word(k, "in") { k += 1 }  // early in 2024
            return (mod, k)
        }
        return nil
    }

    private func bestMatch(_ c: PatternContext, at i: Int) -> PatternMatch? {
        // A modifier can end the text ("… late"): nothing follows it to match.
        guard i < c.tokens.count else { return nil }
        let tok = c.tokens[i]
        // Skip punctuation and words no pattern starts with, without trying the patterns.
        switch tok.kind {
        case .punct: return nil
        case .word: if !c.entries[i].startsExpression { return nil }
        case .number, .ideograph: break
        }
        let kinds: TemporalPattern.Starts = tok.kind == .word ? c.entries[i].starts : .number
        var best: PatternMatch?
        for k in TemporalPattern.all.indices where !TemporalPattern.all[k].starts.isDisjoint(with: kinds) {
            guard let m = TemporalPattern.all[k].match(c, i) else { continue }
            let length = m.rangeEnd.map { $0.offset + $0.length } ?? m.length
            let bestLength = best.map { b in b.rangeEnd.map { $0.offset + $0.length } ?? b.length } ?? 0
            if length > bestLength { best = m }
        }
        return best
    }

    /// `from April 17 to April 20`, `May 3 – May 5`: the first end of a span of days dates
    /// the span; any other span's ends are not dates of happenings.
    private func markSpans(_ mentions: inout [TemporalMention], _ c: PatternContext) {
        guard mentions.count >= 2 else { return }
        for k in 0..<(mentions.count - 1) {
            let a = mentions[k]
            let b = mentions[k + 1]
            guard a.reference.timexType == "DATE", b.reference.timexType == "DATE", b.first == a.end + 1 else {
                continue
            }
            let joiner = c.tokens[a.end]
            let isJoin =
                c.isDash(a.end)
                || (["to", "until", "through", "and"].contains(joiner.lower)
                    && c.word(a.first - 1, in: ["from", "between"]))
            guard isJoin else { continue }
            if case .monthDay = a.reference {
                mentions[k].isDaySpan = true
            } else if case .calendar(let v) = a.reference, case .day = v.kind {
                mentions[k].isDaySpan = true
            } else {
                mentions[k].isRangeEnd = true
            }
            mentions[k + 1].isRangeEnd = true
        }
    }
}
