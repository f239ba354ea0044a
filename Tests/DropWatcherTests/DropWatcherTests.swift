import Foundation
import Synchronization
import Testing

@testable import DropWatcher

#if canImport(Glibc)
import Glibc
#endif

/// The real watcher on real directories. Serialized: libinotifytools is one
/// instance per process (a second watcher would wait for the first anyway).
/// No sleeps decide outcomes: each test ends its observation window by writing a
/// sentinel file and reading up to its `.ready`, which inotify queues after
/// everything written before it.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct DropWatcherTests {
    @Test func startupComesFirstThenDirectWriteIsReady() async throws {
        let drop = try TemporaryDirectory()
        try writeFile(drop.at("already-there.txt"))  // no event: the startup rescan covers it
        let watcher = DropWatcher(root: drop.path, logger: testLogger("direct"))
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        try writeFile(drop.at("a.txt"), "A meeting on April 17.\n")
        let seen = try await events.collect(until: .ready(path: drop.at("a.txt")))
        #expect(seen == [.ready(path: drop.at("a.txt"))])

        watcher.stop()
        #expect(try await events.next() == nil)
    }

    @Test func tempFileRenamedIsReadyOnceUnderItsFinalName() async throws {
        let drop = try TemporaryDirectory()
        let watcher = DropWatcher(root: drop.path, logger: testLogger("rename"))
        defer { watcher.stop() }
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        try writeFile(drop.at(".x.tmp"), "partial, then complete\n")
        try renameItem(drop.at(".x.tmp"), drop.at("x.txt"))
        try writeFile(drop.at("zz-sentinel.txt"))
        let seen = try await events.collect(until: .ready(path: drop.at("zz-sentinel.txt")))

        #expect(seen == [.ready(path: drop.at("x.txt")), .ready(path: drop.at("zz-sentinel.txt"))])
    }

    @Test func fileWrittenRightAfterMkdirIsReady() async throws {
        let drop = try TemporaryDirectory()
        let gate = Gate()
        // The heartbeat runs on the watcher thread: holding it there makes the race
        // certain, the files below exist before any watch on their directories can.
        let watcher = DropWatcher(root: drop.path, logger: testLogger("mkdir")) { gate.waitWhileClosed() }
        defer { watcher.stop() }
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        gate.close()
        try makeDirectory(drop.at("fresh"))
        try makeDirectory(drop.at("fresh/a"))
        try makeDirectory(drop.at("fresh/a/b"))
        try writeFile(drop.at("fresh/a/b/c.txt"))
        gate.open()
        // The new directories are watched from now on.
        try writeFile(drop.at("fresh/a/b/later.txt"))
        let seen = try await events.collect(until: .ready(path: drop.at("fresh/a/b/later.txt")))

        #expect(seen.filter { $0 == .ready(path: drop.at("fresh/a/b/c.txt")) }.count == 1)
    }

    @Test func directoryMovedInIsScannedAndWatched() async throws {
        let drop = try TemporaryDirectory()
        let staging = try TemporaryDirectory("dropwatcher-staging")  // same filesystem: a real rename
        try makeDirectory(staging.at("batch"))
        try makeDirectory(staging.at("batch/deep"))
        try writeFile(staging.at("batch/deep/one.txt"))
        try makeDirectory(staging.at("batch/page_files"))
        try writeFile(staging.at("batch/page_files/asset.txt"))

        let watcher = DropWatcher(root: drop.path, logger: testLogger("move-in"))
        defer { watcher.stop() }
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        try renameItem(staging.at("batch"), drop.at("batch"))
        try writeFile(drop.at("batch/deep/two.txt"))
        try writeFile(drop.at("batch/page_files/asset2.txt"))  // not watched, not reported
        try writeFile(drop.at("zz-sentinel.txt"))
        let seen = try await events.collect(until: .ready(path: drop.at("zz-sentinel.txt")))

        #expect(seen.contains(.ready(path: drop.at("batch/deep/one.txt"))))
        #expect(seen.contains(.ready(path: drop.at("batch/deep/two.txt"))))
        #expect(!seen.contains { if case .ready(let path) = $0 { path.contains("_files") } else { false } })
    }

    @Test func directoryRenamedWithinTheTreeReportsNewPaths() async throws {
        let drop = try TemporaryDirectory()
        try makeDirectory(drop.at("old"))
        let watcher = DropWatcher(root: drop.path, logger: testLogger("rename-dir"))
        defer { watcher.stop() }
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        try renameItem(drop.at("old"), drop.at("new"))
        try writeFile(drop.at("new/inside.txt"))
        let seen = try await events.collect(until: .ready(path: drop.at("new/inside.txt")))
        #expect(!seen.contains(.ready(path: drop.at("old/inside.txt"))))
    }

    @Test func directoryMovedOutOfTheTreeRebuildsWatches() async throws {
        let drop = try TemporaryDirectory()
        let outside = try TemporaryDirectory("dropwatcher-outside")
        try makeDirectory(drop.at("sub"))
        let watcher = DropWatcher(root: drop.path, logger: testLogger("move-out"))
        defer { watcher.stop() }
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        try renameItem(drop.at("sub"), outside.at("sub"))
        var seen = try await events.collect(until: .rescan(reason: .unmatchedMove))
        // The old watch would report this as drop/sub/late.txt; the rebuild removed it.
        try writeFile(outside.at("sub/late.txt"))
        try writeFile(drop.at("zz-sentinel.txt"))
        seen += try await events.collect(until: .ready(path: drop.at("zz-sentinel.txt")))

        #expect(!seen.contains { if case .ready(let path) = $0 { path.hasPrefix(drop.at("sub")) } else { false } })
    }

    @Test func slowWriterIsReadyOnceAfterClose() async throws {
        let drop = try TemporaryDirectory()
        let watcher = DropWatcher(root: drop.path, logger: testLogger("slow"))
        defer { watcher.stop() }
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        let path = drop.at("slow.txt")
        let chunk = String(repeating: "Heilongjiang approved it on 27 January 2022.\n", count: 100)
        let chunks = 4
        let sentinel = drop.at("zz-sentinel.txt")
        let writer = Task {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw SystemCallFailed(call: "open", path: path, errno: errno) }
            for _ in 0..<chunks {
                try writeAll(fd, chunk, path: path)
                try await Task.sleep(for: .milliseconds(150))  // pacing, not an assertion
            }
            close(fd)
            try writeFile(sentinel)
        }

        var sizeWhenReady: Int?
        let seen = try await events.collect { event in
            if event == .ready(path: path) {
                var info = stat()
                if lstat(path, &info) == 0 { sizeWhenReady = Int(info.st_size) }
            }
            return event == .ready(path: sentinel)
        }
        try await writer.value

        #expect(seen.filter { $0 == .ready(path: path) }.count == 1)
        // Reported only once every chunk was in: not on create or on a partial write.
        #expect(sizeWhenReady == chunk.utf8.count * chunks)
    }

    @Test func fullBufferBecomesOneRescanNotASilentLoss() async throws {
        let drop = try TemporaryDirectory()
        let wakeUps = Atomic<Int>(0)
        let watcher = DropWatcher(root: drop.path, bufferSize: 8, logger: testLogger("buffer")) {
            wakeUps.add(1, ordering: .relaxed)
        }
        defer { watcher.stop() }
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        let files = 500
        for index in 0..<files { try writeFile(drop.at("file-\(index).txt")) }
        // Each file gives IN_CREATE and IN_CLOSE_WRITE; wait (not consuming) until
        // the watcher thread has handled them all, so the buffer of 8 overflowed.
        while wakeUps.load(ordering: .relaxed) < 2 * files {
            try await Task.sleep(for: .milliseconds(20))
        }

        let seen = try await events.collect(until: .rescan(reason: .bufferFull))
        #expect(seen.count == 9)  // the 8 buffered events, then the owed rescan
        #expect(seen.dropLast().allSatisfy { if case .ready = $0 { true } else { false } })

        // After the rescan, live events flow again.
        try writeFile(drop.at("after.txt"))
        let after = try await events.collect(until: .ready(path: drop.at("after.txt")))
        #expect(!after.contains(.rescan(reason: .bufferFull)))
    }

    @Test func kernelQueueOverflowRebuildsWatchesAndAsksForRescan() async throws {
        let maxQueued =
            Int(
                (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            ) ?? 16_384
        try #require(maxQueued <= 40_000, "max_queued_events too large to flood quickly")
        let drop = try TemporaryDirectory()
        try makeDirectory(drop.at("sub"))
        let gate = Gate()
        // The heartbeat runs on the watcher thread: holding it there stops the reads.
        let watcher = DropWatcher(root: drop.path, bufferSize: 100_000, logger: testLogger("overflow")) {
            gate.waitWhileClosed()
        }
        defer { watcher.stop() }
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))

        gate.close()  // the first event's heartbeat now holds the thread
        for index in 0..<(maxQueued / 2 + 500) { try writeFile(drop.at("sub/flood-\(index).txt")) }
        gate.open()

        _ = try await events.collect(until: .rescan(reason: .overflow))
        try writeFile(drop.at("sub/after-overflow.txt"))
        _ = try await events.collect(until: .ready(path: drop.at("sub/after-overflow.txt")))
    }

    @Test func missingRootFinishesWithError() async throws {
        let drop = try TemporaryDirectory()
        let watcher = DropWatcher(root: drop.at("absent"), logger: testLogger("missing"))
        let error = await #expect(throws: DropWatcherError.self) {
            for try await _ in watcher.events() {}
        }
        #expect(error?.code == .rootMissing)
        #expect(error?.message.contains(drop.at("absent")) == true)
    }

    @Test func fileAsRootFinishesWithError() async throws {
        let drop = try TemporaryDirectory()
        try writeFile(drop.at("plain.txt"))
        let watcher = DropWatcher(root: drop.at("plain.txt"), logger: testLogger("file-root"))
        let error = await #expect(throws: DropWatcherError.self) {
            for try await _ in watcher.events() {}
        }
        #expect(error?.code == .notADirectory)
    }

    @Test func deletedRootFinishesWithError() async throws {
        let drop = try TemporaryDirectory()
        let root = drop.at("watched")
        try makeDirectory(root)
        let watcher = DropWatcher(root: root, logger: testLogger("deleted-root"))
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))
        #expect(rmdir(root) == 0)
        let error = await #expect(throws: DropWatcherError.self) {
            while try await events.next() != nil {}
        }
        #expect(error?.code == .rootRemoved)
    }

    @Test func cancellingTheConsumerStopsTheThread() async throws {
        let drop = try TemporaryDirectory()
        let first = DropWatcher(root: drop.path, logger: testLogger("cancel"))
        let consumer = Task {
            for try await _ in first.events() {}
        }
        consumer.cancel()
        _ = await consumer.result

        // Only one session owns the library at a time: the second starts only once
        // the first thread has really stopped (the time limit catches a hang).
        let second = DropWatcher(root: drop.path, logger: testLogger("cancel-2"))
        defer { second.stop() }
        var events = second.events().makeAsyncIterator()
        #expect(try await events.next() == .rescan(reason: .startup))
    }

    @Test func stopBeforeEventsGivesAFinishedStream() async throws {
        let drop = try TemporaryDirectory()
        let watcher = DropWatcher(root: drop.path, logger: testLogger("stopped"))
        watcher.stop()
        var events = watcher.events().makeAsyncIterator()
        #expect(try await events.next() == nil)
    }
}

/// Blocks the watcher thread (never a cooperative-pool thread) while closed.
private final class Gate: Sendable {
    private let condition = NSCondition()
    private let isOpen = Mutex(true)

    func close() {
        isOpen.withLock { $0 = false }
    }

    func waitWhileClosed() {
        condition.lock()
        while !isOpen.withLock({ $0 }) { condition.wait() }
        condition.unlock()
    }

    func open() {
        condition.lock()
        isOpen.withLock { $0 = true }
        condition.broadcast()
        condition.unlock()
    }
}
