import EventLog
import Foundation
import NIOPosix
import TimelineCore
import TimelineProtocol
import TimelineServer

/// Answers the socket's methods from the store's current index.
struct QueryService: RequestHandler {
    let store: EventStore
    let status: DaemonStatus
    let dropDir: String

    func handle(_ request: RPCRequest, connection: ConnectionContext) async throws -> any Encodable & Sendable {
        let index = store.snapshot
        switch request.method {
        case Methods.query:
            let params = try request.decodeParams(QueryParams.self)
            let query = try params.query()
            let page = params.merge == false ? index.query(query) : index.mergedQuery(query)
            return QueryResult(events: page.events, nextCursor: page.next?.cursor)
        case Methods.event:
            let id = try request.decodeParams(EventParams.self).id
            guard let event = index.mergedEvent(id: id) else { throw RPCError.notFound("no event with id '\(id)'") }
            return event
        case Methods.sources:
            _ = try request.decodeParams(NoParams.self)
            // Checked when asked, so a deleted file shows as gone without a record of its own.
            let fm = FileManager.default
            return SourcesResult(
                sources: index.documentOrder.compactMap { sha in
                    index.document(sha256: sha).map {
                        SourceEntry(document: $0, present: fm.fileExists(atPath: $0.path))
                    }
                }
            )
        case Methods.stats:
            _ = try request.decodeParams(NoParams.self)
            let size = (try? FileManager.default.attributesOfItem(atPath: store.logPath)[.size] as? Int) ?? 0
            return StatsResult(
                documents: index.currentDocumentCount(status: .ingested),
                failedDocuments: index.currentDocumentCount(status: .failed),
                events: index.eventCount,
                eventsByType: Dictionary(
                    uniqueKeysWithValues: index.eventCountsByType.map { ($0.key.rawValue, $0.value) }
                ),
                logBytes: size,
                lastSeq: index.lastSeq,
                uptimeSeconds: Date().timeIntervalSince(status.startedAt),
                pending: status.pending
            )
        case Methods.health:
            _ = try request.decodeParams(NoParams.self)
            let problem = status.logProblem.map { "cannot write the log: \($0)" }
            return HealthResult(
                status: problem == nil ? "ok" : "degraded",
                version: TimelineVersion.current,
                caughtUp: status.caughtUp,
                dropDir: dropDir,
                problem: problem
            )
        case Methods.subscribe:
            let query = try request.decodeParams(SubscribeParams.self).query()
            let feed = store.feed
            let (id, items) = feed.subscribe(query)
            connection.subscriptions.withLock { _ = $0.insert(id) }
            connection.startStreaming { send in
                // Ends the subscription whatever ends the stream (connection closed, unsubscribe).
                defer { feed.unsubscribe(id) }
                for await item in items {
                    let params: NotificationParams
                    let method: String
                    switch item {
                    case .event(let e):
                        (method, params) = (Methods.Notification.event, NotificationParams(subscription: id, event: e))
                    case .retracted(let ids):
                        (method, params) = (
                            Methods.Notification.retracted, NotificationParams(subscription: id, ids: ids)
                        )
                    }
                    try await send(try RPCResponseEncoder.notification(method: method, params: params))
                }
                guard !Task.isCancelled else { return }
                let reason =
                    feed.takeOverflowed(id)
                    ? "the client fell too far behind; subscribe again and catch up with query"
                    : "unsubscribed"
                try await send(
                    try RPCResponseEncoder.notification(
                        method: Methods.Notification.ended,
                        params: NotificationParams(subscription: id, reason: reason)
                    )
                )
            }
            return SubscribeResult(subscription: id)
        case Methods.changes:
            let params = try request.decodeParams(ChangesParams.self)
            let matcher = TimelineQuery.Matcher(try params.query())
            let durable = store.durable
            guard params.after <= durable.lastSeq else {
                // A position from another log (a state folder replaced): going on would skip events silently.
                throw RPCError.invalidParams(
                    "after: \(params.after) is past the end of the log (last seq \(durable.lastSeq)); was the log replaced?"
                )
            }
            let reader = store.changes
            // File reads stay off the cooperative pool.
            let batch = try await NIOThreadPool.singleton.runIfActive {
                try reader.read(after: params.after, limit: params.limit, length: durable.length)
            }
            var changes: [Change] = []
            for r in batch.records {
                switch r.record {
                case .event(let e) where matcher.matches(e): changes.append(Change(seq: r.seq, event: e))
                case .retraction(let x): changes.append(Change(seq: r.seq, retracted: x.events, document: x.document))
                default: continue
                }
            }
            return ChangesResult(changes: changes, next: batch.through, lastSeq: durable.lastSeq)
        case Methods.unsubscribe:
            let id = try request.decodeParams(UnsubscribeParams.self).subscription
            guard connection.subscriptions.withLock({ $0.remove(id) != nil }) else {
                throw RPCError.notFound("no subscription \(id) on this connection")
            }
            store.feed.unsubscribe(id)
            return SubscribeResult(subscription: id)
        default:
            throw RPCError.methodNotFound(request.method)
        }
    }
}
