import TimelineCore

/// What a temporal expression says, before it is anchored to the document date.
///
/// Absolute expressions are `.calendar` already; the others are typed
/// underspecified values that `resolve(dct:direction:previous:)` turns into a
/// TIMEX3 value (no `UNDEF-year` strings).
enum TemporalReference: Hashable, Sendable {
    enum Unit: String, Hashable, Sendable { case day, week, month, quarter, year }

    enum Part: Hashable, Sendable {
        /// A day of a month: `Dec. 27 last year`.
        case day(month: Int, day: Int)
        case month(Int)
        case season(TimexValue.Season)
        case quarter(Int)
        case half(Int)
    }

    /// A date the text gives in full: `15 March 2017`, `2024-SU`, `the 1990s`.
    case calendar(TimexValue)
    /// A day without a year: `April 17`.
    case monthDay(month: Int, day: Int)
    /// A day without a year, with its weekday: `Tuesday, July 29` is in a year where that is a Tuesday.
    case monthDayWeekday(month: Int, day: Int, weekday: Int)
    /// A holiday without a year: `Christmas` (12-25, `weekday` 0), `Thanksgiving` (the first
    /// Thursday, weekday 4, on or after 11-22); with last/this/next (`offset`) or alone (`nil`, by tense).
    case holiday(month: Int, day: Int, weekday: Int, offset: Int?)
    /// A month without a year: `in January`.
    case month(Int)
    /// `that October`: the month in the year of the date mentioned before (else as `in October`).
    case monthOfPrevious(Int)
    /// A day of a month not named: `on the 18th` (the month of the date mentioned before, else the
    /// document's, or the one before or after it as the tense says); `the 15th of next month`.
    case dayOfMonth(Int, monthOffset: Int?)
    /// A month name with last/this/next: `last July`.
    case monthOffset(month: Int, offset: Int)
    /// A season without a year: `in the summer`.
    case season(TimexValue.Season)
    /// A season with last/this/next: `last summer`.
    case seasonOffset(TimexValue.Season, offset: Int)
    /// A month, season, quarter or half of a year counted from the document's year:
    /// `June last year`, `the third quarter of this year`.
    case partOfYear(Part, yearOffset: Int)
    /// A weekday, with last/this/next (`offset`) or alone (`nil`).
    case weekday(Int, offset: Int?)
    /// A weekend, with last/this/next (`offset`) or alone (`nil`, `the weekend`): `2024-W20-WE`.
    case weekend(offset: Int?)
    /// A calendar unit counted from the document date: `yesterday` (day -1), `this week`, `next year`,
    /// `two years ago` (year -2).
    case unitOffset(Unit, Int)
    /// `a year ago` (-1): whole years from the document date, at the precision of the date
    /// mentioned before when that is a quarter or half of the document's own year ("third-quarter
    /// profit rose from a year ago": the third quarter of last year), as TimeML does.
    case yearsAgo(Int)
    /// `the same year`, `the same month`, `the same day`: the last date mentioned before.
    case sameAsPrevious(Unit)
    /// `the same date in 2017`, `the same day last year`, `the same day a year earlier`:
    /// the month and day of the last day mentioned, in another year.
    case sameDayIn(SameDayYear)
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    case reference(String)
    /// `a year earlier`, `two months later`: counted from the last date mentioned before (from the
    /// document date when there is none), keeping that date's precision for whole years
    /// (`the third quarter … a year earlier` is the third quarter of the year before).
    case shiftFromPrevious(Unit, Int)
    /// `the day before`, `the following year`: the unit next to the one of the last date mentioned
    /// (of the document date when there is none), at that unit's precision.
    case adjacent(Unit, Int)
    /// A quarter or half without a year (`the third quarter`): the latest one begun by the
    /// document date, or the next one to end after it when the text looks ahead.
    case part(Part)
    /// A time of a day: `Friday morning` (`TMO`), `10:35 a.m.` (`T10:35`); the day as it resolves.
    indirect case timeOfDay(TemporalReference, String)
    /// A TIMEX3 duration value: `P5Y`, `PT3H`, `PXY`.
    case duration(String)
    /// A TIMEX3 set value: `P1W`.
    case set(String)

    /// The year of `the same day …`.
    enum SameDayYear: Sendable, Hashable {
        /// `in 2017`
        case year(Int)
        /// `last year` (-1), `this year` (0): counted from the document date.
        case fromDocument(Int)
        /// `a year earlier` (-1), `two years later` (+2): counted from the day it repeats.
        case fromPrevious(Int)
    }

    /// Which way an expression without a year or direction leans.
    enum Direction: Sendable { case past, future, nearest }

