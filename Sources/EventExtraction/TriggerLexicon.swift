import Foundation
import TimelineCore

/// Event trigger phrases by type, from `triggers.tsv`.
struct TriggerLexicon: Sendable {
    struct Phrase: Sendable {
        enum Word: Sendable, Equatable {
            case stem(String)
            case exact(String)
            /// `…`: up to `gapLimit` words of the same clause ("construction of the new terminal began").
            case gap
        }
        let type: EventType
        let words: [Word]
        /// Dated only by an adjacent date.
        let near: Bool
        /// Yields its date to a trigger between it and the date.
        let reporting: Bool
        /// With `near`: dated only by a year right before it ("the 2008 bridge project").
        let yearBefore: Bool
        /// Becomes an approval with a policy-document noun.
        let documentApproval: Bool
        /// Becomes an approval with an authority as subject or a Title-Case document name as object.
        let authorityApproval: Bool
        /// Counts only with an authority as subject, or with `to` and a decided action after it.
        let needsAuthority: Bool
        /// Counts only with a movement verb after it in its clause ("the delegation arrived").
        let needsMovement: Bool
        /// Does not count when one of these words follows ("is due to arrive", "opened up new markets").
        let notBefore: Set<String>
        /// Does not count right after one of these words ("the draft agreement").
        let notAfter: Set<String>
        /// A noun that is also a verb: not after "to" or a modal ("will deal with").
        let nounOnly: Bool
        /// An institution when it ends a Title-Case name with no ordinal in it ("the Provincial
        /// People's Congress"); a meeting otherwise ("the 20th Party Congress", "the congress").
        let institutionName: Bool
        /// A base-form verb: counts only after "to" or a modal ("will open").
        let afterAuxiliary: Bool
        /// Not a happening of its own as the object of another type's trigger ("ratified the treaty").
        let objectNoun: Bool
        /// A verb that is also a noun ("sign"): not after a determiner or a superlative ("the clearest sign").
        let verbOnly: Bool
        /// Counts only before a name ("returned to Moscow", "was in Pyongyang"; not "returned to growth").
        let placeAfter: Bool
        /// Counts only with a meeting noun as its subject ("the session …, held in Moscow").
        let needsMeetingSubject: Bool
        /// The key under which two mentions can be one happening: `family=` or the stem of the phrase.
        let family: String
        /// The phrase as written, for messages and dedup.
        let text: String
    }

    /// How many tokens a `…` in a phrase may stand for.
    static let gapLimit = 12
    /// Words a `…` never spans: "construction had still not begun" did not happen.
    static let gapStops: Set<String> = ["not", "never", "n't", "no"]

    /// Phrases by their first word's exact form and by its stem, longest first: two maps, so a
    /// lookup needs no key string built per token.
    private(set) var byExactFirst: [String: [Phrase]] = [:]
    private(set) var byStemFirst: [String: [Phrase]] = [:]
    /// Filters of the two maps' keys, so that most words are passed over without hashing them.
    private var exactFilter = WordFilter()
    private var stemFilter = WordFilter()

    init(_ file: DataFile) throws {
        for line in file.lines {
            let f = try file.fields(line, min: 2, max: 3, usage: "type<TAB>phrase[<TAB>flags]")
            guard let type = EventType(rawValue: f[0]) else {
                throw file.error(line, "unknown event type '\(f[0])'")
            }
            let flags = try file.flags(line, f.count > 2 ? f[2] : nil)
            let words: [Phrase.Word] = f[1].split(separator: " ").map { (w: Substring) -> Phrase.Word in
                if w == "…" || w == "..." { return .gap }
                // Punctuation ("green - lit") is matched as written: it has no stem.
                if w.unicodeScalars.allSatisfy({ !Tokenizer.isLetter($0) && !Tokenizer.isDigit($0) }) {
                    return .exact(String(w))
                }
                return w.hasPrefix("=")
                    ? .exact(String(w.dropFirst()).lowercased()) : .stem(Stemmer.stem(w.lowercased()))
            }
            guard !words.isEmpty, !words.contains(.exact("")) else { throw file.error(line, "empty phrase") }
            guard words.first != .gap, words.last != .gap else {
                throw file.error(line, "a phrase cannot start or end with '…'")
            }
            let phrase = Phrase(
                type: type,
                words: words,
                near: flags.contains("near") || flags.contains("year-before"),
                reporting: flags.contains("reporting"),
                yearBefore: flags.contains("year-before"),
                documentApproval: flags.contains("document-approval"),
                authorityApproval: flags.contains("authority-approval"),
                needsAuthority: flags.contains("authority"),
                needsMovement: flags.contains("movement"),
                notBefore: Set(flags.filter { $0.hasPrefix("not-before=") }.map { String($0.dropFirst(11)) }),
                notAfter: Set(flags.filter { $0.hasPrefix("not-after=") }.map { String($0.dropFirst(10)) }),
                nounOnly: flags.contains("noun"),
                institutionName: flags.contains("institution-name"),
                afterAuxiliary: flags.contains("after-auxiliary"),
                objectNoun: flags.contains("object-noun"),
                verbOnly: flags.contains("verb"),
                placeAfter: flags.contains("place-after"),
                needsMeetingSubject: flags.contains("meeting-subject"),
                family: flags.first { $0.hasPrefix("family=") }.map { String($0.dropFirst(7)) }
                    ?? Stemmer.stem(f[1].lowercased()),
                text: f[1]
            )
            switch words[0] {
            case .exact(let w): byExactFirst[w, default: []].append(phrase)
            case .stem(let w): byStemFirst[w, default: []].append(phrase)
            case .gap: break  // rejected above
            }
        }
        for k in byExactFirst.keys { byExactFirst[k]!.sort { $0.words.count > $1.words.count } }
        for k in byStemFirst.keys { byStemFirst[k]!.sort { $0.words.count > $1.words.count } }
        for k in byExactFirst.keys { exactFilter.insert(k) }
        for k in byStemFirst.keys { stemFilter.insert(k) }
    }

