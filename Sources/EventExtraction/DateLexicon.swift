import Foundation
import TimelineCore

/// The words the temporal tagger knows, loaded from `Resources/<lang>/`.
///
/// Keys are lower-case; multi-word keys are words separated by single spaces.
struct DateLexicon: Sendable {
    struct Entry<Value: Sendable>: Sendable {
        let value: Value
        /// Only recognised when the token starts with a capital (`May`, not the verb `may`).
        let capitalizedOnly: Bool
    }

    /// `months.tsv`: `word<TAB>1…12[<TAB>cap]`, e.g. `sept<TAB>9`.
    var months: [String: Entry<Int>] = [:]
    /// The longest name of each month in each file (`september`, not `sept`): a full stop after
    /// one of these ends a sentence rather than an abbreviation.
    var fullMonthNames: Set<String> = []
    /// `weekdays.tsv`: `word<TAB>1…7[<TAB>cap]` (ISO: 1 = Monday).
    var weekdays: [String: Entry<Int>] = [:]
    /// `numbers.tsv`: `word<TAB>n`, cardinal number words (`five<TAB>5`).
    var numbers: [String: Int] = [:]
    /// Number words flagged `after-a`: a count after "a" (`a few`, `a couple of`).
    var countsAfterA: Set<String> = []
    /// `ordinals.tsv`: `word<TAB>n` (`first<TAB>1`).
    var ordinals: [String: Int] = [:]
    /// `seasons.tsv`: `word<TAB>SP|SU|FA|WI`.
    var seasons: [String: TimexValue.Season] = [:]
    /// `units.tsv`: `word<TAB>Y|M|W|D|H|Q|HY|DE|CE` (duration units; `HY` half-year).
    var units: [String: String] = [:]
    /// `modifiers.tsv`: `phrase<TAB>START|MID|END|APPROX|BEFORE|AFTER|LESS_THAN|MORE_THAN`.
    var modifiers: [String: String] = [:]
    /// `relative.tsv`: `word<TAB>-1|0|+1` (`last`, `this`, `next`).
    var relative: [String: Int] = [:]
    /// `deictic.tsv`: `word<TAB>day:-1 | PRESENT_REF | PAST_REF | FUTURE_REF`.
    var deictic: [String: String] = [:]
    /// Multi-word `deictic.tsv` phrases by their first word, longest first.
    var deicticPhrases: [String: [(words: [String], value: String)]] = [:]
    /// `after-reference.txt`: words that may follow `the past`, `the future` when these name a time.
    var afterReference: Set<String> = []
    /// `day-parts.tsv`: `morning<TAB>TMO`.
    var dayParts: [String: String] = [:]
    /// `clock-words.tsv`: `noon<TAB>12:00`.
    var clockWords: [String: String] = [:]
    /// `time-zones.txt`: `est`, `gmt` … after a clock time.
    var timeZones: Set<String> = []
    /// `shifts.tsv`: `ago<TAB>-1`, `later<TAB>1<TAB>from-previous`: the direction, and whether the
    /// amount is counted from the date mentioned before rather than from the document date.
    var shifts: [String: (sign: Int, fromPrevious: Bool)] = [:]
    /// `sets.tsv`: `word<TAB>P1W` (`weekly`).
    var sets: [String: String] = [:]
    /// `quantity-units.txt`: words that make a preceding four-digit number a quantity (`2000 tons`).
    var quantityUnits: Set<String> = []
    /// `year-markers.txt` (e.g. `ru/`): words after a year that mark it (`2017 г.`).
    var yearMarkers: Set<String> = []
    /// `date-units.tsv` (e.g. `zh/`): `年<TAB>year`, `月<TAB>month`, `日<TAB>day`.
    var ideographUnits: [String: String] = [:]
    /// `patterns.txt`, after any user pattern files: the tagger's rules.
    var patterns = TemporalRules()

    /// `NONE`: part of the expression, no mod (`earlier this year`).
    static let modValues: Set<String> = [
        "NONE", "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN",
        "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
    ]
    static let dayPartValues = ["TMO", "TAF", "TEV", "TNI", "TDT"]
    static let unitValues: Set<String> = ["Y", "M", "W", "D", "H", "MIN", "Q", "HY", "DE", "CE"]

