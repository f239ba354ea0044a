/// A calendar date value in TIMEX3 form at the granularity the text gave:
/// `2024-04-17`, `2024-04`, `2024`, `2024-SU`, `2023-Q1`, `2024-H1`, `2019-W47`,
/// `201` (the 2010s), `20` (the 1900s… the century 2000–2099).
///
/// Every value covers a closed interval of days (`interval`), which is what
/// queries compare; the string form is what users and the scorers see.
public struct TimexValue: Hashable, Sendable {
    public enum Season: String, Sendable, CaseIterable {
        case spring = "SP"
        case summer = "SU"
        case fall = "FA"
        case winter = "WI"
    }

    public enum Kind: Hashable, Sendable {
        case day(CivilDate)
        case week(year: Int, week: Int)
        case month(year: Int, month: Int)
        case season(year: Int, Season)
        case quarter(year: Int, quarter: Int)
        case half(year: Int, half: Int)
        case year(Int)
        case decade(Int)  // 201 = 2010–2019
        case century(Int)  // 20 = 2000–2099
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public static func day(_ d: CivilDate) -> TimexValue { TimexValue(.day(d)) }

    /// The days this value covers.
    public var interval: DayInterval {
        func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }
        func monthEnd(_ y: Int, _ m: Int) -> CivilDate { d(y, m, CivilDate.daysIn(month: m, year: y)) }
        switch kind {
        case .day(let date):
            return DayInterval(start: date, end: date)
        case .week(let y, let w):
            let monday = CivilDate.mondayOfISOWeek(w, year: y)!
            return DayInterval(start: monday, end: monday.adding(days: 6))
        case .month(let y, let m):
            return DayInterval(start: d(y, m, 1), end: monthEnd(y, m))
        case .season(let y, let s):
            // Meteorological seasons, northern hemisphere; winter runs into the next year.
            switch s {
            case .spring: return DayInterval(start: d(y, 3, 1), end: d(y, 5, 31))
            case .summer: return DayInterval(start: d(y, 6, 1), end: d(y, 8, 31))
            case .fall: return DayInterval(start: d(y, 9, 1), end: d(y, 11, 30))
            case .winter: return DayInterval(start: d(y, 12, 1), end: monthEnd(y + 1, 2))
            }
        case .quarter(let y, let q):
            return DayInterval(start: d(y, 3 * q - 2, 1), end: monthEnd(y, 3 * q))
        case .half(let y, let h):
            return DayInterval(start: d(y, 6 * h - 5, 1), end: monthEnd(y, 6 * h))
        case .year(let y):
            return DayInterval(start: d(y, 1, 1), end: d(y, 12, 31))
        case .decade(let dec):
            return DayInterval(start: d(dec * 10, 1, 1), end: d(dec * 10 + 9, 12, 31))
        case .century(let c):
            return DayInterval(start: d(c * 100, 1, 1), end: d(c * 100 + 99, 12, 31))
        }
    }

    /// How precise the value is; lower is more precise. Orders events that start on the same day.
    public var precision: Int {
        switch kind {
        case .day: return 0
        case .week: return 1
        case .month: return 2
        case .season, .quarter: return 3
        case .half: return 4
        case .year: return 5
        case .decade: return 6
        case .century: return 7
        }
    }
}

extension TimexValue: CustomStringConvertible, LosslessStringConvertible {
    public var description: String {
        let p = CivilDate.pad
        switch kind {
        case .day(let date): return date.description
        case .week(let y, let w): return "\(p(y, 4))-W\(p(w, 2))"
        case .month(let y, let m): return "\(p(y, 4))-\(p(m, 2))"
        case .season(let y, let s): return "\(p(y, 4))-\(s.rawValue)"
        case .quarter(let y, let q): return "\(p(y, 4))-Q\(q)"
        case .half(let y, let h): return "\(p(y, 4))-H\(h)"
        case .year(let y): return p(y, 4)
        case .decade(let dec): return p(dec, 3)
        case .century(let c): return p(c, 2)
        }
    }

    /// Parses a TIMEX3 calendar value; `nil` for anything else, including impossible
    /// dates (`2024-13-45`) and values with no interval (`PRESENT_REF`, `P5Y`).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var n = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        switch bytes.count {
        case 2:
            guard let c = digits(0..<2) else { return nil }
            self.init(.century(c))
        case 3:
            guard let dec = digits(0..<3) else { return nil }
            self.init(.decade(dec))
        case 4:
            guard let y = digits(0..<4) else { return nil }
            self.init(.year(y))
        case 7, 8, 10:
            guard let y = digits(0..<4), bytes[4] == UInt8(ascii: "-") else { return nil }
            let rest = String(decoding: bytes[5...], as: UTF8.self)
            if bytes.count == 10 {
                guard bytes[7] == UInt8(ascii: "-"), let m = digits(5..<7), let d = digits(8..<10),
                    let date = CivilDate(year: y, month: m, day: d)
                else { return nil }
                self.init(.day(date))
            } else if bytes.count == 8 {
                guard bytes[5] == UInt8(ascii: "W"), let w = digits(6..<8), w >= 1,
                    w <= CivilDate.isoWeeks(in: y)
                else { return nil }
                self.init(.week(year: y, week: w))
            } else if let m = digits(5..<7) {
                guard (1...12).contains(m) else { return nil }
                self.init(.month(year: y, month: m))
            } else if rest == "AU" {
                self.init(.season(year: y, .fall))
            } else if let s = Season(rawValue: rest) {
                self.init(.season(year: y, s))
            } else if bytes[5] == UInt8(ascii: "Q"), let q = digits(6..<7), (1...4).contains(q) {
                self.init(.quarter(year: y, quarter: q))
            } else if bytes[5] == UInt8(ascii: "H"), let h = digits(6..<7), (1...2).contains(h) {
                self.init(.half(year: y, half: h))
            } else {
                return nil
            }
        default:
            return nil
        }
    }
}

extension TimexValue: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = TimexValue(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a TIMEX3 date value: \(text)")
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