    /// The longest phrases matching at `i`, with the end of the match.
    /// A `…` skips words only: no punctuation and no token for which `blocked` is true (a date).
    func matches(
        _ tokens: [Token],
        stems: [String],
        at i: Int,
        blocked: (Int) -> Bool
    ) -> (
        phrases: [Phrase], end: Int
    ) {
        let exact = exactFilter.mayContain(tokens[i].lower) ? byExactFirst[tokens[i].lower] : nil
        let stemmed = stemFilter.mayContain(stems[i]) ? byStemFirst[stems[i]] : nil
        // Most words start no phrase: nothing to collect or allocate.
        if exact == nil && stemmed == nil { return ([], i) }
        var found: [(Phrase, Int)] = []
        func collect(_ list: [Phrase]?) {
            guard let list else { return }
            for p in list {
                if let end = Self.match(p.words[...], tokens, stems, from: i, blocked: blocked) {
                    found.append((p, end))
                }
            }
        }
        collect(exact)
        collect(stemmed)
        guard let longest = found.map(\.1).max() else { return ([], i) }
        return (found.filter { $0.1 == longest }.map(\.0), longest)
    }

    /// A hyphen inside a name ("Erenhot-Zamyn-Uud"), with no space on either side.
    private static func isInnerHyphen(_ tokens: [Token], _ j: Int) -> Bool {
        tokens[j].text == "-" && !tokens[j].spaceBefore && j + 1 < tokens.count && !tokens[j + 1].spaceBefore
    }

    /// The comma that closes a relative clause opened by the comma at `j` (", which …,"), if the
    /// clause holds only words (no date, no negation) and is short enough for a gap.
    private static func relativeClauseEnd(_ tokens: [Token], from j: Int, blocked: (Int) -> Bool) -> Int? {
        guard tokens[j].text == ",", j + 1 < tokens.count, relativeOpeners.contains(tokens[j + 1].lower) else {
            return nil
        }
        var m = j + 2
        while m < tokens.count, m - j <= gapLimit, !blocked(m), !gapStops.contains(tokens[m].lower) {
            if tokens[m].kind == .punct && !isInnerHyphen(tokens, m) { return tokens[m].text == "," ? m : nil }
            m += 1
        }
        return nil
    }

    static let relativeOpeners: Set<String> = ["which", "who", "whose"]

    /// Where `words` matched from `i` end, or `nil`; a gap takes as few words as it can.
    private static func match(
        _ words: ArraySlice<Phrase.Word>,
        _ tokens: [Token],
        _ stems: [String],
        from i: Int,
        blocked: (Int) -> Bool
    ) -> Int? {
        var k = i
        var rest = words
        while let w = rest.first {
            rest = rest.dropFirst()
            switch w {
            case .gap:
                var j = k
                // Words, not tokens: the hyphens of "Erenhot-Zamyn-Uud" do not count.
                var words = 0
                while j < tokens.count, words <= gapLimit, !blocked(j), !gapStops.contains(tokens[j].lower) {
                    if tokens[j].kind == .punct && !isInnerHyphen(tokens, j) {
                        // "construction of the bridge, which will link the two cities, began"
                        guard let close = relativeClauseEnd(tokens, from: j, blocked: blocked) else { break }
                        words += close - j - 1
                        j = close + 1
                        continue
                    }
                    if let end = match(rest, tokens, stems, from: j, blocked: blocked) { return end }
                    if tokens[j].kind != .punct { words += 1 }
                    j += 1
                }
                return nil
            case .stem(let s):
                guard k < tokens.count, tokens[k].kind == .word, stems[k] == s else { return nil }
            case .exact(let s):
                guard k < tokens.count, tokens[k].lower == s else { return nil }
            }
            k += 1
        }
        return k
    }
}
