/// One temporal expression found by the tagger, located by token indices.
struct TemporalMention: Sendable {
    /// Token indices: `tokens[first..<end]`.
    var first: Int
    var end: Int
    var reference: TemporalReference
    /// TIMEX3 `mod` from a modifier word (`early` → START).
    var mod: String?
    /// One end of a span of years or dates (`2021–2035`, `from 2020 to 2024`):
    /// not a date a happening is placed at.
    var isRangeEnd = false
    /// A span of days (`October 23-25`): dated by its first day.
    var isDaySpan = false
}
