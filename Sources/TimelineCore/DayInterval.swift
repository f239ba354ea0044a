/// A closed range of calendar days: the span a date value covers.
public struct DayInterval: Hashable, Sendable {
    public let start: CivilDate
    /// Inclusive.
    public let end: CivilDate

    public init(start: CivilDate, end: CivilDate) {
        precondition(start <= end, "interval ends before it starts")
        self.start = start
        self.end = end
    }

    /// True when the two intervals share at least one day.
    public func overlaps(_ other: DayInterval) -> Bool {
        start <= other.end && other.start <= end
    }

    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }
}
