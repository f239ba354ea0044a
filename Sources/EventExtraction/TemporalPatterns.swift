import TimelineCore

/// What one pattern matched at a token.
struct PatternMatch: Sendable {
    var length: Int
    var reference: TemporalReference
    var isDaySpan = false
    /// The other end of a span of years or dates, `offset` tokens after the start.
    var rangeEnd: RangeEnd?

    struct RangeEnd: Sendable {
        var offset: Int
        var length: Int
        var reference: TemporalReference
    }
}

/// A rule of the temporal tagger written in Swift, for what the pattern language of the data files
/// does not say (`Resources/<lang>/patterns.txt` names it as `code:FUNCTION`; see `named`).
/// Its examples are in the data file with it.
struct TemporalPattern: Sendable {
    let name: String
    /// The kinds of token the pattern can start at: the tagger tries it only there.
    let starts: Starts
    let match: @Sendable (PatternContext, Int) -> PatternMatch?

    /// Kinds of token, from the lexicon's tables (`WordEntry.starts`) and the token's kind.
    struct Starts: OptionSet, Sendable {
        let rawValue: UInt32
        static let number = Starts(rawValue: 1 << 0)
        static let the = Starts(rawValue: 1 << 1)
        /// A number word, `a`, `an`, `several` (numbers.tsv).
        static let count = Starts(rawValue: 1 << 2)
        static let month = Starts(rawValue: 1 << 3)
        static let weekday = Starts(rawValue: 1 << 4)
        static let relative = Starts(rawValue: 1 << 5)
        static let season = Starts(rawValue: 1 << 6)
        static let ordinal = Starts(rawValue: 1 << 7)
        static let unit = Starts(rawValue: 1 << 8)
        /// deictic.tsv words and phrases' first words, clock-words.tsv.
        static let deictic = Starts(rawValue: 1 << 9)
        /// sets.tsv, `every`, `each`.
        static let frequency = Starts(rawValue: 1 << 10)
        static let fiscal = Starts(rawValue: 1 << 11)
        /// `TemporalPattern.durationWords`.
        static let durationWord = Starts(rawValue: 1 << 12)
        /// `Q` and `H` of `Q1 2023`, `H2`.
        static let letterQH = Starts(rawValue: 1 << 13)
        /// shifts.tsv (`ago`), day-parts.tsv (`morning`): only pattern files start with these.
        static let shift = Starts(rawValue: 1 << 14)
        static let dayPart = Starts(rawValue: 1 << 15)
        /// `that` of `that October`, `that year`.
        static let that = Starts(rawValue: 1 << 16)
    }
}

extension TemporalPattern {
    typealias R = TemporalReference

    /// The Swift rules by the name a pattern file calls them (`code:numericDate`).
    static let named: [String: TemporalPattern] = [
        "numericDate": numericDate, "quarterOrHalf": quarterOrHalf, "yearRange": yearRange,
        "relativeUnit": relativeUnit, "deictic": deictic, "same": same, "duration": duration,
        "clockTime": clockTime, "dayOfMonth": dayOfMonth, "endOfUnit": endOfUnit,
        "adjacentUnit": adjacentUnit, "thatAnaphor": thatAnaphor,
    ]

    static let numericDate = TemporalPattern(
        name: "numeric-date",
        starts: [.number]
    ) { c, i in
        guard let a = c.t(i), a.kind == .number, a.digitCount <= 2, let x = a.number, c.touching(i),
            let sep = c.t(i + 1), [".", "/"].contains(sep.text), c.touching(i + 1),
            let b = c.t(i + 2), b.kind == .number, b.digitCount <= 2, let z = b.number, c.touching(i + 2),
            c.t(i + 3)?.text == sep.text, c.touching(i + 3), let yt = c.t(i + 4), yt.kind == .number,
            yt.digitCount == 4,
            let y = yt.number, !c.touching(i + 4) || c.t(i + 5)?.kind == .punct
        else { return nil }
        let yl = 1
        // Day first (15.03.2017), except a slash date that only reads month first (03/15/2017).
        let (d, m) = sep.text == "/" && z > 12 ? (z, x) : (x, z)
        guard let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return PatternMatch(length: 4 + yl, reference: .calendar(.day(date)))
    }

