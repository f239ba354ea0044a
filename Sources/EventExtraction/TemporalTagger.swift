/// Finds temporal expressions in tokens: the rules of the pattern files (`lexicon.patterns`) at
/// each token, longest match first, with an optional modifier before it (`early`, `mid-`, `late`,
/// `the end of`).
///
/// The rules are indexed by the kind of token they start at: each word of the lexicon has the list
/// of rules that can start at it (`WordEntry.ruleList`), numbers and ideographs another; other
/// tokens try none.
///
/// - Complexity: O(n · p) for n tokens and p rules that can start at a token; each rule looks at
///   a few tokens.
struct TemporalTagger: Sendable {
    let lexicon: DateLexicon
    /// Modifier phrases, longest first, by their first word: list `WordEntry.modifierList` holds the
    /// phrases starting with that word (list 0 is empty).
    private let modifierLists: [[(words: [String], mod: String)]]
    /// Every word the lexicon and the rules know, with what they know.
    private let words: WordTable
    /// The matching part of each rule, in file order: a rule's name, source and examples stay out
    /// of the loop (copying a rule for each try would retain each of its strings).
    private let matchers: [RuleMatcher]
    /// `matchers` unretained (`matchers` owns them): the loop would retain and release each one it tries.
    private let unmanagedMatchers: [Unmanaged<RuleMatcher>]
    /// The rule lists back to back: list `n` (`WordEntry.ruleList`; 0 is empty; then the
    /// ideographs', then the numbers' of 1 to `maximumDigitList` digits) is
    /// `flatLists[listStarts[n]..<listStarts[n + 1]]`.
    private let flatLists: [UInt16]
    private let listStarts: [Int32]
    private let ideographList: Int
    /// A number of more digits than this tries the last number list.
    private static let maximumDigitList = 10

    init(lexicon: DateLexicon) {
        self.lexicon = lexicon
        let modifiers = lexicon.modifiers.map {
            (words: $0.key.split(separator: " ").map(String.init), mod: $0.value)
        }
        .sorted { $0.words.count > $1.words.count }
        let rules = lexicon.patterns.rules
        var table = lexicon.wordTable(startWords: Set(rules.flatMap(\.startWords)))
        var lists: [[Int]] = [[]]
        var listIndex: [[Int]: UInt16] = [[]: 0]
        let modifierStarts = Set(modifiers.map { $0.words[0] })
        var modifierLists: [[(words: [String], mod: String)]] = [[]]
        for word in modifierStarts {
            // The phrases' order (longest first) is kept: the first that matches wins.
            modifierLists.append(modifiers.filter { $0.words[0] == word })
            table[word, default: WordEntry()].modifierList = UInt16(modifierLists.count - 1)
        }
        self.modifierLists = modifierLists
        var deicticPhrases: [[(words: [String], value: String)]] = []
        for (word, phrases) in lexicon.deicticPhrases {
            deicticPhrases.append(phrases)
            table[word, default: WordEntry()].deicticPhraseList = UInt16(deicticPhrases.count)
        }
        for (word, entry) in table {
            let list = rules.indices.filter {
                !rules[$0].starts.isDisjoint(with: entry.starts) || rules[$0].startWords.contains(word)
            }
            let index =
                listIndex[list]
                ?? {
                    lists.append(list)
                    listIndex[list] = UInt16(lists.count - 1)
                    return UInt16(lists.count - 1)
                }()
            table[word]!.ruleList = index
            table[word]!.startsExpression = index != 0 || modifierStarts.contains(word)
            table[word]!.startsModifier = modifierStarts.contains(word)
        }
        let numberRules = rules.indices.filter { rules[$0].starts.contains(.number) }
        lists.append(numberRules)
        ideographList = lists.count - 1
        // A number tries only the rules whose first test can take its count of digits: `DAY` no
        // four-digit number, `YEAR` no two-digit one.
        for digits in 1...Self.maximumDigitList {
            lists.append(
                numberRules.filter {
                    guard case .data(let p) = rules[$0].body else { return true }
                    return p.mayStart(atNumberOf: digits)
                }
            )
        }
        words = WordTable(table, deicticPhrases: deicticPhrases)
        matchers = rules.map { RuleMatcher($0, table: table) }
        unmanagedMatchers = matchers.map { Unmanaged.passUnretained($0) }
        flatLists = lists.flatMap { $0.map(UInt16.init) }
        var starts: [Int32] = [0]
        for list in lists { starts.append(starts.last! + Int32(list.count)) }
        listStarts = starts
    }

