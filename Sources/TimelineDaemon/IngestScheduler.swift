/// Decides which files to ingest now: at most `workers` at once, never two
/// ingests of the same path at once, and a path that changes while it is
/// being ingested is ingested again afterwards (so the last version wins).
///
/// Pure state: the ingest service feeds it events and starts what it returns.
struct IngestScheduler {
    let workers: Int
    private(set) var inFlight: Set<String> = []
    private var queue: [String] = []
    private var queued: Set<String> = []
    private var again: Set<String> = []

    init(workers: Int) {
        precondition(workers > 0)
        self.workers = workers
    }

    /// Files waiting or being ingested.
    var pending: Int { inFlight.count + queue.count + again.count }
    var isIdle: Bool { pending == 0 }

    /// A file is ready. Returns the paths to start now.
    mutating func submit(_ path: String) -> [String] {
        if inFlight.contains(path) {
            again.insert(path)
            return []
        }
        if queued.insert(path).inserted { queue.append(path) }
        return startable()
    }

    /// An ingest finished. Returns the paths to start now.
    mutating func finished(_ path: String) -> [String] {
        inFlight.remove(path)
        if again.remove(path) != nil, queued.insert(path).inserted {
            queue.append(path)
        }
        return startable()
    }

    /// Forgets everything not yet started (at shutdown: the next start's scan finds them).
    mutating func dropQueued() {
        queue.removeAll()
        queued.removeAll()
        again.removeAll()
    }

    private mutating func startable() -> [String] {
        var start: [String] = []
        var i = 0
        while inFlight.count < workers, i < queue.count {
            let path = queue[i]
            if inFlight.contains(path) {
                i += 1
                continue
            }
            queue.remove(at: i)
            queued.remove(path)
            inFlight.insert(path)
            start.append(path)
        }
        return start
    }
}
