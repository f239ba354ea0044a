/// The kinds of happening the timeline holds, as `eval/GUIDELINES.md` defines them.
public enum EventType: String, Codable, CaseIterable, Sendable, Comparable {
    case meeting, visit, deadline, approval, agreement, launch, announcement

    public static func < (a: EventType, b: EventType) -> Bool { a.rawValue < b.rawValue }
}
