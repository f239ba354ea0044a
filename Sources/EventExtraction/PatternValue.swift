import TimelineCore

/// The value part of a pattern rule, `function(argument, …)`: how the captures make a
/// `TemporalReference`. A function that gets an impossible value (`day(2023, 2, 30)`) makes the
/// rule fail at that token, as if the pattern had not matched.
struct PatternValue: Sendable {
    /// An argument: a capture (its slot) or a literal written in the rule.
    enum Argument: Sendable {
        case capture(Int)
        case number(Int)
        case text(String)
    }

    let function: Function
    let arguments: [Argument]

    /// The functions a rule may use, with the kinds of their arguments.
    enum Function: String, CaseIterable, Sendable {
        // Calendar values the text gives in full.
        case year, month, day, season, quarter, half, decade, century
        // Underspecified values, anchored to the document date when resolved.
        case monthDay = "month-day"
        case monthDayWeekday = "month-day-weekday"
        case dayOfYear = "day-of-year"
        case monthAlone = "month-alone"
        case monthOffset = "month-offset"
        case seasonAlone = "season-alone"
        case seasonOffset = "season-offset"
        case monthOfYear = "month-of-year"
        case seasonOfYear = "season-of-year"
        case quarterOfYear = "quarter-of-year"
        case halfOfYear = "half-of-year"
        case quarterAlone = "quarter-alone"
        case halfAlone = "half-alone"
        case weekday, weekend, holiday
        case weekdaySet = "weekday-set"
        case monthSet = "month-set"
        case unitOffset = "unit-offset"
        case ago
        case unitAgo = "unit-ago"
        case reference, time, duration, set
        case durationAndAHalf = "duration-and-a-half"

        /// Each signature the function accepts (some take an optional last argument).
        var signatures: [[WordClassKind]] {
            switch self {
            case .year, .decade, .century, .monthAlone, .quarterAlone, .halfAlone: return [[.number]]
            case .month, .quarter, .half, .monthDay, .monthOffset, .monthOfYear, .quarterOfYear, .halfOfYear:
                return [[.number, .number]]
            case .day, .monthDayWeekday, .dayOfYear: return [[.number, .number, .number]]
            case .season: return [[.number, .season]]
            case .seasonAlone: return [[.season]]
            case .seasonOffset, .seasonOfYear: return [[.season, .number]]
            case .weekday: return [[.number], [.number, .number]]
            case .holiday: return [[.number, .number, .number], [.number, .number, .number, .number]]
            case .weekdaySet: return [[.number]]
            case .monthSet: return [[.number]]
            case .weekend: return [[], [.number]]
            case .unitOffset: return [[.unit, .number]]
            case .ago: return [[.number, .unit, .shift]]
            case .unitAgo: return [[.unit, .shift]]
            case .durationAndAHalf: return [[.number, .unit]]
            case .reference: return [[.none]]
            case .time: return [[.dayName, .dayPart]]
            case .duration, .set: return [[.set]]
            }
        }
    }

