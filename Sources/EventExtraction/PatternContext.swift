import TimelineCore

/// Token tests shared by the temporal patterns.
/// A class: every pattern receives it, and a struct holding the lexicon's tables would be
/// copied (and each table retained) at every call. `@unchecked Sendable`: `features` is written
/// only in `init` and freed in `deinit`.
final class PatternContext: @unchecked Sendable {
    let tokens: [Token]
    let lexicon: DateLexicon
    /// The lexicon's entry for each token (`.none` for numbers, punctuation and unknown words).
    let entries: [WordEntry]
    let words: WordTable
    /// `RuleFilter.features` of each token and a last 0, allocated once here (an array read at
    /// every rule tried would be retained) and freed in `deinit`.
    let features: UnsafeMutableBufferPointer<RuleFilter.Features>

    init(tokens: [Token], lexicon: DateLexicon, words: WordTable) {
        self.tokens = tokens
        self.lexicon = lexicon
        self.words = words
        // Filled in place from the tokens' storage: `map` copied each token (retaining its strings).
        entries = tokens.withUnsafeBufferPointer { t in
            [WordEntry](unsafeUninitializedCapacity: t.count) { buffer, count in
                for k in 0..<t.count {
                    buffer.initializeElement(at: k, to: t[k].kind == .word ? words.entry(t[k].lower) : .none)
                }
                count = t.count
            }
        }
        // One more, without features: the end of the tokens, where no rule is admitted.
        features = .allocate(capacity: tokens.count + 1)
        for k in tokens.indices { features.initializeElement(at: k, to: RuleFilter.features(tokens[k], entries[k])) }
        features.initializeElement(at: tokens.count, to: 0)
    }

    deinit { features.deallocate() }

    func e(_ i: Int) -> WordEntry { i >= 0 && i < entries.count ? entries[i] : .none }

    static let dashes: Set<String> = ["-", "\u{2013}", "\u{2014}", "\u{2012}", "\u{2010}", "\u{2011}"]
    /// Capitalised, these make the number after them an identifier, not a year ("#" and "№" are
    /// in `currency`).
    static let numberSigns: Set<String> = ["no", "nos"]
    static let currency: Set<String> = ["$", "\u{00A5}", "\u{20AC}", "\u{00A3}", "\u{20BD}", "#", "\u{2116}"]

    func t(_ i: Int) -> Token? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    /// Tokens `i` and `i + 1` touch (no space between).
    func touching(_ i: Int) -> Bool {
        // Fields read in place: `t(i)` would copy the token and retain its strings.
        guard i >= 0, i + 1 < tokens.count else { return false }
        return tokens[i].end == tokens[i + 1].start
    }