    static let quarterOrHalf = TemporalPattern(
        name: "quarter-or-half",
        starts: [.letterQH, .the, .fiscal, .ordinal, .number]
    ) { c, i in
        var k = i
        var q: Int?
        var half = false
        if let tok = c.t(i), tok.text == "Q" || tok.text == "H", c.touching(i), let n = c.t(i + 1)?.number,
            c.t(i + 1)?.digitCount == 1
        {
            q = n
            half = tok.text == "H"
            k += 2
        } else {
            if c.word(k, "the") { k += 1 }
            // "the fiscal first quarter", "the fiscal-first quarter"
            if c.word(k, "fiscal") {
                k += 1
                if c.isDash(k) { k += 1 }
            }
            guard let (n, nl) = c.ordinal(k) else { return nil }
            k += nl
            if c.isDash(k) {
                // "the third-quarter loss": the article belongs to the noun the adjective qualifies.
                if c.word(i, "the") { return nil }
                k += 1
            }
            if c.word(k, "quarter") {
                q = n
            } else if c.word(k, "half") {
                q = n
                half = true
            } else {
                return nil
            }
            k += 1
        }
        guard let n = q, n >= 1, n <= (half ? 2 : 4) else { return nil }
        let bare = k
        if c.word(k, "of") || c.word(k, ",") { k += 1 }
        // "the second half of August": a part of a month, which the month alone gives.
        if half, c.word(k - 1, "of"), c.month(k) != nil { return nil }
        if let (r, rl) = c.relative(k), c.unit(k + rl) == "Y" {
            return PatternMatch(
                length: k + rl + 1 - i,
                reference: .partOfYear(half ? .half(n) : .quarter(n), yearOffset: r)
            )
        }
        guard let (y, yl) = c.year(k) else {
            // No year: the one the document date is in or last passed ("third-quarter profit").
            return PatternMatch(length: bare - i, reference: .part(half ? .half(n) : .quarter(n)))
        }
        let length = k + yl - i
        let kind: TimexValue.Kind = half ? .half(year: y, half: n) : .quarter(year: y, quarter: n)
        return PatternMatch(length: length, reference: .calendar(TimexValue(kind)))
    }

    static let yearRange = TemporalPattern(
        name: "year-range",
        starts: [.number]
    ) { c, i in
        guard let (y1, l1) = c.year(i) else { return nil }
        var k = i + l1
        if c.isDash(k) || c.word(k, "/") {
            k += 1
            if let (y2, l2) = c.year(k), y2 > y1 {
                return PatternMatch(
                    length: 1,
                    reference: .calendar(TimexValue(.year(y1))),
                    rangeEnd: .init(offset: k - i, length: l2, reference: .calendar(TimexValue(.year(y2))))
                )
            }
            // "2016-20": the second year by its last two digits.
            if let t2 = c.t(k), t2.kind == .number, t2.digitCount == 2, let n = t2.number, c.touching(k - 1) {
                let y2 = y1 / 100 * 100 + n
                guard y2 > y1 else { return nil }
                return PatternMatch(
                    length: 1,
                    reference: .calendar(TimexValue(.year(y1))),
                    rangeEnd: .init(offset: k - i, length: 1, reference: .calendar(TimexValue(.year(y2))))
                )
            }
            return nil
        }
        let opener = c.t(i - 1)?.lower
        if (opener == "from" && (c.word(k, "to") || c.word(k, "until") || c.word(k, "through")))
            || (opener == "between" && c.word(k, "and"))
        {
            k += 1
            guard let (y2, l2) = c.year(k), y2 > y1 else { return nil }
            return PatternMatch(
                length: 1,
                reference: .calendar(TimexValue(.year(y1))),
                rangeEnd: .init(offset: k - i, length: l2, reference: .calendar(TimexValue(.year(y2))))
            )
        }
        return nil
    }