    /// The reference the rule gives for these captures, or `nil` when the values are impossible.
    func build(_ c: PatternContext, _ captures: PatternCaptures) -> TemporalReference? {
        func int(_ k: Int) -> Int {
            switch arguments[k] {
            case .capture(let slot): return captures.values[slot]
            case .number(let n): return n
            case .text: return 0
            }
        }
        func season(_ k: Int) -> TimexValue.Season { TimexValue.Season.allCases[int(k)] }
        func calendar(_ kind: TimexValue.Kind) -> TemporalReference { .calendar(TimexValue(kind)) }
        switch function {
        case .year: return calendar(.year(int(0)))
        case .month:
            guard (1...12).contains(int(1)) else { return nil }
            return calendar(.month(year: int(0), month: int(1)))
        case .day:
            guard let date = CivilDate(year: int(0), month: int(1), day: int(2)) else { return nil }
            return calendar(.day(date))
        case .season: return calendar(.season(year: int(0), season(1)))
        case .quarter:
            guard (1...4).contains(int(1)) else { return nil }
            return calendar(.quarter(year: int(0), quarter: int(1)))
        case .half:
            guard (1...2).contains(int(1)) else { return nil }
            return calendar(.half(year: int(0), half: int(1)))
        case .decade:
            let y = int(0)
            guard y % 10 == 0, (1000...2190).contains(y) else { return nil }
            return calendar(.decade(y / 10))
        case .century:
            guard (1...22).contains(int(0)) else { return nil }
            return calendar(.century(int(0) - 1))
        case .monthDay:
            // Valid in some year: 29 February counts.
            guard CivilDate(year: 2024, month: int(0), day: int(1)) != nil else { return nil }
            return .monthDay(month: int(0), day: int(1))
        case .monthDayWeekday:
            guard CivilDate(year: 2024, month: int(0), day: int(1)) != nil else { return nil }
            return .monthDayWeekday(month: int(0), day: int(1), weekday: int(2))
        case .dayOfYear:
            guard CivilDate(year: 2024, month: int(0), day: int(1)) != nil else { return nil }
            return .partOfYear(.day(month: int(0), day: int(1)), yearOffset: int(2))
        case .monthAlone: return .month(int(0))
        case .monthOffset: return .monthOffset(month: int(0), offset: int(1))
        case .seasonAlone: return .season(season(0))
        case .seasonOffset: return .seasonOffset(season(0), offset: int(1))
        case .monthOfYear: return .partOfYear(.month(int(0)), yearOffset: int(1))
        case .seasonOfYear: return .partOfYear(.season(season(0)), yearOffset: int(1))
        case .quarterOfYear:
            guard (1...4).contains(int(0)) else { return nil }
            return .partOfYear(.quarter(int(0)), yearOffset: int(1))
        case .halfOfYear:
            guard (1...2).contains(int(0)) else { return nil }
            return .partOfYear(.half(int(0)), yearOffset: int(1))
        case .quarterAlone:
            guard (1...4).contains(int(0)) else { return nil }
            return .part(.quarter(int(0)))
        case .halfAlone:
            guard (1...2).contains(int(0)) else { return nil }
            return .part(.half(int(0)))
        case .weekday: return .weekday(int(0), offset: arguments.count > 1 ? int(1) : nil)
        case .weekend: return .weekend(offset: arguments.isEmpty ? nil : int(0))
        case .holiday:
            guard CivilDate(year: 2024, month: int(0), day: int(1)) != nil, (0...7).contains(int(2)) else { return nil }
            return .holiday(month: int(0), day: int(1), weekday: int(2), offset: arguments.count > 3 ? int(3) : nil)
        case .weekdaySet:
            guard (1...7).contains(int(0)) else { return nil }
            return .set("XXXX-WXX-\(int(0))")
        case .monthSet:
            guard (1...12).contains(int(0)) else { return nil }
            return .set(int(0) < 10 ? "XXXX-0\(int(0))" : "XXXX-\(int(0))")
        case .unitOffset:
            guard let (unit, scale) = TemporalPattern.calendarUnit(WordEntry.units[int(0) - 1]) else { return nil }
            return .unitOffset(unit, int(1) * scale)
        case .ago:
            let n = int(0)
            let shift = int(2)
            // "several years ago": an unknown amount from the document date is only the past (or
            // the future); from the date before ("a few days later") it is left to the duration.
            if n == 0 {
                guard abs(shift) == 1 else { return nil }
                return .reference(shift < 0 ? "PAST_REF" : "FUTURE_REF")
            }
            guard n > 0, let (unit, scale) = TemporalPattern.calendarUnit(WordEntry.units[int(1) - 1]) else {
                return nil
            }
            let amount = shift.signum() * n * scale
            if abs(shift) == 2 { return .shiftFromPrevious(unit, amount) }
            return unit == .year ? .yearsAgo(amount) : .unitOffset(unit, amount)
        case .unitAgo:
            // One unit before or after the document date, whatever the shift word counts from: a
            // year keeps the precision of a quarter or half of the document's year mentioned before.
            guard let (unit, scale) = TemporalPattern.calendarUnit(WordEntry.units[int(0) - 1]) else { return nil }
            let amount = int(1).signum() * scale
            return unit == .year ? .yearsAgo(amount) : .unitOffset(unit, amount)
        case .durationAndAHalf:
            // Half a unit in the next smaller one; weeks, months and quarters have no exact half.
            let n = int(0)
            guard n > 0 else { return nil }
            switch WordEntry.units[int(1) - 1] {
            case "Y": return .duration("P\(n)Y6M")
            case "DE": return .duration("P\(n * 10 + 5)Y")
            case "D": return .duration("P\(n)DT12H")
            case "H": return .duration("PT\(n)H30M")
            case "MIN": return .duration("PT\(n)M30S")
            default: return nil
            }
        case .reference:
            guard case .text(let v) = arguments[0] else { return nil }
            return .reference(v)
        case .time:
            guard case .capture(let slot) = arguments[0], let (day, _) = c.dayName(captures.positions[slot]) else {
                return nil
            }
            return .timeOfDay(day, WordEntry.dayParts[int(1) - 1])
        case .duration, .set:
            let v: String
            switch arguments[0] {
            case .capture(let slot): v = c.t(captures.positions[slot]).flatMap { c.lexicon.sets[$0.lower] } ?? ""
            case .text(let t): v = t
            case .number: v = ""
            }
            return function == .set ? .set(v) : .duration(v)
        }
    }

    /// Reads a literal argument of `kind`: its value, or `nil` if it is not one.
    static func literal(_ text: String, kind: WordClassKind) -> Argument? {
        switch kind {
        case .number: return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text).map { .number($0) }
        case .season: return WordClass.season.value(text).map { .number($0) }
        case .unit: return WordClass.unit.value(text).map { .number($0) }
        case .shift: return WordClass.shift.value(text).map { .number($0) }
        case .dayPart: return WordClass.dayPart.value(text).map { .number($0) }
        case .set:
            // A TIMEX3 duration: P1W, PT2H, PXY.
            return text.hasPrefix("P") && text.count >= 3 ? .text(text) : nil
        case .none:
            return ["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains(text) ? .text(text) : nil
        case .dayName: return nil
        }
    }
}

/// The values and token positions a pattern captured (at most `PatternCaptures.capacity`).
struct PatternCaptures {
    static let capacity = 8
    var values = InlineArray<8, Int>(repeating: 0)
    var positions = InlineArray<8, Int>(repeating: 0)
}
