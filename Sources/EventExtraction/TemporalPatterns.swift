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

/// One rule of the temporal tagger.
///
/// The patterns are Swift code for now (a later issue moves them to data files),
/// all in this file. Each carries examples, `(input, expression, value)` with the
/// document date 2024-05-26 (a Sunday); the tests run every one.
struct TemporalPattern: Sendable {
    let name: String
    let examples: [(input: String, text: String, value: String)]
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
        /// `that` of `that October`, `that year`.
        static let that = Starts(rawValue: 1 << 14)
    }
}

extension TemporalPattern {
    typealias R = TemporalReference

    /// Every pattern, tried at each token; the longest match wins, ties go to the earlier pattern.
    static let all: [TemporalPattern] = [
        isoDate, numericDate, ideographDate, dayMonthYear, monthDayYear, dayMonth, monthDay, monthYear,
        monthRelativeYear, relativeMonth, monthAlone, seasonYear, seasonRelative, seasonAlone, quarterOrHalf, decade,
        century, yearRange, year, relativeUnit, ago, unitAgo, deictic, same, weekday, dayOfMonth, endOfUnit,
        adjacentUnit, thatAnaphor, duration, frequency, clockTime, dayPart,
    ]

    /// Words that start an expression besides the lexicon's: the tagger tries the patterns only at
    /// these, lexicon words and numbers.
    static let startWords: Set<String> = ["fiscal", "recent", "year", "month", "week", "quarter"]

    static let isoDate = TemporalPattern(
        name: "iso-date",
        examples: [("on 2017-03-15 it", "2017-03-15", "2017-03-15"), ("dated 2019/08/02", "2019/08/02", "2019-08-02")],
        starts: [.number]
    ) { c, i in
        guard let (y, yl) = c.year(i), yl == 1, c.touching(i), let sep = c.t(i + 1), ["-", "/"].contains(sep.text),
            c.touching(i + 1),
            let m = c.monthNumber(i + 2), c.touching(i + 2), c.t(i + 3)?.text == sep.text, c.touching(i + 3),
            let (d, dl) = c.day(i + 4), dl == 1, let date = CivilDate(year: y, month: m, day: d)
        else { return nil }
        return PatternMatch(length: 5, reference: .calendar(.day(date)))
    }

