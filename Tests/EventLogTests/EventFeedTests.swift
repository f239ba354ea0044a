import Testing
import TimelineCore

@testable import EventLog

@Suite struct EventFeedTests {
    @Test func subscribersGetWhatMatchesTheirFilter() async {
        let feed = EventFeed()
        let (_, meetings) = feed.subscribe(TimelineQuery(types: [.meeting]))
        let (_, all) = feed.subscribe(TimelineQuery())
        feed.publish(
            retracted: ["old-1"],
            events: [Fixtures.event("m", "2024-04-17", .meeting), Fixtures.event("v", "2024", .visit)]
        )
        var m = meetings.makeAsyncIterator()
        var a = all.makeAsyncIterator()
        #expect(await m.next() == .retracted(["old-1"]))
        #expect(await m.next()?.eventID == "m")
        #expect(await a.next() == .retracted(["old-1"]))
        #expect(await a.next()?.eventID == "m")
        #expect(await a.next()?.eventID == "v")
    }

    @Test func aSubscriberThatFallsBehindIsEndedNotSilentlyShortchanged() async {
        let feed = EventFeed()
        let (id, items) = feed.subscribe(TimelineQuery(), buffer: 2)
        feed.publish(retracted: [], events: (0..<5).map { Fixtures.event("e\($0)", "2024") })
        var received: [String] = []
        for await item in items { received.append(item.eventID ?? "?") }
        #expect(received == ["e0", "e1"])
        #expect(feed.takeOverflowed(id))
        #expect(feed.count == 0)
        // Others are unaffected by it.
        let (_, later) = feed.subscribe(TimelineQuery())
        feed.publish(retracted: [], events: [Fixtures.event("x", "2025")])
        var it = later.makeAsyncIterator()
        #expect(await it.next()?.eventID == "x")
    }

    @Test func unsubscribeEndsTheStream() async {
        let feed = EventFeed()
        let (id, items) = feed.subscribe(TimelineQuery())
        feed.unsubscribe(id)
        var it = items.makeAsyncIterator()
        #expect(await it.next() == nil)
        #expect(feed.takeOverflowed(id) == false)
    }
}

extension EventFeed.Item {
    var eventID: String? { if case .event(let e) = self { e.id } else { nil } }
}
