/// One temporal expression in an article.
public struct Timex: Sendable, Equatable {
    /// Unicode code-point offsets into `ArticleText.text`; `end` is exclusive.
    public let start: Int
    public let end: Int
    public let text: String
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    public let type: String
    /// The TIMEX3 value: `2024-04-17`, `2024-W21`, `P5Y`, `PRESENT_REF` …
    public let value: String
    /// `START`, `MID`, `END`, `APPROX` … where the text gives a modifier.
    public let mod: String?

    public init(start: Int, end: Int, text: String, type: String, value: String, mod: String?) {
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.value = value
        self.mod = mod
    }
}
