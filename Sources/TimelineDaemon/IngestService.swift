import DropWatcher
import EventLog
import Logging
import NIOPosix
import ServiceLifecycle

/// Feeds files from the watcher to the ingestor, a bounded number at a time.
///
/// On graceful shutdown it stops taking new files and lets the ones in hand finish.
struct IngestService: Service {
    let watcher: DropWatcher
    let ingestor: Ingestor
    let status: DaemonStatus
    let workers: Int
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for try await event in watcher.events().cancelOnGracefulShutdown() {
                switch event {
                case .ready(let path):
                    try await submit(path, to: &group, running: &running)
                case .rescan(let reason):
                    logger.info("scanning the drop folder", metadata: ["reason": "\(reason.rawValue)"])
                    let root = ingestor.root
                    let files = try await ingestor.threadPool.runIfActive { DropScanner.scan(root: root) }
                    let index = ingestor.store.snapshot
                    let new = files.filter { !index.hasFile(path: $0.path, size: $0.size, modified: $0.modified) }
                    logger.info("scan found \(files.count) files, \(new.count) not yet logged")
                    for file in new { try await submit(file.path, to: &group, running: &running) }
                    if reason == .startup {
                        // Caught up only once every file present at start is in.
                        while try await group.next() != nil { running -= 1 }
                        status.markCaughtUp()
                        notifier.notify("STATUS=\(status.summary)")
                        logger.info("caught up", metadata: ["status": "\(status.summary)"])
                    }
                }
            }
        }
        notifier.notify("STATUS=stopped watching; \(status.summary)")
    }

    private func submit(_ path: String, to group: inout ThrowingTaskGroup<Void, any Error>, running: inout Int)
        async throws
    {
        if running >= workers {
            _ = try await group.next()
            running -= 1
        }
        status.queued()
        let ingestor = self.ingestor
        let status = self.status
        let notifier = self.notifier
        group.addTask {
            let ok = await ingestor.ingest(path)
            status.finished(failed: !ok)
            notifier.notify("STATUS=\(status.summary)")
        }
        running += 1
    }
}