    static let relativeUnit = TemporalPattern(
        name: "relative-unit",
        starts: [.the, .relative]
    ) { c, i in
        // "the past week" is a duration; "last week", "the latest quarter" dates.
        let the = c.word(i, "the") ? 1 : 0
        if the == 0, c.word(i - 1, "the") { return nil }
        // "the quarter" of a report is the one it reports on: the last one ended.
        if the == 1, c.unit(i + 1) == "Q", c.word(i + 1, "quarter"), !c.word(i + 2, "of"), !c.isDash(i + 2) {
            return PatternMatch(length: 2, reference: .unitOffset(.quarter, -1))
        }
        guard let (r, rl) = c.relative(i + the) else { return nil }
        if the == 1, Self.durationOpeners.contains(c.t(i + the)!.lower) { return nil }
        let fiscal = c.word(i + the + rl, "fiscal") ? 1 : 0
        let at = i + the + rl + fiscal
        guard let u = c.unit(at), fiscal == 0 || u == "Y" else { return nil }
        let unit: R.Unit
        switch u {
        case "W": unit = .week
        case "M": unit = .month
        case "Y": unit = .year
        case "Q": unit = .quarter
        default: return nil
        }
        guard let word = c.t(at), !word.lower.hasSuffix("s") else { return nil }
        return PatternMatch(length: at + 1 - i, reference: .unitOffset(unit, r))
    }

    /// A duration unit as a calendar unit: `DE` is ten years.
    static func calendarUnit(_ u: String) -> (R.Unit, Int)? {
        switch u {
        case "D": return (.day, 1)
        case "W": return (.week, 1)
        case "M": return (.month, 1)
        case "Q": return (.quarter, 1)
        case "Y": return (.year, 1)
        case "DE": return (.year, 10)
        default: return nil
        }
    }

    /// Words after "the" that make "the past two years", "the next week" a duration.
    static let durationOpeners: Set<String> = ["past", "last", "next", "coming", "following"]

    static let deictic = TemporalPattern(
        name: "deictic",
        starts: [.deictic]
    ) { c, i in
        guard let tok = c.t(i), tok.kind == .word else { return nil }
        func reference(_ v: String) -> TemporalReference {
            guard let (n, time) = DateLexicon.dayOffset(v) else { return .reference(v) }
            return time.map { .timeOfDay(.unitOffset(.day, n), $0) } ?? .unitOffset(.day, n)
        }
        // The phrases and words by the token's entry: most words here are none (`the`, `a`).
        let entry = c.e(i)
        let phrases = entry.deicticPhraseList == 0 ? [] : c.words.deicticPhrases[Int(entry.deicticPhraseList) - 1]
        for (words, v) in phrases where words.indices.allSatisfy({ c.word(i + $0, words[$0]) }) {
            // "in the past," names a time; "the past two years", "the future president" do not.
            if words[0] == "the", let next = c.t(i + words.count), next.kind != .punct,
                !c.e(i + words.count).afterReference
            {
                continue
            }
            return PatternMatch(length: words.count, reference: reference(v))
        }
        guard entry.deicticWord, let v = c.lexicon.deictic[tok.lower] else { return nil }
        return PatternMatch(length: 1, reference: reference(v))
    }

    static let same = TemporalPattern(
        name: "same",
        starts: [.the]
    ) { c, i in
        guard c.word(i, "the"), c.word(i + 1, "same"), let u = c.t(i + 2)?.lower else { return nil }
        if ["date", "day"].contains(u) {
            // "in 2017", "of 2017"
            if c.word(i + 3, in: ["in", "of"]), let (y, yl) = c.year(i + 4) {
                return PatternMatch(length: 4 + yl, reference: .sameDayIn(.year(y)))
            }
            // "last year", "this year"
            if let (r, rl) = c.relative(i + 3), c.unit(i + 3 + rl) == "Y" {
                return PatternMatch(length: 4 + rl, reference: .sameDayIn(.fromDocument(r)))
            }
            // "a year earlier", "two years later"
            if let (n, nl) = c.count(i + 3), n > 0, c.unit(i + 3 + nl) == "Y",
                let w = c.t(i + 4 + nl)?.lower, let sign = Self.yearShift[w]
            {
                return PatternMatch(length: 5 + nl, reference: .sameDayIn(.fromPrevious(sign * n)))
            }
        }
        switch c.unit(i + 2) {
        case "Y": return PatternMatch(length: 3, reference: .sameAsPrevious(.year))
        case "M": return PatternMatch(length: 3, reference: .sameAsPrevious(.month))
        case "D": return PatternMatch(length: 3, reference: .sameAsPrevious(.day))
        default:
            return u == "date" ? PatternMatch(length: 3, reference: .sameAsPrevious(.day)) : nil
        }
    }

    /// Words after "a year" in "the same day a year earlier": which way the year moves.
    static let yearShift: [String: Int] = ["earlier": -1, "before": -1, "later": 1, "after": 1]

