import Synchronization
import TimelineCore

/// Live changes to the timeline, for subscribers: events as they become
/// durable, and withdrawals of events a changed article no longer holds.
///
/// Each subscriber has a bounded buffer. One that falls too far behind is
/// ended with `.overflowed` rather than slowing the writer or anyone else.
public final class EventFeed: Sendable {
    public enum Item: Sendable, Hashable {
        case event(TimelineEvent)
        case retracted([String])
    }

    private struct Subscriber {
        var matcher: TimelineQuery.Matcher
        var continuation: AsyncStream<Item>.Continuation
    }

    private let subscribers = Mutex<[Int: Subscriber]>([:])
    private let nextID = Atomic<Int>(1)
    private let overflowed = Mutex<Set<Int>>([])

    public init() {}

    public var count: Int { subscribers.withLock { $0.count } }

    /// Starts a subscription; it ends when the stream's consumer stops
    /// (the task is cancelled) or `unsubscribe` is called.
    public func subscribe(_ query: TimelineQuery, buffer: Int = 4096) -> (id: Int, items: AsyncStream<Item>) {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        let (stream, continuation) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingOldest(buffer))
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        subscribers.withLock { $0[id] = Subscriber(matcher: TimelineQuery.Matcher(query), continuation: continuation) }
        return (id, stream)
    }

    public func unsubscribe(_ id: Int) {
        remove(id)?.continuation.finish()
    }

    /// True (once) if subscription `id` was ended because its consumer fell behind.
    public func takeOverflowed(_ id: Int) -> Bool {
        overflowed.withLock { $0.remove(id) != nil }
    }

    @discardableResult
    private func remove(_ id: Int) -> Subscriber? {
        subscribers.withLock { $0.removeValue(forKey: id) }
    }

    /// Hands durable changes to every subscriber whose filter they match.
    func publish(retracted: [String], events: [TimelineEvent]) {
        let current = subscribers.withLock { $0 }
        for (id, s) in current {
            var items: [Item] = []
            if !retracted.isEmpty { items.append(.retracted(retracted)) }
            items += events.filter(s.matcher.matches).map(Item.event)
            for item in items {
                if case .dropped = s.continuation.yield(item) {
                    // Too slow: end it plainly instead of silently losing events.
                    overflowed.withLock { _ = $0.insert(id) }
                    remove(id)
                    s.continuation.finish()
                    break
                }
            }
        }
    }
}