    /// Whether `resolve` reads the direction: `April 17`, `in January`, `Friday`, `the weekend`,
    /// `the third quarter`, `on the 18th`, and a time of such a day (or what falls back to one).
    var leans: Bool {
        switch self {
        case .monthDay, .monthDayWeekday, .month, .monthOfPrevious, .holiday(_, _, _, offset: nil),
            .dayOfMonth(_, monthOffset: nil), .season, .part,
            .weekday(_, offset: nil), .weekend(offset: nil):
            return true
        case .timeOfDay(let day, _): return day.leans
        default: return false
        }
    }

    /// `a year ago`, `a year earlier`, `year-earlier`: whole years counted back or on.
    var isYearShift: Bool {
        switch self {
        case .yearsAgo, .shiftFromPrevious(.year, _): return true
        default: return false
        }
    }

    var timexType: String {
        switch self {
        case .duration: return "DURATION"
        case .set: return "SET"
        case .timeOfDay: return "TIME"
        default: return "DATE"
        }
    }

    /// The TIMEX3 value string and, for calendar dates, the value.
    /// - Parameters:
    ///   - dct: the document creation time.
    ///   - direction: for `April 17`, `in January`, `Friday` with no year or offset.
    ///   - previous: the last calendar date mentioned before, for `the same year`.
    func resolve(
        dct: CivilDate,
        direction: Direction = .nearest,
        previous: TimexValue? = nil
    ) -> (
        value: String, calendar: TimexValue?
    ) {
        func cal(_ kind: TimexValue.Kind) -> (String, TimexValue?) {
            let v = TimexValue(kind)
            return (v.description, v)
        }
        switch self {
        case .calendar(let v):
            return (v.description, v)
        case .monthDayWeekday(let m, let d, let w):
            let candidates = (dct.year - 1...dct.year + 1).compactMap { CivilDate(year: $0, month: m, day: d) }
                .filter { $0.isoWeekday == w }
            guard
                let best = Self.pick(
                    candidates,
                    dct: dct,
                    direction: .nearest,
                    key: \.dayNumber,
                    anchor: dct.dayNumber
                )
            else { return TemporalReference.monthDay(month: m, day: d).resolve(dct: dct, direction: direction) }
            return cal(.day(best))
        case .monthDay(let m, let d):
            let candidates = (dct.year - 1...dct.year + 1).compactMap { CivilDate(year: $0, month: m, day: d) }
            guard
                let best = Self.pick(
                    candidates,
                    dct: dct,
                    direction: direction,
                    key: \.dayNumber,
                    anchor: dct.dayNumber,
                    soon: Self.soonDays
                )
            else { return ("XXXX-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)", nil) }
            return cal(.day(best))
        case .holiday(let m, let d, let w, let offset):
            let candidates = (dct.year - 1...dct.year + 1).compactMap {
                Self.holiday(year: $0, month: m, day: d, weekday: w)
            }
            let best: CivilDate?
            switch offset {
            case .none:
                best = Self.pick(
                    candidates,
                    dct: dct,
                    direction: direction,
                    key: \.dayNumber,
                    anchor: dct.dayNumber,
                    soon: Self.soonDays
                )
            case .some(let o) where o < 0: best = candidates.last { $0 < dct }
            case .some(let o) where o > 0: best = candidates.first { $0 > dct }
            case .some: best = candidates.first { $0.year == dct.year }
            }
            guard let best else { return ("XXXX", nil) }
            return cal(.day(best))
        case .monthOfPrevious(let m):
            guard let previous else { return TemporalReference.month(m).resolve(dct: dct, direction: direction) }
            return cal(.month(year: previous.interval.start.year, month: m))
        case .dayOfMonth(let d, let offset):
            if let offset {
                let first = CivilDate(year: dct.year, month: dct.month, day: 1)!.adding(months: offset)
                guard let day = CivilDate(year: first.year, month: first.month, day: d) else { return ("XXXX", nil) }
                return cal(.day(day))
            }
            if let previous, previous.precision <= 2 {
                let start = previous.interval.start
                guard let day = CivilDate(year: start.year, month: start.month, day: d) else { return ("XXXX", nil) }
                return cal(.day(day))
            }
            let first = CivilDate(year: dct.year, month: dct.month, day: 1)!
            let candidates = (-1...1).compactMap { n -> CivilDate? in
                let m = first.adding(months: n)
                return CivilDate(year: m.year, month: m.month, day: d)
            }
            guard
                let best = Self.pick(
                    candidates,
                    dct: dct,
                    direction: direction,
                    key: \.dayNumber,
                    anchor: dct.dayNumber
                )
            else { return ("XXXX", nil) }
            return cal(.day(best))
        case .month(let m):
            let anchor = dct.year * 12 + dct.month - 1
            let years = [dct.year - 1, dct.year, dct.year + 1]
            let y = Self.pick(
                years,
                dct: dct,
                direction: direction,
                key: { $0 * 12 + m - 1 },
                anchor: anchor,
                soon: Self.soonMonths
            )!
            return cal(.month(year: y, month: m))
        case .monthOffset(let m, let offset):
            switch offset {
            case ..<0: return cal(.month(year: m < dct.month ? dct.year : dct.year - 1, month: m))
            case 0: return cal(.month(year: dct.year, month: m))
            default: return cal(.month(year: m > dct.month ? dct.year : dct.year + 1, month: m))
            }
        case .season(let s):
            let years = [dct.year - 1, dct.year, dct.year + 1]
            let y = Self.pick(
                years,
                dct: dct,
                direction: direction,
                key: { TimexValue(.season(year: $0, s)).interval.start.dayNumber },
                anchor: dct.dayNumber
            )!
            return cal(.season(year: y, s))
        case .seasonOffset(let s, let offset):
            func interval(_ y: Int) -> DayInterval { TimexValue(.season(year: y, s)).interval }
            var y = dct.year
            switch offset {
            case ..<0:
                // The latest season of that name that ended before the document date.
                y = dct.year
                while interval(y).end >= dct { y -= 1 }
            case 0:
                if s == .winter && dct.month <= 2 { y = dct.year - 1 }
            default:
                y = dct.year
                while interval(y).start <= dct { y += 1 }
            }
            return cal(.season(year: y, s))
        case .partOfYear(let part, let offset):
            let y = dct.year + offset
            switch part {
            case .day(let m, let d):
                guard let day = CivilDate(year: y, month: m, day: d) else { return ("XXXX", nil) }
                return cal(.day(day))
            case .month(let m): return cal(.month(year: y, month: m))
            case .season(let s): return cal(.season(year: y, s))
            case .quarter(let q): return cal(.quarter(year: y, quarter: q))
            case .half(let h): return cal(.half(year: y, half: h))
            }
        case .weekday(let wd, let offset):
            let diff = wd - dct.isoWeekday
            let day: CivilDate
            switch offset {
            case .some(let o) where o < 0:
                day = dct.adding(days: diff < 0 ? diff : diff - 7)
            case .some(let o) where o > 0:
                day = dct.adding(days: diff > 0 ? diff : diff + 7)
            case .some:
                day = dct.adding(days: diff)  // this Friday: in the document's ISO week
            case .none:
                switch direction {
                case .future: day = dct.adding(days: diff > 0 ? diff : diff + 7)
                // News reports past days by name; the same name as the DCT's own weekday is that day.
                default: day = dct.adding(days: diff <= 0 ? diff : diff - 7)
                }
            }
            return cal(.day(day))
        case .weekend(let offset):
            // Saturday 6, Sunday 7: a weekend belongs to its ISO week.
            let weekday = dct.isoWeekday
            let weeks: Int
            switch offset {
            case .some(let o): weeks = o
            case .none:
                switch direction {
                case .past: weeks = weekday >= 6 ? 0 : -1
                case .future: weeks = weekday >= 6 ? 1 : 0
                // News early in the week tells of the weekend just gone; late in the week, of the coming one.
                case .nearest: weeks = weekday <= 3 ? -1 : 0
                }
            }
            let w = dct.adding(days: 7 * weeks).isoWeek
            let value = TimexValue(.week(year: w.year, week: w.week))
            return ("\(value.description)-WE", value)
        case .yearsAgo(let n):
            if let previous {
                switch previous.kind {
                case .quarter(let y, let q) where y == dct.year: return cal(.quarter(year: y + n, quarter: q))
                case .half(let y, let h) where y == dct.year: return cal(.half(year: y + n, half: h))
                default: break
                }
            }
            return cal(.year(dct.year + n))
        case .unitOffset(let unit, let n):
            switch unit {
            case .day:
                return cal(.day(dct.adding(days: n)))
            case .week:
                let w = dct.adding(days: 7 * n).isoWeek
                return cal(.week(year: w.year, week: w.week))
            case .month:
                let d = CivilDate(year: dct.year, month: dct.month, day: 1)!.adding(months: n)
                return cal(.month(year: d.year, month: d.month))
            case .quarter:
                let q = (dct.year * 4 + (dct.month - 1) / 3) + n
                let y = q >= 0 ? q / 4 : (q - 3) / 4
                return cal(.quarter(year: y, quarter: q - y * 4 + 1))
            case .year:
                return cal(.year(dct.year + n))
            }
        case .sameAsPrevious(let unit):
            guard let previous else { return ("XXXX", nil) }
            let start = previous.interval.start
            switch unit {
            case .year: return cal(.year(start.year))
            case .month:
                if previous.precision <= 2 { return cal(.month(year: start.year, month: start.month)) }
                return (previous.description, previous)
            default:
                return (previous.description, previous)
            }
        case .sameDayIn(let which):
            let day: CivilDate?
            if let previous, case .day(let d) = previous.kind { day = d } else { day = nil }
            let year: Int
            switch which {
            case .year(let y): year = y
            case .fromDocument(let n): year = dct.year + n
            case .fromPrevious(let n):
                guard let day else { return ("XXXX", nil) }
                year = day.year + n
            }
            guard let day, let date = CivilDate(year: year, month: day.month, day: day.day) else {
                return cal(.year(year))
            }
            return cal(.day(date))
        case .shiftFromPrevious(let unit, let n):
            guard let previous else { return TemporalReference.unitOffset(unit, n).resolve(dct: dct) }
            let start = previous.interval.start
            if unit == .year {
                switch previous.kind {
                case .day(let d):
                    let day =
                        CivilDate(year: d.year + n, month: d.month, day: d.day)
                        ?? CivilDate(year: d.year + n, month: d.month, day: 28)!
                    return cal(.day(day))
                case .month(let y, let m): return cal(.month(year: y + n, month: m))
                case .quarter(let y, let q): return cal(.quarter(year: y + n, quarter: q))
                case .half(let y, let h): return cal(.half(year: y + n, half: h))
                case .season(let y, let s): return cal(.season(year: y + n, s))
                default: return cal(.year(start.year + n))
                }
            }
            return TemporalReference.unitOffset(unit, n).resolve(dct: start)
        case .adjacent(let unit, let n):
            return TemporalReference.unitOffset(unit, n).resolve(dct: previous?.interval.start ?? dct)
        case .part(let part):
            func interval(_ y: Int) -> DayInterval {
                switch part {
                case .quarter(let q): return TimexValue(.quarter(year: y, quarter: q)).interval
                case .half(let h): return TimexValue(.half(year: y, half: h)).interval
                case .day(let m, let d):
                    let day = CivilDate(year: y, month: m, day: min(d, 28))!
                    return DayInterval(start: day, end: day)
                case .month(let m): return TimexValue(.month(year: y, month: m)).interval
                case .season(let s): return TimexValue(.season(year: y, s)).interval
                }
            }
            var y = dct.year + 1
            if direction == .future {
                y = dct.year - 1
                while interval(y).end < dct { y += 1 }
            } else {
                while interval(y).start > dct { y -= 1 }
            }
            return TemporalReference.partOfYear(part, yearOffset: y - dct.year).resolve(dct: dct)
        case .timeOfDay(let day, let time):
            let (value, calendar) = day.resolve(dct: dct, direction: direction, previous: previous)
            guard let calendar, case .day = calendar.kind else { return (value, calendar) }
            return (value + time, calendar)
        case .reference(let r):
            return (r, nil)
        case .duration(let v), .set(let v):
            return (v, nil)
        }
    }