    static let dayOfMonth = TemporalPattern(
        name: "day-of-month",
        starts: [.the]
    ) { c, i in
        // Only after a preposition and before a break: "the 15th China-Northeast Asia Expo" and
        // "the 18th century" are ordinals, not days.
        guard c.word(i, "the"), c.word(i - 1, in: Self.dayPrepositions), let (d, dl) = c.day(i + 1), dl == 2
        else { return nil }
        let k = i + 1 + dl
        if c.word(k, "of"), let (r, rl) = c.relative(k + 1), c.unit(k + 1 + rl) == "M" {
            return PatternMatch(length: k + 2 + rl - i, reference: .dayOfMonth(d, monthOffset: r))
        }
        guard c.t(k).map({ $0.kind == .punct || c.e(k).afterReference }) ?? true else { return nil }
        return PatternMatch(length: 1 + dl, reference: .dayOfMonth(d, monthOffset: nil))
    }

    static let adjacentUnit = TemporalPattern(
        name: "adjacent-unit",
        starts: [.the]
    ) { c, i in
        guard c.word(i, "the") else { return nil }
        // "the previous week", "the following year", "the next day" (not "the next year": a duration)
        if let w = c.t(i + 1)?.lower, let sign = Self.adjacentWords[w], let u = c.unit(i + 2),
            let (unit, scale) = Self.calendarUnit(u), scale == 1, w != "next" || unit == .day,
            c.t(i + 2).map({ !$0.lower.hasSuffix("s") }) ?? false
        {
            return PatternMatch(length: 3, reference: .adjacent(unit, sign))
        }
        // "the day before," "the week after.": only at a break, not "the day before the summit".
        guard let u = c.unit(i + 1), let (unit, scale) = Self.calendarUnit(u), scale == 1,
            c.t(i + 1).map({ !$0.lower.hasSuffix("s") }) ?? false, let w = c.t(i + 2)?.lower,
            let sign = Self.adjacentWords[w], c.t(i + 3).map({ $0.kind == .punct || c.e(i + 3).afterReference }) ?? true
        else { return nil }
        return PatternMatch(length: 3, reference: .adjacent(unit, sign))
    }

    /// `the previous day`, `the day after`: which way from the date mentioned before.
    static let adjacentWords: [String: Int] = [
        "previous": -1, "preceding": -1, "before": -1, "earlier": -1,
        "following": 1, "next": 1, "after": 1, "later": 1,
    ]

    static let thatAnaphor = TemporalPattern(
        name: "that-anaphor",
        starts: [.that]
    ) { c, i in
        guard c.word(i, "that") else { return nil }
        if let (m, ml) = c.month(i + 1), c.t(i + 1)?.isCapitalized ?? false {
            return PatternMatch(length: 1 + ml, reference: .monthOfPrevious(m))
        }
        // "that year," but not "that year's harvest" or "that month of talks".
        guard let u = c.unit(i + 1), ["Y", "M", "D"].contains(u), c.t(i + 1).map({ !$0.lower.hasSuffix("s") }) ?? false,
            c.t(i + 2).map({ $0.kind == .punct && $0.text != "'" || c.e(i + 2).afterReference }) ?? true
        else { return nil }
        let unit: R.Unit = u == "Y" ? .year : u == "M" ? .month : .day
        return PatternMatch(length: 2, reference: .sameAsPrevious(unit))
    }

    static let dayPrepositions: Set<String> = [
        "on", "by", "around", "from", "until", "till", "since", "before", "after", "of", "about",
    ]

    static let endOfUnit = TemporalPattern(
        name: "end-of-unit",
        starts: [.the, .unit]
    ) { c, i in
        // "year-end", "month-end": the end of the current one.
        if let u = c.unit(i), let (unit, scale) = Self.calendarUnit(u), scale == 1, [.year, .month].contains(unit),
            c.word(i + 1 + (c.isDash(i + 1) ? 1 : 0), "end"), !c.isDash(i + 2 + (c.isDash(i + 1) ? 1 : 0))
        {
            return PatternMatch(length: c.isDash(i + 1) ? 3 : 2, reference: .unitOffset(unit, 0))
        }
        // "the end of the year": "the year" is the current one only after such a modifier.
        guard c.word(i, "the"), let u = c.unit(i + 1), c.t(i + 1).map({ !$0.lower.hasSuffix("s") }) ?? false,
            let (unit, scale) = Self.calendarUnit(u), unit != .day, scale == 1,
            c.word(i - 1, "of"), c.word(i - 2, in: ["end", "beginning", "start", "middle"])
        else { return nil }
        return PatternMatch(length: 2, reference: .unitOffset(unit, 0))
    }

