import Foundation

/// Context words the event classifier reads, from `cues.tsv` (`kind<TAB>phrase`).
struct Cues: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case statistic, quantity, target
        case pastState = "past-state"
        case policyDocument = "policy-document"
        case planNoun = "plan-noun"
        case noEventSignal = "no-event-signal"
        case future
        case past
        case pastSuffix = "past-suffix"
        case notPast = "not-past"
        case hypothetical
        case functionWord = "function-word"
        case byline
        case authority
        case intention
        case decidedAction = "decided-action"
        case movement
        case reportNoun = "report-noun"
        case titleConnector = "title-connector"
        case commemoration
        case comparison
        case baselinePreposition = "baseline-preposition"
        case relational
        case targetPreposition = "target-preposition"
        case auxiliary
        case negation
        case schedule
        case conditional
        case durationOf = "duration-of"
        case freight
        case speech
        case cancellation
        case possibility
        case rate
        case topic
        case unfinished
        case dateFor = "date-for"
        case adjective
        /// Phrases that start with a cue of another kind but are not one: `next to` is no future.
        case notCue = "not-cue"
    }

    /// One-word cues of each kind, lower-case; indexed by `Kind.ordinal`, as are the tables
    /// below (a dictionary keyed by the kind would hash its raw string at every lookup).
    private var singles = [Set<String>](repeating: [], count: Kind.allCases.count)
    /// `Stemmer.stem` of the one-word cues, for kinds listed by their base form ("decide").
    private var stems = [Set<String>](repeating: [], count: Kind.allCases.count)
    /// A filter of `singles`, so that most words are passed over without hashing.
    private var singleFilters = [WordFilter](repeating: WordFilter(), count: Kind.allCases.count)
    /// Phrases (cues of two or more lower-case words) by their first and by their last word, with
    /// filters of those words: a phrase is compared only where its first (or last) word stands.
    private var phrasesByFirst = [[String: [[String]]]](repeating: [:], count: Kind.allCases.count)
    private var phrasesByLast = [[String: [[String]]]](repeating: [:], count: Kind.allCases.count)
    private var firstFilters = [WordFilter](repeating: WordFilter(), count: Kind.allCases.count)
    private var lastFilters = [WordFilter](repeating: WordFilter(), count: Kind.allCases.count)

    init(_ file: DataFile) throws {
        for (k, kind) in Kind.allCases.enumerated() { precondition(kind.ordinal == k, "Cues.Kind.ordinal") }
        for line in file.lines {
            let f = try file.fields(line, min: 2, max: 2, usage: "kind<TAB>phrase")
            guard let kind = Kind(rawValue: f[0]) else { throw file.error(line, "unknown cue kind '\(f[0])'") }
            let words = f[1].lowercased().split(separator: " ").map(String.init)
            guard !words.isEmpty else { throw file.error(line, "empty cue") }
            if words.count == 1 {
                singles[kind.ordinal].insert(words[0])
                singleFilters[kind.ordinal].insert(words[0])
                stems[kind.ordinal].insert(Stemmer.stem(words[0]))
            } else {
                phrasesByFirst[kind.ordinal][words[0], default: []].append(words)
                phrasesByLast[kind.ordinal][words[words.count - 1], default: []].append(words)
                firstFilters[kind.ordinal].insert(words[0])
                lastFilters[kind.ordinal].insert(words[words.count - 1])
            }
        }
    }

    func contains(_ kind: Kind, _ word: String) -> Bool {
        singleFilters[kind.ordinal].mayContain(word) && singles[kind.ordinal].contains(word)
    }

    /// Whether `word` (lower-case) is an inflection of a one-word cue of `kind`: "decided" of "decide".
    func containsStem(_ kind: Kind, _ word: String) -> Bool {
        contains(kind, word) || stems[kind.ordinal].contains(Stemmer.stem(word))
    }

    /// Whether a cue of `kind` ends right before token `end`: "compared with" before "2021".
    func endsBefore(_ kind: Kind, in tokens: [Token], _ end: Int) -> Bool {
        guard end > 0 else { return false }
        let last = tokens[end - 1].lower
        if contains(kind, last) { return true }
        // A phrase ends with the word before `end`: only those ending so are compared.
        guard lastFilters[kind.ordinal].mayContain(last), let list = phrasesByLast[kind.ordinal][last] else {
            return false
        }
        for p in list where p.count <= end {
            var ok = true
            for (k, w) in p.enumerated() where tokens[end - p.count + k].lower != w {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    /// Whether a cue of `kind` starts at token `start`: "a year" in "trips a year".
    func startsAt(_ kind: Kind, in tokens: [Token], _ start: Int) -> Bool {
        guard start < tokens.count else { return false }
        return contains(kind, tokens[start].lower) || phraseStarts(kind, in: tokens, start, end: tokens.count)
    }

    /// Whether a lower-case word in `tokens[range]` (not a name) ends with a suffix of `kind`
    /// and is at least two letters longer than it: "stepped" for `ed`.
    func occursSuffix(_ kind: Kind, in tokens: [Token], _ range: Range<Int>) -> Bool {
        let suffixes = singles[kind.ordinal]
        guard !suffixes.isEmpty else { return false }
        for i in range where tokens[i].kind == .word && !tokens[i].isCapitalized {
            let w = tokens[i].lower
            for s in suffixes where w.utf8.count >= s.utf8.count + 3 && w.hasSuffix(s) {
                // "hundred", "oilseed", "speed": the ending without the past.
                if !contains(.notPast, w) { return true }
            }
        }
        return false
    }

    /// Whether a cue of `kind` occurs in `tokens[range]`; with `unless`, not one that starts a
    /// phrase of that kind (`next to` of `not-cue`), which may end after the range.
    func occurs(_ kind: Kind, in tokens: [Token], _ range: Range<Int>, unless: Kind? = nil) -> Bool {
        let singles = self.singles[kind.ordinal]
        let filter = singleFilters[kind.ordinal]
        for i in range {
            let word = tokens[i].lower
            if filter.mayContain(word), singles.contains(word) {
                guard let unless, phraseStarts(unless, in: tokens, i, end: tokens.count) else { return true }
                continue
            }
            if phraseStarts(kind, in: tokens, i, end: range.upperBound) { return true }
        }
        return false
    }

    /// Whether a phrase of `kind` starts at token `i` and ends by `end`; only the phrases
    /// starting with that word are compared.
    private func phraseStarts(_ kind: Kind, in tokens: [Token], _ i: Int, end: Int) -> Bool {
        let word = tokens[i].lower
        guard firstFilters[kind.ordinal].mayContain(word), let list = phrasesByFirst[kind.ordinal][word] else {
            return false
        }
        return list.contains { i + $0.count <= end && Self.matches($0, tokens, i) }
    }

    private static func matches(_ phrase: [String], _ tokens: [Token], _ i: Int) -> Bool {
        for (k, w) in phrase.enumerated() where tokens[i + k].lower != w { return false }
        return true
    }
}

extension Cues.Kind {
    /// The case's position in declaration order (`allCases` order; checked when cues load).
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