    static let numericDate = TemporalPattern(
        name: "numeric-date",
        examples: [
            ("Filed 14.02.2023.", "14.02.2023", "2023-02-14"), ("on 15.03.2017 the", "15.03.2017", "2017-03-15"),
            ("on 03/15/2017 the", "03/15/2017", "2017-03-15"),
        ],
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

    static let ideographDate = TemporalPattern(
        name: "ideograph-date",
        examples: [
            ("于2017年3月15日", "2017年3月15日", "2017-03-15"), ("2025年1月", "2025年1月", "2025-01"),
            ("2024年", "2024年", "2024"), ("3月15日", "3月15日", "2024-03-15"),
        ],
        starts: [.number]
    ) { c, i in
        func unit(_ k: Int) -> String? { c.t(k).flatMap { c.lexicon.ideographUnits[$0.text] } }
        guard let n = c.t(i), n.kind == .number, let v = n.number else { return nil }
        if n.digitCount == 4, unit(i + 1) == "year" {
            if let m = c.monthNumber(i + 2), unit(i + 3) == "month" {
                if let (d, dl) = c.day(i + 4), dl == 1, unit(i + 5) == "day",
                    let date = CivilDate(year: v, month: m, day: d)
                {
                    return PatternMatch(length: 6, reference: .calendar(.day(date)))
                }
                return PatternMatch(length: 4, reference: .calendar(TimexValue(.month(year: v, month: m))))
            }
            return PatternMatch(length: 2, reference: .calendar(TimexValue(.year(v))))
        }
        if let m = c.monthNumber(i), unit(i + 1) == "month", let (d, dl) = c.day(i + 2), dl == 1, unit(i + 3) == "day" {
            return PatternMatch(length: 4, reference: .monthDay(month: m, day: d))
        }
        return nil
    }

    static let dayMonthYear = TemporalPattern(
        name: "day-month-year",
        examples: [
            ("On 21 October 2016, crews", "21 October 2016", "2016-10-21"),
            ("the 2nd of August, 2019", "2nd of August, 2019", "2019-08-02"),
            ("от 15 марта 2017 г. №", "15 марта 2017 г.", "2017-03-15"),
        ],
        starts: [.number]
    ) { c, i in
        guard let (d, dl) = c.day(i) else { return nil }
        var k = i + dl
        if c.word(k, "of") { k += 1 }
        guard let (m, ml) = c.month(k) else { return nil }
        k += ml
        if c.word(k, ",") { k += 1 }
        guard let (y, yl) = c.year(k), let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return PatternMatch(length: k + yl - i, reference: .calendar(.day(date)))
    }

    static let monthDayYear = TemporalPattern(
        name: "month-day-year",
        examples: [
            ("due June 4, 2022 at", "June 4, 2022", "2022-06-04"),
            ("from Oct. 6, 2023, in", "Oct. 6, 2023", "2023-10-06"),
            ("on March 15th 2017", "March 15th 2017", "2017-03-15"),
        ],
        starts: [.month]
    ) { c, i in
        guard let (m, ml) = c.month(i), let (d, dl) = c.day(i + ml) else { return nil }
        var k = i + ml + dl
        if c.word(k, ",") { k += 1 }
        guard let (y, yl) = c.year(k), let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return PatternMatch(length: k + yl - i, reference: .calendar(.day(date)))
    }

    static let dayMonth = TemporalPattern(
        name: "day-month",
        examples: [
            ("By 9 March, the crews", "9 March", "2024-03-09"), ("on 23-25 October", "23-25 October", "2024-10-23"),
            ("a visit from 12 to 15 March", "12 to 15 March", "2024-03-12"),
        ],
        starts: [.number]
    ) { c, i in
        guard let (d, dl) = c.day(i) else { return nil }
        var k = i + dl
        var span = false
        if c.isDash(k), c.day(k + 1) != nil {
            k += 1 + c.day(k + 1)!.1
            span = true
        } else if c.word(i - 1, in: ["from", "between"]), c.word(k, in: ["to", "and"]), let (_, l2) = c.day(k + 1) {
            k += 1 + l2  // "from 12 to 15 March"
            span = true
        }
        if c.word(k, "of") { k += 1 }
        guard let (m, ml) = c.month(k), CivilDate(year: 2024, month: m, day: d) != nil else { return nil }
        return PatternMatch(length: k + ml - i, reference: .monthDay(month: m, day: d), isDaySpan: span)
    }

    static let monthDay = TemporalPattern(
        name: "month-day",
        examples: [
            ("on February 11, officials", "February 11", "2024-02-11"), ("At a May 8 briefing", "May 8", "2024-05-08"),
            ("from October 23-25 the", "October 23-25", "2024-10-23"), ("on Nov. 3 the", "Nov. 3", "2024-11-03"),
            ("held Dec. 27-30 last year", "Dec. 27-30 last year", "2023-12-27"),
        ],
        starts: [.month]
    ) { c, i in
        guard let (m, ml) = c.month(i), let (d, dl) = c.day(i + ml), CivilDate(year: 2024, month: m, day: d) != nil
        else {
            return nil
        }
        // "April 2, 3 and 4" reads fine; "April 17:00" does not.
        if c.word(i + ml + dl, ":") { return nil }
        var length = ml + dl
        var span = false
        if c.isDash(i + length), let (_, l2) = c.day(i + length + 1) {
            length += 1 + l2
            span = true
        }
        // "Dec. 27-30 last year", "April 30 this year"
        if let (r, rl) = c.relative(i + length), c.unit(i + length + rl) == "Y" {
            return PatternMatch(
                length: length + rl + 1,
                reference: .partOfYear(.day(month: m, day: d), yearOffset: r),
                isDaySpan: span
            )
        }
        return PatternMatch(length: length, reference: .monthDay(month: m, day: d), isDaySpan: span)
    }

    static let monthYear = TemporalPattern(
        name: "month-year",
        examples: [
            ("In April 2020, the", "April 2020", "2020-04"), ("in February of 2025", "February of 2025", "2025-02"),
            ("в марте 2017", "2017", "2017"),
        ],
        starts: [.month]
    ) { c, i in
        guard let (m, ml) = c.month(i) else { return nil }
        var k = i + ml
        if c.word(k, ",") || c.word(k, "of") { k += 1 }
        guard let (y, yl) = c.year(k) else { return nil }
        return PatternMatch(length: k + yl - i, reference: .calendar(TimexValue(.month(year: y, month: m))))
    }

    static let monthRelativeYear = TemporalPattern(
        name: "month-relative-year",
        examples: [
            ("in June last year", "June last year", "2023-06"), ("January this year", "January this year", "2024-01"),
        ],
        starts: [.month]
    ) { c, i in
        guard let (m, ml) = c.month(i), let (r, rl) = c.relative(i + ml), c.unit(i + ml + rl) == "Y" else { return nil }
        return PatternMatch(length: ml + rl + 1, reference: .partOfYear(.month(m), yearOffset: r))
    }

    static let relativeMonth = TemporalPattern(
        name: "relative-month",
        examples: [("promoting it last July.", "last July", "2023-07"), ("next March", "next March", "2025-03")],
        starts: [.relative]
    ) { c, i in
        guard let (r, rl) = c.relative(i), let (m, ml) = c.month(i + rl) else { return nil }
        return PatternMatch(length: rl + ml, reference: .monthOffset(month: m, offset: r))
    }

    static let monthAlone = TemporalPattern(
        name: "month",
        examples: [
            ("covered this in January, focusing", "January", "2024-01"), ("in mid-April", "mid-April", "2024-04"),
        ],
        starts: [.month]
    ) { c, i in
        guard let (m, ml) = c.month(i), let tok = c.t(i), tok.isCapitalized else { return nil }
        // A bare abbreviation without its full stop ("Jan", "Dec") is too often a name.
        if ml == 1, tok.text.count <= 4, !["May", "June", "July"].contains(tok.text) { return nil }
        return PatternMatch(length: ml, reference: .month(m))
    }

    static let seasonYear = TemporalPattern(
        name: "season-year",
        examples: [
            ("During the summer of 2022, barges", "the summer of 2022", "2022-SU"),
            ("in spring 2015", "spring 2015", "2015-SP"),
            ("the winter of this year", "the winter of this year", "2024-WI"),
        ],
        starts: [.the, .season]
    ) { c, i in
        var k = i
        if c.word(k, "the") { k += 1 }
        guard let s = c.season(k) else { return nil }
        k += 1
        if c.word(k, "of") { k += 1 }
        if let (y, yl) = c.year(k) {
            return PatternMatch(length: k + yl - i, reference: .calendar(TimexValue(.season(year: y, s))))
        }
        if let (r, rl) = c.relative(k), c.unit(k + rl) == "Y" {
            return PatternMatch(length: k + rl + 1 - i, reference: .partOfYear(.season(s), yearOffset: r))
        }
        return nil
    }

    static let seasonRelative = TemporalPattern(
        name: "season-relative",
        examples: [("resumed last summer.", "last summer", "2023-SU"), ("this spring", "this spring", "2024-SP")],
        starts: [.relative]
    ) { c, i in
        guard let (r, rl) = c.relative(i), let s = c.season(i + rl) else {
            return nil
        }
        return PatternMatch(length: rl + 1, reference: .seasonOffset(s, offset: r))
    }

    static let seasonAlone = TemporalPattern(
        name: "season",
        examples: [
            ("will be held in the autumn.", "the autumn", "2024-FA"),
            ("it was held in the autumn.", "the autumn", "2023-FA"),
        ],
        starts: [.the]
    ) { c, i in
        guard c.word(i, "the"), c.word(i - 1, in: ["in", "during", "over", "by"]),
            let s = c.season(i + 1), !c.word(i + 2, "of")
        else { return nil }
        return PatternMatch(length: 2, reference: .season(s))
    }

    static let quarterOrHalf = TemporalPattern(
        name: "quarter-or-half",
        examples: [
            ("in the first quarter of 2023", "the first quarter of 2023", "2023-Q1"),
            ("Q1 2023 results", "Q1 2023", "2023-Q1"),
            ("the first half of 2024", "the first half of 2024", "2024-H1"), ("in H2 2022", "H2 2022", "2022-H2"),
            ("the third quarter of this year", "the third quarter of this year", "2024-Q3"),
            ("third-quarter profit rose", "third-quarter", "2023-Q3"),
            ("in the fiscal first quarter", "the fiscal first quarter", "2024-Q1"),
            ("sales will rise in the fourth quarter", "the fourth quarter", "2024-Q4"),
        ],
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
            if c.isDash(k) { k += 1 }
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

    static let decade = TemporalPattern(
        name: "decade",
        examples: [("unlike the 1980s, when", "the 1980s", "198"), ("in the 2010s", "the 2010s", "201")],
        starts: [.the, .number]
    ) { c, i in
        var k = i
        if c.word(k, "the") { k += 1 }
        guard let tok = c.t(k), tok.kind == .number, tok.digitCount == 4, let y = tok.number, y % 10 == 0,
            (1000...2190).contains(y), c.touching(k), let s = c.t(k + 1), s.lower == "s" || s.lower == "'s"
        else { return nil }
        return PatternMatch(length: k + 2 - i, reference: .calendar(TimexValue(.decade(y / 10))))
    }

    static let century = TemporalPattern(
        name: "century",
        examples: [("of the 21st century", "the 21st century", "20")],
        starts: [.the, .ordinal, .number]
    ) { c, i in
        var k = i
        if c.word(k, "the") { k += 1 }
        guard let (n, nl) = c.ordinal(k), n >= 1, n <= 22, c.word(k + nl, "century") else { return nil }
        return PatternMatch(length: k + nl + 1 - i, reference: .calendar(TimexValue(.century(n - 1))))
    }

    static let yearRange = TemporalPattern(
        name: "year-range",
        examples: [
            ("the 2021–2035 plan", "2021", "2021"), ("Programme (2011-15) sets", "2011", "2011"),
            ("from 2020 to 2024, trade", "2020", "2020"), ("between 2014 and 2018", "2014", "2014"),
        ],
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

    static let year = TemporalPattern(
        name: "year",
        examples: [
            ("was drafted in 2009.", "2009", "2009"), ("The 2011 coastal logistics plan", "2011", "2011"),
            ("in 2017 г.", "2017 г.", "2017"), ("profit in fiscal 1989 rose", "fiscal 1989", "1989"),
            ("Atlanta, nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ],
        starts: [.fiscal, .number, .count]
    ) { c, i in
        let f = c.word(i, "fiscal") ? 1 : 0
        guard let (y, yl) = c.year(i + f) else { return nil }
        return PatternMatch(length: f + yl, reference: .calendar(TimexValue(.year(y))))
    }

    static let relativeUnit = TemporalPattern(
        name: "relative-unit",
        examples: [
            ("shipped late last week, and", "late last week", "2024-W20"),
            ("this week customs staff", "this week", "2024-W21"),
            ("sold this past week at", "this past week", "2024-W21"),
            ("Last month, ferry operators", "Last month", "2024-04"),
            ("this year's harvest", "this year", "2024"), ("next year", "next year", "2025"),
            ("last quarter", "last quarter", "2024-Q1"),
            ("in the latest quarter", "the latest quarter", "2024-Q1"),
            ("profit in the quarter rose", "the quarter", "2024-Q1"),
            ("the current fiscal year", "the current fiscal year", "2024"),
        ],
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

    static let ago = TemporalPattern(
        name: "ago",
        examples: [
            ("two years ago", "two years ago", "2022"), ("three days ago", "three days ago", "2024-05-23"),
            ("sales a year earlier", "a year earlier", "2023"), ("a decade ago", "a decade ago", "2014"),
            ("It rose in the third quarter of 2019 from a year earlier", "a year earlier", "2018-Q3"),
            ("Profit in the first quarter rose from a year ago", "a year ago", "2023-Q1"),
        ],
        starts: [.count, .number]
    ) { c, i in
        guard let (n, nl) = c.count(i), n > 0, let u = c.unit(i + nl),
            let shift = c.shift(i + nl + 1),
            let (unit, scale) = Self.calendarUnit(u)
        else { return nil }
        let amount = shift.sign * n * scale
        let reference: TemporalReference =
            if shift.fromPrevious {
                .shiftFromPrevious(unit, amount)
            } else if unit == .year {
                .yearsAgo(amount)
            } else {
                .unitOffset(unit, amount)
            }
        return PatternMatch(length: nl + 2, reference: reference)
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

    static let unitAgo = TemporalPattern(
        name: "unit-ago",
        examples: [
            ("year-earlier profit", "year-earlier", "2023"),
            ("from the year-ago quarter", "the year-ago quarter", "2023-Q1"),
        ],
        starts: [.the, .unit]
    ) { c, i in
        // "year-earlier results", "the year-ago quarter": the same period a year before.
        let the = c.word(i, "the") ? 1 : 0
        let k = i + the
        guard let u = c.unit(k), let (unit, scale) = Self.calendarUnit(u), c.isDash(k + 1), c.touching(k),
            c.touching(k + 1), let sign = c.shift(k + 2)?.sign
        else { return nil }
        let shift = sign
        // "the year-ago quarter": the quarter reported on (the last one ended), a year before.
        if the == 1, unit == .year, c.word(k + 3, "quarter") {
            return PatternMatch(length: the + 4, reference: .unitOffset(.quarter, shift * 4 - 1))
        }
        if the == 1, c.word(k + 3, "period") {
            return PatternMatch(length: the + 4, reference: .unitOffset(unit, shift * scale))
        }
        guard the == 0 else { return nil }
        return PatternMatch(length: 3, reference: .unitOffset(unit, shift * scale))
    }

    static let deictic = TemporalPattern(
        name: "deictic",
        examples: [
            ("said yesterday", "yesterday", "2024-05-25"), ("today", "today", "2024-05-26"),
            ("is now", "now", "PRESENT_REF"), ("in the future, it", "the future", "FUTURE_REF"),
            ("said last night", "last night", "2024-05-25TNI"), ("this morning", "this morning", "2024-05-26TMO"),
        ],
        starts: [.deictic]
    ) { c, i in
        guard let tok = c.t(i), tok.kind == .word else { return nil }
        func reference(_ v: String) -> TemporalReference {
            guard let (n, time) = DateLexicon.dayOffset(v) else { return .reference(v) }
            return time.map { .timeOfDay(.unitOffset(.day, n), $0) } ?? .unitOffset(.day, n)
        }
        for (words, v) in c.lexicon.deicticPhrases[tok.lower] ?? []
        where words.indices.allSatisfy({ c.word(i + $0, words[$0]) }) {
            // "in the past," names a time; "the past two years", "the future president" do not.
            if words[0] == "the", let next = c.t(i + words.count), next.kind != .punct,
                !c.e(i + words.count).afterReference
            {
                continue
            }
            return PatternMatch(length: words.count, reference: reference(v))
        }
        guard let v = c.lexicon.deictic[tok.lower] else { return nil }
        return PatternMatch(length: 1, reference: reference(v))
    }

    static let same = TemporalPattern(
        name: "same",
        examples: [
            ("In the same year, he", "the same year", "XXXX"),
            ("on the same day in 2016", "the same day in 2016", "2016"),
            (
                "On 4 May 2021 it opened, on the same day a year earlier it shut", "the same day a year earlier",
                "2020-05-04"
            ),
            ("Rain fell on 9 July, as on the same date last year", "the same date last year", "2023-07-09"),
        ],
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

    static let weekday = TemporalPattern(
        name: "weekday",
        examples: [
            ("arrived last Wednesday", "last Wednesday", "2024-05-22"),
            ("closed on Friday", "Friday", "2024-05-24"),
            ("next Tuesday", "next Tuesday", "2024-05-28"),
            ("held on Tuesday, March 19.", "Tuesday, March 19", "2024-03-19"),
            ("Friday Oct. 13, 2023 and", "Friday Oct. 13, 2023", "2023-10-13"),
            ("will sail on Tuesday, June 27.", "Tuesday, June 27", "2023-06-27"),
            ("signed on Thursday, 16 May 2019", "Thursday, 16 May 2019", "2019-05-16"),
        ],
        starts: [.relative, .weekday]
    ) { c, i in
        if let (r, rl) = c.relative(i), let (w, wl) = c.weekday(i + rl) {
            return PatternMatch(length: rl + wl, reference: .weekday(w, offset: r))
        }
        guard let (w, wl) = c.weekday(i) else { return nil }
        // "Tuesday, March 18": the date names the day, and the expression is the whole of it.
        let k = i + wl + (c.word(i + wl, ",") ? 1 : 0)
        let dated = [dayMonthYear, monthDayYear, dayMonth, monthDay].compactMap { $0.match(c, k) }
            .filter { $0.rangeEnd == nil }.max { $0.length < $1.length }
        if let m = dated {
            var reference = m.reference
            if case .monthDay(let month, let day) = reference {
                reference = .monthDayWeekday(month: month, day: day, weekday: w)
            }
            return PatternMatch(length: k - i + m.length, reference: reference, isDaySpan: m.isDaySpan)
        }
        return PatternMatch(length: wl, reference: .weekday(w, offset: nil))
    }

    static let dayOfMonth = TemporalPattern(
        name: "day-of-month",
        examples: [
            ("In May, prices rose; on the 18th, the plenum met", "the 18th", "2024-05-18"),
            ("By the 15th of next month, we", "the 15th of next month", "2024-06-15"),
            ("It began on the 10th.", "the 10th", "2024-05-10"),
        ],
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
        examples: [
            ("On 3 May 2021 it shut; the day before, it", "the day before", "2021-05-02"),
            ("In March 2020 it opened, and the following year", "the following year", "2021"),
            ("On 9 June 2022 they met. The next day they", "The next day", "2022-06-10"),
        ],
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
        examples: [
            ("It opened in May 2019 and was ratified that October.", "that October", "2019-10"),
            ("It opened on 4 May 2019; that year, exports rose", "that year", "2019"),
        ],
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
        examples: [
            ("done by the end of the year, officials", "the end of the year", "2024"),
            ("complete by year-end", "year-end", "2024"),
            ("at the start of the month", "the start of the month", "2024-05"),
        ],
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
        examples: [
            ("after a three-year pause", "three-year", "P3Y"),
            ("across the past three decades", "the past three decades", "P30Y"),
            ("for 24 hours", "24 hours", "PT24H"), ("several years", "several years", "PXY"),
            ("the past week", "the past week", "P1W"), ("the nine months to June", "the nine months", "P9M"),
            ("in recent years", "recent years", "PXY"), ("over the past 20 years", "the past 20 years", "P20Y"),
            ("in a few days", "a few days", "PXD"), ("a couple of years", "a couple of years", "P2Y"),
            ("in coming weeks", "coming weeks", "PXW"),
        ],
        starts: [.the, .count, .number, .durationWord]
    ) { c, i in
        var k = i
        if c.word(k, "the"), let n = c.t(k + 1), Self.durationWords.contains(n.lower) {
            k += 2
        } else if c.word(k, "the"), c.count(k + 1) != nil {
            k += 1  // "the nine months"
        } else if c.word(k, in: Self.durationWords), c.count(k + 1) != nil || c.word(k, in: ["recent", "coming"]) {
            k += 1  // "past 20 years", "recent months"
        }
        var n = 1
        if let (v, vl) = c.count(k) {
            n = v
            k += vl
            if c.isDash(k) { k += 1 }
        } else if k == i {
            return nil
        } else if let w = c.t(k), w.lower.hasSuffix("s") {
            n = 0  // "recent years", "the coming months": an unknown amount
        }
        guard let u = c.unit(k) else { return nil }
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

    /// Words that open a duration: "the past two years", "the first nine months", "recent weeks".
    static let durationWords: Set<String> = [
        "past", "last", "next", "coming", "first", "following", "recent", "previous",
    ]

    static let clockTime = TemporalPattern(
        name: "clock-time",
        examples: [
            ("at 10:35 a.m. the", "10:35 a.m.", "2024-05-26T10:35"),
            ("by 10 p.m. Friday", "10 p.m. Friday", "2024-05-24T22:00"),
            ("at 5 pm EST on", "5 pm EST", "2024-05-26T17:00"), ("noon Thursday", "noon Thursday", "2024-05-23T12:00"),
        ],
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
        for p in [monthDayYear, monthDay] {
            if let m = p.match(c, k + comma), m.rangeEnd == nil, !m.isDaySpan {
                return PatternMatch(length: k + comma + m.length - i, reference: .timeOfDay(m.reference, time))
            }
        }
        return PatternMatch(length: k - i, reference: .timeOfDay(.unitOffset(.day, 0), time))
    }

    static let dayPart = TemporalPattern(
        name: "day-part",
        examples: [
            ("on Friday morning", "Friday morning", "2024-05-24TMO"),
            ("yesterday afternoon", "yesterday afternoon", "2024-05-25TAF"),
        ],
        starts: [.weekday, .relative, .deictic]
    ) { c, i in
        guard let (day, dl) = c.dayName(i), let part = c.e(i + dl).dayPart else {
            return nil
        }
        return PatternMatch(length: dl + 1, reference: .timeOfDay(day, part))
    }

    static let frequency = TemporalPattern(
        name: "frequency",
        examples: [("weekly ferry sailings", "weekly", "P1W"), ("every year", "every year", "P1Y")],
        starts: [.frequency]
    ) { c, i in
        guard let tok = c.t(i) else { return nil }
        if let v = c.lexicon.sets[tok.lower] { return PatternMatch(length: 1, reference: .set(v)) }
        if ["every", "each"].contains(tok.lower), let u = c.unit(i + 1), ["D", "W", "M", "Y"].contains(u),
            let w = c.t(i + 1), !w.lower.hasSuffix("s")
        {
            return PatternMatch(length: 2, reference: .set("P1\(u)"))
        }
        return nil
    }
}
