import TimelineCore

extension EventIndex.Tier {
    /// Stands for the source when the matcher does not read it.
    private static let unread = SourceReference(path: "", title: nil, document: "")

    /// `matcher.matches(event(at: k))`, read from the columns without making the event.
    @inline(__always) func matches(_ matcher: TimelineQuery.Matcher, _ k: Int) -> Bool {
        let start = textStarts[k] + Int(idLengths[k])
        let n = Int(evidenceLengths[k])
        let day = startDay(k)
        let end = Int(ends[k])
        let type = EventIndex.type(ofBit: typeBits[k])
        // Names are copied out only for a filter that reads them: each copy is a retain.
        let named = matcher.readsNames
        let places = named ? lists[Int(placeLists[k])] : []
        let organizations = named ? lists[Int(organizationLists[k])] : []
        let source = matcher.readsSource ? sources[Int(sourceNumbers[k])] : Self.unread
        return text.withUnsafeBufferPointer { text in
            matcher.matches(
                startDay: day,
                endDay: end,
                type: type,
                places: places,
                organizations: organizations,
                source: source,
                evidence: UnsafeBufferPointer(rebasing: text[start..<start + n])
            )
        }
    }
}