    /// Adds the date words of one language folder. `required` files must exist.
    mutating func merge(from directory: URL, language: String, required: Bool) throws {
        func file(_ name: String) throws -> DataFile? {
            let path = "\(language)/\(name)"
            return required ? try DataFile.read(path, in: directory) : try DataFile.readIfPresent(path, in: directory)
        }
        if let f = try file("months.tsv") {
            let table = try f.integerTable(1...12, usage: "word<TAB>month[<TAB>cap]")
            var longest: [Int: Int] = [:]
            for (k, v, flags) in table {
                months[k] = Entry(value: v, capitalizedOnly: flags.contains("cap"))
                longest[v] = max(longest[v] ?? 0, k.count)
            }
            for (k, v, _) in table where k.count == longest[v] { fullMonthNames.insert(k) }
        }
        if let f = try file("weekdays.tsv") {
            for (k, v, flags) in try f.integerTable(1...7, usage: "word<TAB>weekday[<TAB>cap]") {
                weekdays[k] = Entry(value: v, capitalizedOnly: flags.contains("cap"))
            }
        }
        guard required else {
            if let f = try DataFile.readIfPresent("\(language)/year-markers.txt", in: directory) {
                yearMarkers.formUnion(try f.list().map { $0.lowercased() })
            }
            if let f = try DataFile.readIfPresent("\(language)/date-units.tsv", in: directory) {
                for (k, v, _) in try f.stringTable(
                    usage: "ideograph<TAB>year|month|day",
                    valid: { ["year", "month", "day"].contains($0) }
                ) {
                    ideographUnits[k] = v
                }
            }
            return
        }
        for (k, v, flags) in try DataFile.read("\(language)/numbers.tsv", in: directory).integerTable(
            0...1_000_000,
            usage: "word<TAB>number[<TAB>after-a]"
        ) {
            numbers[k] = v
            if flags.contains("after-a") { countsAfterA.insert(k) }
        }
        for (k, v, _) in try DataFile.read("\(language)/ordinals.tsv", in: directory).integerTable(
            1...100,
            usage: "word<TAB>number"
        ) {
            ordinals[k] = v
        }
        for (k, v, _) in try DataFile.read("\(language)/seasons.tsv", in: directory).stringTable(
            usage: "word<TAB>SP|SU|FA|WI",
            valid: { TimexValue.Season(rawValue: $0) != nil }
        ) {
            seasons[k] = TimexValue.Season(rawValue: v)!
        }
        for (k, v, _) in try DataFile.read("\(language)/units.tsv", in: directory).stringTable(
            usage: "word<TAB>unit",
            valid: { DateLexicon.unitValues.contains($0) }
        ) {
            units[k] = v
        }
        for (k, v, _) in try DataFile.read("\(language)/modifiers.tsv", in: directory).stringTable(
            usage: "phrase<TAB>mod",
            valid: { DateLexicon.modValues.contains($0) }
        ) {
            modifiers[k] = v
        }
        for (k, v, _) in try DataFile.read("\(language)/relative.tsv", in: directory).integerTable(
            -1...1,
            usage: "word<TAB>offset"
        ) {
            relative[k] = v
        }
        for (k, v, _) in try DataFile.read("\(language)/deictic.tsv", in: directory).stringTable(
            usage: "word<TAB>value",
            valid: DateLexicon.isDeicticValue
        ) {
            let words = k.split(separator: " ").map(String.init)
            if words.count == 1 {
                deictic[k] = v
            } else {
                deicticPhrases[words[0], default: []].append((words, v))
                deicticPhrases[words[0]]!.sort { $0.words.count > $1.words.count }
            }
        }
        afterReference = Set(
            try DataFile.read("\(language)/after-reference.txt", in: directory).list().map { $0.lowercased() }
        )
        for (k, v, _) in try DataFile.read("\(language)/day-parts.tsv", in: directory).stringTable(
            usage: "word<TAB>TMO|TAF|TEV|TNI|TDT",
            valid: { DateLexicon.dayPartValues.contains($0) }
        ) {
            dayParts[k] = v
        }
        for (k, v, _) in try DataFile.read("\(language)/clock-words.tsv", in: directory).stringTable(
            usage: "word<TAB>HH:MM",
            valid: { DateLexicon.clock($0) != nil }
        ) {
            clockWords[k] = v
        }
        timeZones = Set(try DataFile.read("\(language)/time-zones.txt", in: directory).list().map { $0.lowercased() })
        for (k, v, flags) in try DataFile.read("\(language)/shifts.tsv", in: directory).integerTable(
            -1...1,
            usage: "word<TAB>-1|1"
        ) where v != 0 {
            shifts[k] = (v, flags.contains("from-previous"))
        }
        for (k, v, _) in try DataFile.read("\(language)/sets.tsv", in: directory).stringTable(
            usage: "word<TAB>P1W",
            valid: { $0.hasPrefix("P") && $0.count >= 3 }
        ) {
            sets[k] = v
        }
        quantityUnits = Set(
            try DataFile.read("\(language)/quantity-units.txt", in: directory).list().map { $0.lowercased() }
        )
    }

    static func isDeicticValue(_ v: String) -> Bool {
        if ["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains(v) { return true }
        return dayOffset(v) != nil
    }

    /// `day:-1` → (-1, nil); `day:0TNI` → (0, "TNI").
    static func dayOffset(_ v: String) -> (offset: Int, time: String?)? {
        guard v.hasPrefix("day:") else { return nil }
        var n = v.dropFirst(4)
        var time: String?
        if let t = n.firstIndex(of: "T") {
            time = String(n[t...])
            n = n[..<t]
            guard ["TMO", "TAF", "TEV", "TNI", "TDT"].contains(time!) else { return nil }
        }
        guard let offset = Int(n.hasPrefix("+") ? n.dropFirst() : n) else { return nil }
        return (offset, time)
    }

    /// `HH:MM` with HH 0–24 and MM 0–59: `(hour, minute)`.
    static func clock(_ v: String) -> (Int, Int)? {
        let parts = v.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...24).contains(h), (0...59).contains(m)
        else { return nil }
        return (h, m)
    }

    func month(_ t: Token) -> Int? {
        guard t.kind == .word, let e = months[t.lower] else { return nil }
        return e.capitalizedOnly && !t.isCapitalized ? nil : e.value
    }

    func weekday(_ t: Token) -> Int? {
        guard t.kind == .word, let e = weekdays[t.lower] else { return nil }
        return e.capitalizedOnly && !t.isCapitalized ? nil : e.value
    }
}
