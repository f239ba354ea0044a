import Testing

@testable import TimelineDaemon

@Suite struct IngestSchedulerTests {
    @Test func startsUpToTheWorkerLimitInOrder() {
        var s = IngestScheduler(workers: 2)
        #expect(s.submit("a") == ["a"])
        #expect(s.submit("b") == ["b"])
        #expect(s.submit("c") == [])
        #expect(s.pending == 3)
        #expect(s.finished("a") == ["c"])
        #expect(s.finished("b") == [])
        #expect(s.finished("c") == [])
        #expect(s.isIdle)
    }

    @Test func aPathChangedWhileInFlightRunsAgainOnceAfterward() {
        var s = IngestScheduler(workers: 4)
        #expect(s.submit("a") == ["a"])
        #expect(s.submit("a") == [])
        #expect(s.submit("a") == [])
        #expect(s.finished("a") == ["a"])
        #expect(s.finished("a") == [])
        #expect(s.isIdle)
    }

    @Test func aQueuedPathIsQueuedOnce() {
        var s = IngestScheduler(workers: 1)
        #expect(s.submit("a") == ["a"])
        #expect(s.submit("b") == [])
        #expect(s.submit("b") == [])
        #expect(s.finished("a") == ["b"])
        #expect(s.finished("b") == [])
        #expect(s.isIdle)
    }

    @Test func neverTwoOfOnePathAtOnce() {
        var s = IngestScheduler(workers: 3)
        #expect(s.submit("a") == ["a"])
        #expect(s.submit("b") == ["b"])
        #expect(s.submit("a") == [])  // waits for the running "a"
        #expect(s.submit("c") == ["c"])
        #expect(s.finished("b") == [])
        #expect(s.finished("a") == ["a"])
    }

    @Test func shutdownDropsWhatHasNotStarted() {
        var s = IngestScheduler(workers: 1)
        _ = s.submit("a")
        _ = s.submit("b")
        _ = s.submit("a")
        s.dropQueued()
        #expect(s.pending == 1)
        #expect(s.finished("a") == [])
        #expect(s.isIdle)
    }
}