    func tag(_ tokens: [Token]) -> [TemporalMention] {
        let c = PatternContext(tokens: tokens, lexicon: lexicon, words: words)
        var mentions: [TemporalMention] = []
        var i = 0
        while i < tokens.count {
            if c.tokens[i].kind == .word, c.entries[i].startsModifier,
                let (mod, coreStart) = modifier(c, at: i), let m = bestMatch(c, at: coreStart), m.rangeEnd == nil,
                m.reference.timexType == "DATE" || m.reference.timexType == "TIME"
                    || (m.reference.timexType == "DURATION" && Self.boundMods.contains(mod))
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

    /// Mods that bound an amount, so that they also qualify a duration ("at least 30 days").
    static let boundMods: Set<String> = ["LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"]

    /// A modifier phrase at `i`: its mod and where the expression it qualifies starts.
    private func modifier(_ c: PatternContext, at i: Int) -> (String, Int)? {
        for (words, mod) in modifierLists[Int(c.entries[i].modifierList)] where i + words.count <= c.tokens.count {
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
        // Punctuation and words no rule starts with try no rule.
        let list: Int
        switch c.tokens[i].kind {
        case .punct: return nil
        case .word: list = Int(c.entries[i].ruleList)
        case .ideograph: list = ideographList
        case .number: list = ideographList + min(c.tokens[i].end - c.tokens[i].start, Self.maximumDigitList)
        }
        let range = Int(listStarts[list])..<Int(listStarts[list + 1])
        if range.isEmpty { return nil }
        return flatLists.withUnsafeBufferPointer { flat in
            unmanagedMatchers.withUnsafeBufferPointer { matchers in
                var best: PatternMatch?
                var bestLength = 0
                for p in range {
                    guard let m = matchers[Int(flat[p])]._withUnsafeGuaranteedRef({ $0.match(c, i) }) else { continue }
                    let length = m.rangeEnd.map { $0.offset + $0.length } ?? m.length
                    if length > bestLength {
                        best = m
                        bestLength = length
                    }
                }
                return best
            }
        }
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

/// What the tagger calls for one rule: a data pattern or a Swift rule's function.
final class RuleMatcher: Sendable {
    private let data: DataPattern?
    /// `data` unretained (`data` owns it): binding the optional retained it at every try.
    private let unmanagedData: Unmanaged<DataPattern>?
    /// Whether a data pattern may match at a token, tested before trying it (not optional: an
    /// optional would be copied out at every try).
    private let filter: RuleFilter
    private let code: (@Sendable (PatternContext, Int) -> PatternMatch?)?

    init(_ rule: TemporalRules.Rule, table: [String: WordEntry]) {
        switch rule.body {
        case .data(let p):
            data = p
            unmanagedData = Unmanaged.passUnretained(p)
            filter = RuleFilter(p, table: table)
            code = nil
        case .code(let p):
            data = nil
            unmanagedData = nil
            filter = RuleFilter()
            code = p.match
        }
    }

    @inline(__always)
    func match(_ c: PatternContext, _ i: Int) -> PatternMatch? {
        if let unmanagedData {
            guard filter.admits(c.features, at: i) else { return nil }
            return unmanagedData._withUnsafeGuaranteedRef { $0.match(c, i) }
        }
        return code?(c, i)
    }
}
