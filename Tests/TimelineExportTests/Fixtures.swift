import TimelineCore

enum Fixtures {
    static func event(
        id: String = "abc123-1",
        type: EventType = .deadline,
        date: String = "2024-04-17",
        evidence: String = "A deadline on April 17.",
        path: String = "/drop/a.txt",
        title: String? = "A title",
        places: [String] = [],
        organizations: [String] = []
    ) -> TimelineEvent {
        TimelineEvent(
            id: id,
            type: type,
            date: TimexValue(date)!,
            evidence: evidence,
            source: SourceReference(path: path, title: title, document: String(repeating: "ab", count: 32)),
            places: places,
            organizations: organizations
        )
    }
}
