import TimelineCore

/// A class of tokens a pattern names in capitals (`MONTH`, `YEAR` …): what it matches, read from
/// the lexicon's tables through `PatternContext`, and the value it captures, as an integer.
///
/// Seasons, units, shifts, day parts and date ideographs capture a code (see `value(_:)`);
/// `SET` and `DAYNAME` capture nothing and are read again at their position when the value is built.
enum WordClass: String, CaseIterable, Sendable {
    /// A month name or abbreviation with its full stop (`months.tsv`): 1–12.
    case month = "MONTH"
    /// A month name standing alone: capitalised, and a word of at most four letters without a full
    /// stop only if it is a full name in title case (`May`; a bare `Jan` is too often a name).
    case monthName = "MONTHNAME"
    /// A month number written with at most two digits, 1–12.
    case monthNumber = "MONTHNUM"
    /// A day of the month, 1–31, with its ordinal suffix if any (`17th`).
    case day = "DAY"
    /// A day of the month in one token (no suffix).
    case dayNumber = "DAYNUM"
    /// A year 1000–2199 that is not an amount or an identifier, with a year marker (`2017 г.`),
    /// or said in words (`nineteen ninety-six`).
    case year = "YEAR"
    /// A `YEAR` in one token: four digits, no marker.
    case yearNumber = "YEARNUM"
    /// A number of one digit, of at most two digits, of exactly four digits.
    case number1 = "NUM1"
    case number2 = "NUM2"
    case number4 = "NUM4"
    /// A weekday name, or a capitalised abbreviation with its full stop: 1 (Monday)–7.
    case weekday = "WEEKDAY"
    /// A season (`seasons.tsv`); constraint values `SP`, `SU`, `FA`, `WI`.
    case season = "SEASON"
    /// An ordinal, as a word (`third`) or digits with a suffix (`3rd`).
    case ordinal = "ORDINAL"
    /// A count: digits, a number word (`twenty-five`), `a few` (unknown: 0), `a couple of` (2).
    case count = "COUNT"
    /// `last` (-1), `this` (0, also `this past`), `next` (1) … (`relative.tsv`).
    case relative = "RELATIVE"
    /// A unit word (`units.tsv`); constraint values `Y`, `M`, `W`, `D`, `H`, `MIN`, `Q`, `HY`, `DE`, `CE`.
    case unit = "UNIT"
    /// `ago`, `earlier`, `later` … (`shifts.tsv`).
    case shift = "SHIFT"
    /// `morning`, `night` … (`day-parts.tsv`).
    case dayPart = "DAYPART"
    /// A frequency word (`sets.tsv`: `weekly`).
    case set = "SET"
    /// A day named without a date: a weekday with or without last/this/next, `yesterday`, `today`.
    case dayName = "DAYNAME"
    /// A date ideograph (`date-units.tsv`); constraint values `year`, `month`, `day`.
    case dateUnit = "DATEUNIT"
    /// Any dash or hyphen (`-`, `–`, `—` …); a literal `-` in a pattern is the hyphen only.
    case dash = "DASH"
    /// The minutes of a clock time: a colon and two digits, touching (`:30` of `17:30`), 0–59.
    case minutes = "MINUTES"

    /// What an argument of a value function made from this class means.
    var kind: WordClassKind {
        switch self {
        case .season: return .season
        case .unit: return .unit
        case .shift: return .shift
        case .dayPart: return .dayPart
        case .set: return .set
        case .dayName: return .dayName
        case .dateUnit, .dash: return .none
        default: return .number
        }
    }

    /// The kinds of token the class can start at, for the tagger's index.
    var starts: TemporalPattern.Starts {
        switch self {
        case .month, .monthName: return .month
        case .monthNumber, .day, .dayNumber, .yearNumber, .number1, .number2, .number4, .dateUnit: return .number
        case .minutes: return []
        case .year, .count: return [.number, .count]
        case .weekday: return .weekday
        case .season: return .season
        case .ordinal: return [.ordinal, .number]
        case .relative: return .relative
        case .unit: return .unit
        case .shift: return .shift
        case .dayPart: return .dayPart
        case .set: return .frequency
        case .dayName: return [.relative, .weekday, .deictic]
        case .dash: return []
        }
    }