    static let duration = TemporalPattern(
        name: "duration",
        starts: [.the, .count, .number, .durationWord]
    ) { c, i in
        var k = i
        // `durationWords` by the entries' mark (`.durationWord`), not hashed at each try.
        if c.word(k, "the"), c.kind(k + 1, .word), c.e(k + 1).starts.contains(.durationWord) {
            k += 2
        } else if c.word(k, "the"), c.count(k + 1) != nil {
            k += 1  // "the nine months"
        } else if c.kind(k, .word), c.e(k).starts.contains(.durationWord),
            c.count(k + 1) != nil || c.word(k, "recent") || c.word(k, "coming")
        {
            k += 1  // "past 20 years", "recent months"
        }
        var n = 1
        if let (v, vl) = c.count(k) {
            n = v
            k += vl
            if c.isDash(k) {
                // "the two-week strike": the article belongs to the noun the adjective qualifies.
                if k - vl == i + 1, c.word(i, "the") { return nil }
                k += 1
            }
        } else if k == i {
            return nil
        } else if let w = c.t(k), w.lower.hasSuffix("s") {
            n = 0  // "recent years", "the coming months": an unknown amount
        }
        guard let u = c.unit(k) else { return nil }
        // "three-quarters of its food", "a quarter of the market" are fractions.
        if u == "Q", c.word(k + 1, "of"), c.word(k + 2, in: Self.fractionFollowers) {
            return nil
        }
        // "a year ago" is a date; "2024 year" is not a duration.
        if c.shift(k + 1) != nil { return nil }
        if let t = c.t(k - 1), t.kind == .number, t.digitCount == 4 { return nil }
        // An age ("a 6-year-old", "52 years old") is not a duration.
        if c.word(k + 1, "old") || (c.isDash(k + 1) && c.word(k + 2, "old")) { return nil }
        let amount = n == 0 ? "X" : String(n)
        let value: String
        switch u {
        case "DE": value = n == 0 ? "PXDE" : "P\(n * 10)Y"
        case "CE": value = n == 0 ? "PXCE" : "P\(n * 100)Y"
        case "Q": value = n == 0 ? "PXQ" : "P\(n * 3)M"
        case "HY": value = n == 0 ? "PXM" : "P\(n * 6)M"
        case "H": value = "PT\(amount)H"
        case "MIN": value = "PT\(amount)M"
        default: value = "P\(amount)\(u)"
        }
        return PatternMatch(length: k + 1 - i, reference: .duration(value))
    }

    /// Words after "quarters of" that make it a fraction of something: "a quarter of the market".
    static let fractionFollowers: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "our", "all", "this", "that", "these", "those", "them",
        "it", "us",
    ]

    /// Words that open a duration: "the past two years", "the first nine months", "recent weeks".
    static let durationWords: Set<String> = [
        "past", "last", "next", "coming", "first", "following", "recent", "previous",
    ]

    static let clockTime = TemporalPattern(
        name: "clock-time",
        starts: [.number, .deictic]
    ) { c, i in
        guard let (time, tl) = c.clock(i) else { return nil }
        var k = i + tl
        if c.e(k).timeZone { k += 1 }
        // The day after the time: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6".
        let comma = c.word(k, ",") ? 1 : 0
        if let (day, dl) = c.dayName(k + comma) {
            return PatternMatch(length: k + comma + dl - i, reference: .timeOfDay(day, time))
        }
        // The rules of those names in the pattern files, whichever they are.
        for name in ["month-day-year", "month-day"] {
            if let m = c.lexicon.patterns.longest(named: name, c, at: k + comma), m.rangeEnd == nil, !m.isDaySpan {
                return PatternMatch(length: k + comma + m.length - i, reference: .timeOfDay(m.reference, time))
            }
        }
        return PatternMatch(length: k - i, reference: .timeOfDay(.unitOffset(.day, 0), time))
    }
}