    /// The day of a holiday in `year`: the date itself (`weekday` 0), or the first `weekday` on or after it.
    static func holiday(year: Int, month: Int, day: Int, weekday: Int) -> CivilDate? {
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        guard (1...7).contains(weekday) else { return date }
        return date.adding(days: (weekday - date.isoWeekday + 7) % 7)
    }

    /// How far ahead a date without a year may lie in a past-tense sentence: about a quarter.
    static let soonDays = 92
    static let soonMonths = 2

    /// The candidate nearest to `anchor` by `key`, or the nearest on the given side.
    /// - Parameter soon: with `.past`, a candidate at most this far after `anchor` (in `key` units)
    ///   still counts: a past-tense sentence can name a date a few weeks ahead ("said it will be
    ///   paid Jan. 2").
    static func pick<T>(
        _ candidates: [T],
        dct: CivilDate,
        direction: Direction,
        key: (T) -> Int,
        anchor: Int,
        soon: Int = 0
    ) -> T? {
        let filtered: [T]
        switch direction {
        case .past: filtered = candidates.filter { key($0) <= anchor + soon }
        case .future: filtered = candidates.filter { key($0) >= anchor }
        case .nearest: filtered = candidates
        }
        let pool = filtered.isEmpty ? candidates : filtered
        // Ties go to the earlier candidate: reports mostly look back.
        return pool.min { abs(key($0) - anchor) < abs(key($1) - anchor) }
    }
}
