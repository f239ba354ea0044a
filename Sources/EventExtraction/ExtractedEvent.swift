import TimelineCore

/// One dated happening found in an article.
public struct ExtractedEvent: Sendable, Equatable {
    public let type: EventType
    public let date: TimexValue
    /// The whole sentence, whitespace-normalised.
    public let evidence: String
    /// Places named in the sentence, normalised (`Heilongjiang Province` → `Heilongjiang`).
    public let places: [String]
    /// Organisations named in the sentence, normalised (`DPRK` → `North Korea` is a place).
    public let organizations: [String]
    /// Code-point offset of the sentence in `ArticleText.text`.
    public let sentenceStart: Int

    public init(
        type: EventType,
        date: TimexValue,
        evidence: String,
        places: [String],
        organizations: [String],
        sentenceStart: Int
    ) {
        self.type = type
        self.date = date
        self.evidence = evidence
        self.places = places
        self.organizations = organizations
        self.sentenceStart = sentenceStart
    }
}
