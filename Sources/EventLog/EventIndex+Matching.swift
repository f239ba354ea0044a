import TimelineCore

extension EventIndex.Tier {
    /// `matcher.matches(event(at: k))`, read from the columns without making the event.
    @inline(__always) func matches(_ matcher: TimelineQuery.Matcher, _ k: Int) -> Bool {
        let start = textStarts[k] + Int(idLengths[k])
        let n = Int(evidenceLengths[k])
        return text.withUnsafeBufferPointer { text in
            matcher.matches(
                startDay: startDay(k),
                endDay: Int(ends[k]),
                type: EventIndex.type(ofBit: typeBits[k]),
                places: lists[Int(placeLists[k])],
                organizations: lists[Int(organizationLists[k])],
                source: sources[Int(sourceNumbers[k])],
                evidence: UnsafeBufferPointer(rebasing: text[start..<start + n])
            )
        }
    }
}