    /// Token `i` exists and is of `kind`.
    @inline(__always)
    func kind(_ i: Int, _ kind: Token.Kind) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == kind }

    /// Token `i` is a number of at most 9 digits: its value and digit count.
    @inline(__always)
    private func number(_ i: Int) -> (value: Int, digits: Int)? {
        guard kind(i, .number), tokens[i].value >= 0 else { return nil }
        return (tokens[i].value, tokens[i].end - tokens[i].start)
    }

    /// Token `i` is the punctuation `,` or `.`.
    @inline(__always)
    private func commaOrPoint(_ i: Int) -> Bool {
        kind(i, .punct) && (word(i, ",") || word(i, "."))
    }

    /// `st`, `nd`, `rd`, `th` at `i`.
    @inline(__always)
    private func ordinalSuffix(_ i: Int) -> Bool {
        word(i, "st") || word(i, "nd") || word(i, "rd") || word(i, "th")
    }

    func word(_ i: Int, _ w: String) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        // The byte count first: most tokens differ in length, and that test costs nothing.
        let l = tokens[i].lower
        return l.utf8.count == w.utf8.count && l == w
    }
    func word(_ i: Int, in set: Set<String>) -> Bool { i >= 0 && i < tokens.count && set.contains(tokens[i].lower) }
    func isDash(_ i: Int) -> Bool { kind(i, .punct) && Self.dashes.contains(tokens[i].text) }

    /// A month name or abbreviation (with its full stop): `(month, tokens used)`.
    func month(_ i: Int) -> (Int, Int)? {
        let e = e(i)
        guard e.month > 0, !e.monthCapitalizedOnly || tokens[i].isCapitalized else { return nil }
        let m = Int(e.month)
        if word(i + 1, "."), touching(i), !e.fullMonthName { return (m, 2) }
        return (m, 1)
    }

    /// A day of the month, 1–31, with an ordinal suffix if any (`17`, `17th`).
    func day(_ i: Int) -> (Int, Int)? {
        guard let (d, digits) = number(i), digits <= 2, (1...31).contains(d) else { return nil }
        if touching(i), ordinalSuffix(i + 1) { return (d, 2) }
        return (d, 1)
    }

    /// A month number 1–12 written with digits.
    func monthNumber(_ i: Int) -> Int? {
        guard let (m, digits) = number(i), digits <= 2, (1...12).contains(m) else { return nil }
        return m
    }

    /// A four-digit year, 1000–2199, that is not part of a larger number, an amount
    /// or a quantity (`1,000`, `$2000`, `2000 tons`). Includes a following year
    /// marker (`2017 г.`): `(year, tokens used)`.
    func year(_ i: Int) -> (Int, Int)? {
        // A year said in words, as transcripts write it: "nineteen ninety-six", "twenty twenty".
        if e(i).number == 19 || e(i).number == 20, let (lo, ll) = count(i + 1), lo >= 10, lo <= 99,
            t(i + 1)?.kind == .word
        {
            return (Int(e(i).number) * 100 + lo, 1 + ll)
        }
        guard let (y, digits) = number(i), digits == 4, (1000...2199).contains(y) else { return nil }
        // Part of a number: "1,2000", "3.2000", "2000.5", "2000,5".
        if commaOrPoint(i - 1), touching(i - 1), kind(i - 2, .number), touching(i - 2) { return nil }
        if commaOrPoint(i + 1), touching(i), kind(i + 2, .number), touching(i + 1) { return nil }
        if kind(i - 1, .punct), Self.currency.contains(tokens[i - 1].text) { return nil }
        // A document's or a law's number: "Resolution No. 1794", "Nos 2015"; not "no 2025 fair".
        if i >= 1, tokens[i - 1].isCapitalized, isNumberSign(i - 1) { return nil }
        if i >= 2, tokens[i - 1].text == ".", tokens[i - 2].isCapitalized, isNumberSign(i - 2) {
            return nil
        }
        if i + 1 < tokens.count {
            if tokens[i + 1].text == "%" { return nil }
            if e(i + 1).quantityUnit { return nil }
        }
        if e(i + 1).yearMarker {
            return word(i + 2, ".") && touching(i + 1) ? (y, 3) : (y, 2)
        }
        return (y, 1)
    }

    /// A word of `numberSigns` at `i` (compared, not hashed: the test runs at every four-digit number).
    @inline(__always)
    private func isNumberSign(_ i: Int) -> Bool {
        for w in Self.numberSigns where word(i, w) { return true }
        return false
    }

    /// A weekday name, or an abbreviation with its full stop (`Fri.`; a bare `Sun` is too often a name).
    func weekday(_ i: Int) -> (Int, Int)? {
        let e = e(i)
        guard e.weekday > 0 else { return nil }
        guard e.weekdayCapitalizedOnly else { return (Int(e.weekday), 1) }
        return tokens[i].isCapitalized && word(i + 1, ".") && touching(i) ? (Int(e.weekday), 2) : nil
    }

    /// A count written as digits or a number word (`5`, `five`, `twenty-five`); `a few` and
    /// `a couple of` count as unknown (0) and 2.
    func count(_ i: Int) -> (Int, Int)? {
        guard i >= 0, i < tokens.count else { return nil }
        if word(i, "a"), e(i + 1).countAfterA {
            let v = Int(e(i + 1).number)
            return word(i + 2, "of") ? (v, 3) : (v, 2)
        }
        if let (n, digits) = number(i), digits <= 4 { return (n, 1) }
        guard e(i).number >= 0 else { return nil }
        let n = Int(e(i).number)
        let m = Int(e(i + 2).number)
        if n >= 20, n < 100, isDash(i + 1), m < 10, m > 0 {
            return (n + m, 3)
        }
        return (n, 1)
    }

    /// An ordinal: `first`, `1st`, `3rd`.
    func ordinal(_ i: Int) -> (Int, Int)? {
        guard i >= 0, i < tokens.count else { return nil }
        if e(i).ordinal > 0 { return (Int(e(i).ordinal), 1) }
        if let (n, _) = number(i), touching(i), ordinalSuffix(i + 1) { return (n, 2) }
        return nil
    }

    /// last/this/next: `(offset, tokens used)`; `this past` counts as this.
    func relative(_ i: Int) -> (Int, Int)? {
        guard let r = e(i).relative.map(Int.init) else { return nil }
        if r == 0, word(i + 1, "past") { return (0, 2) }
        return (r, 1)
    }

    func unit(_ i: Int) -> String? { e(i).unit }
    func season(_ i: Int) -> TimexValue.Season? { e(i).season }
    func shift(_ i: Int) -> (sign: Int, fromPrevious: Bool)? { e(i).shift }

    /// A day named without a date: a weekday, with last/this/next or alone, or `yesterday`, `today`,
    /// `tomorrow`: `(reference, tokens used)`.
    func dayName(_ i: Int) -> (TemporalReference, Int)? {
        if let (r, rl) = relative(i), let (w, wl) = weekday(i + rl) {
            return (.weekday(w, offset: r), rl + wl)
        }
        if let (w, wl) = weekday(i) { return (.weekday(w, offset: nil), wl) }
        // A word that is no one-word `deictic.tsv` key is passed without hashing.
        if i >= 0, i < tokens.count, tokens[i].kind != .word || e(i).deicticWord,
            let v = lexicon.deictic[tokens[i].lower], let (n, time) = DateLexicon.dayOffset(v), time == nil
        {
            return (.unitOffset(.day, n), 1)
        }
        return nil
    }

    /// A clock time: `10:35 a.m.`, `10 p.m`, `5 pm`, `noon`, `14:30 GMT`: `("T10:35", tokens used)`.
    func clock(_ i: Int) -> (String, Int)? {
        func text(_ h: Int, _ m: Int) -> String { "T\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)" }
        guard let tok = t(i) else { return nil }
        if tok.kind == .word, e(i).clockWord, let v = lexicon.clockWords[tok.lower],
            let (h, m) = DateLexicon.clock(v)
        {
            return (text(h, m), 1)
        }
        guard tok.kind == .number, tok.digitCount <= 2, let h = tok.number, h <= 24 else { return nil }
        var k = i + 1
        var minute = 0
        var hasMinutes = false
        if word(k, ":"), touching(i), touching(k), let mt = t(k + 1), mt.kind == .number, mt.digitCount == 2,
            let mm = mt.number, mm < 60
        {
            minute = mm
            hasMinutes = true
            k += 2
        }
        // a.m. / p.m / am / pm
        var pm: Bool?
        if let a = t(k), a.kind == .word {
            if a.lower == "am" || a.lower == "pm" {
                pm = a.lower == "pm"
                k += 1
            } else if a.lower == "a" || a.lower == "p", word(k + 1, "."), touching(k), word(k + 2, "m"),
                touching(k + 1)
            {
                pm = a.lower == "p"
                k += 3
                if word(k, "."), touching(k - 1) { k += 1 }
            }
        }
        if let pm {
            guard h >= 1, h <= 12 else { return nil }
            return (text(h % 12 + (pm ? 12 : 0), minute), k - i)
        }
        // A 24-hour time needs minutes and a time zone: "14:30 GMT".
        guard hasMinutes, e(k).timeZone else { return nil }
        return (text(h, minute), k - i)
    }
}