    /// Whether the class can match at a number token of `digits` digits (as `match` reads one: a
    /// number token has no lexicon entry, and its value only up to 9 digits).
    func mayMatch(numberOf digits: Int) -> Bool {
        switch self {
        case .month, .monthName, .weekday, .season, .relative, .unit, .shift, .dayPart, .minutes, .dash: return false
        case .monthNumber, .day, .dayNumber, .number2: return digits <= 2
        case .number1: return digits == 1
        case .year, .yearNumber, .number4: return digits == 4
        case .count: return digits <= 4
        case .ordinal: return digits <= 9
        // Read from tables by the token's text: left to `match`.
        case .set, .dayName, .dateUnit: return true
        }
    }

    /// The code of a constraint value (`UNIT=Y`, `SEASON=SU`, `RELATIVE=-1`), as `match` captures it.
    func value(_ text: String) -> Int? {
        switch self {
        case .season: return TimexValue.Season.allCases.firstIndex { $0.rawValue == text }
        case .unit: return WordEntry.units.firstIndex(of: text).map { $0 + 1 }
        case .dayPart: return WordEntry.dayParts.firstIndex(of: text).map { $0 + 1 }
        case .dateUnit: return Self.dateUnits.firstIndex(of: text)
        case .shift: return ["-1": -1, "1": 1, "+1": 1][text]
        case .set, .dayName, .dash: return nil
        default: return Int(text)
        }
    }

    static let dateUnits = ["year", "month", "day"]

    /// Matches at token `i`: `(captured value, tokens used)`.
    func match(_ c: PatternContext, _ i: Int) -> (Int, Int)? {
        switch self {
        case .month: return c.month(i)
        case .monthName:
            guard let (m, ml) = c.month(i), let tok = c.t(i), tok.isCapitalized else { return nil }
            // Only a full name in title case: not `Jan`, nor `MAY` in a headline in capitals.
            if ml == 1, tok.text.count <= 4,
                !c.e(i).fullMonthName || tok.text.unicodeScalars.dropFirst().contains(where: \.properties.isUppercase)
            {
                return nil
            }
            return (m, ml)
        case .monthNumber: return c.monthNumber(i).map { ($0, 1) }
        case .day: return c.day(i)
        case .dayNumber:
            guard let (d, dl) = c.day(i), dl == 1 else { return nil }
            return (d, 1)
        case .year: return c.year(i)
        case .yearNumber:
            guard let (y, yl) = c.year(i), yl == 1 else { return nil }
            return (y, 1)
        case .number1, .number2, .number4:
            guard let tok = c.t(i), tok.kind == .number, let n = tok.number else { return nil }
            let digits = tok.digitCount
            let fits = self == .number1 ? digits == 1 : self == .number2 ? digits <= 2 : digits == 4
            return fits ? (n, 1) : nil
        case .weekday: return c.weekday(i)
        case .season:
            guard let s = c.season(i) else { return nil }
            return (TimexValue.Season.allCases.firstIndex(of: s)!, 1)
        case .ordinal: return c.ordinal(i)
        case .count: return c.count(i)
        case .relative: return c.relative(i)
        case .unit:
            let code = c.e(i).unitCode
            return code == 0 ? nil : (Int(code), 1)
        case .shift:
            guard let s = c.shift(i) else { return nil }
            return (s.fromPrevious ? 2 * s.sign : s.sign, 1)
        case .dayPart:
            let code = c.e(i).dayPartCode
            return code == 0 ? nil : (Int(code), 1)
        case .set:
            guard let tok = c.t(i), c.lexicon.sets[tok.lower] != nil else { return nil }
            return (0, 1)
        case .dayName:
            guard let (_, l) = c.dayName(i) else { return nil }
            return (0, l)
        case .dateUnit:
            guard let tok = c.t(i), let u = c.lexicon.ideographUnits[tok.text] else { return nil }
            return (Self.dateUnits.firstIndex(of: u) ?? 0, 1)
        case .dash: return c.isDash(i) ? (0, 1) : nil
        case .minutes:
            guard c.word(i, ":"), c.touching(i - 1), c.touching(i), let m = c.t(i + 1), m.kind == .number,
                m.digitCount == 2, let n = m.number, n < 60
            else { return nil }
            return (n, 2)
        }
    }
}

/// What a captured value means to a value function.
enum WordClassKind: String, Sendable {
    case number, season, unit, shift
    case dayPart = "day part"
    case set
    case dayName = "day name"
    case none = "nothing"
}
