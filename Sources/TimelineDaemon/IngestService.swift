import DropWatcher
import EventLog
import Logging
import NIOPosix
import ServiceLifecycle

/// Feeds files from the watcher to the ingestor, as the scheduler allows.
///
/// On graceful shutdown it stops taking new files and lets the ones in hand finish.
struct IngestService: Service {
    let watcher: DropWatcher
    let ingestor: Ingestor
    let status: DaemonStatus
    let workers: Int
    let notifier: SystemdNotifier
    let logger: Logger

    private enum Input: Sendable {
        case drop(DropEvent)
        case finished(path: String, ok: Bool)
        case watcherEnded((any Error)?)
    }

    func run() async throws {
        let (inputs, sink) = AsyncStream.makeStream(of: Input.self)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                do {
                    for try await event in watcher.events().cancelOnGracefulShutdown() { sink.yield(.drop(event)) }
                    sink.yield(.watcherEnded(nil))
                } catch {
                    sink.yield(.watcherEnded(error))
                }
            }
            var scheduler = IngestScheduler(workers: workers)
            var catchingUp = false
            var ended: (any Error)?? = nil

            func start(_ paths: [String]) {
                for path in paths {
                    group.addTask {
                        let ok = await ingestor.ingest(path)
                        sink.yield(.finished(path: path, ok: ok))
                    }
                }
                status.setPending(scheduler.pending)
            }

            for await input in inputs {
                switch input {
                case .drop(.ready(let path)):
                    start(scheduler.submit(path))
                case .drop(.rescan(let reason)):
                    logger.info("scanning the drop folder", metadata: ["reason": "\(reason.rawValue)"])
                    let root = ingestor.root
                    let files = try await ingestor.threadPool.runIfActive {
                        DropScanner.scan(root: root, includingSpecialFiles: true)
                    }
                    let index = ingestor.store.snapshot
                    let new = files.filter { !index.hasFile(path: $0.path, size: $0.size, modified: $0.modified) }
                    logger.info("scan found \(files.count) files, \(new.count) not yet logged")
                    for file in new { start(scheduler.submit(file.path)) }
                    if reason == .startup { catchingUp = true }
                case .finished(let path, let ok):
                    status.finished(failed: !ok)
                    start(scheduler.finished(path))
                    notifier.notify("STATUS=\(status.summary)")
                case .watcherEnded(let error):
                    ended = .some(error)
                    // Finish the files in hand; the next start's scan finds the rest.
                    scheduler.dropQueued()
                    status.setPending(scheduler.pending)
                }
                if catchingUp && scheduler.isIdle {
                    catchingUp = false
                    status.markCaughtUp()
                    notifier.notify("STATUS=\(status.summary)")
                    logger.info("caught up", metadata: ["status": "\(status.summary)"])
                }
                if let ended, scheduler.isIdle {
                    sink.finish()
                    if let error = ended { throw error }
                }
            }
        }
        notifier.notify("STATUS=stopped watching; \(status.summary)")
    }
}
