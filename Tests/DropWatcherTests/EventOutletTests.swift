import Testing

@testable import DropWatcher

/// The bridge from the watcher thread to the bounded stream, without inotify.
@Suite struct EventOutletTests {
    @Test func fullBufferIsRepaidWithOneRescanOnceThereIsRoom() async throws {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: DropEvent.self,
            throwing: (any Error).self,
            bufferingPolicy: .bufferingOldest(2)
        )
        var outlet = EventOutlet(continuation: continuation, logger: testLogger("outlet"))

        for name in ["a", "b", "c", "d"] { outlet.send(.ready(path: "/drop/\(name)")) }
        #expect(outlet.owesRescan)
        outlet.payDebt()  // still full: nothing changes
        #expect(outlet.owesRescan)

        var events = stream.makeAsyncIterator()
        #expect(try await events.next() == .ready(path: "/drop/a"))
        // Room again: the next event is replaced by the owed rescan, which covers it.
        outlet.send(.ready(path: "/drop/e"))
        #expect(!outlet.owesRescan)
        outlet.send(.ready(path: "/drop/f"))
        outlet.finish()

        var rest: [DropEvent] = []
        while let event = try await events.next() { rest.append(event) }
        #expect(rest == [.ready(path: "/drop/b"), .rescan(reason: .bufferFull)])
    }

    @Test func debtIsPaidOnWakeUpWithoutNewEvents() async throws {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: DropEvent.self,
            throwing: (any Error).self,
            bufferingPolicy: .bufferingOldest(1)
        )
        var outlet = EventOutlet(continuation: continuation, logger: testLogger("outlet"))
        outlet.send(.rescan(reason: .startup))
        outlet.send(.ready(path: "/drop/a"))
        var events = stream.makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))
        outlet.payDebt()
        outlet.finish()
        #expect(try await events.next() == .rescan(reason: .bufferFull))
        #expect(try await events.next() == nil)
    }

    @Test func terminatedStreamIsNoticed() {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: DropEvent.self,
            throwing: (any Error).self,
            bufferingPolicy: .bufferingOldest(4)
        )
        var outlet = EventOutlet(continuation: continuation, logger: testLogger("outlet"))
        continuation.finish()
        outlet.send(.ready(path: "/drop/a"))
        #expect(outlet.isTerminated)
        _ = stream
    }
}
