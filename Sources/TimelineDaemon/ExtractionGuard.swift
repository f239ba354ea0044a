import Foundation

/// Remembers, on disk, which documents are being extracted, so a document
/// that crashes the daemon is not extracted for ever after each restart.
///
/// Each attempt leaves a marker `<sha>.<process>.<uuid>` until it finishes. A
/// daemon killed for any reason leaves its markers behind; a document with
/// `limit` markers from earlier processes is set aside. Markers of this
/// process are attempts in flight, not failures: the same content may be
/// extracted twice at once under two names.
struct ExtractionGuard: Sendable {
    /// `<state_dir>/extracting`.
    let directory: String
    var limit = 3
    /// This process, told apart from earlier ones even where pids repeat (containers).
    private static let process = UUID().uuidString
    private var pid: String { Self.process }

    init(stateDir: String) {
        directory = stateDir + "/extracting"
    }

    /// Records an attempt at `sha`.
    ///
    /// - Returns: the attempt's marker, or `nil` when attempts by earlier
    ///   processes died `limit` times: set the document aside.
    func begin(_ sha: String) -> String? {
        let earlier = markers(of: sha).count { !$0.hasPrefix("\(sha).\(pid).") }
        guard earlier < limit else { return nil }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let marker = "\(sha).\(pid).\(UUID().uuidString)"
        // Best effort: without the marker the daemon still works, it just cannot learn.
        _ = FileManager.default.createFile(atPath: directory + "/" + marker, contents: nil)
        return marker
    }

    /// The attempt finished (its outcome is logged, whatever it was): earlier
    /// processes' markers for the document go too.
    func end(_ sha: String, marker: String?) {
        if let marker { try? FileManager.default.removeItem(atPath: directory + "/" + marker) }
        for name in markers(of: sha) where !name.hasPrefix("\(sha).\(pid).") {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }

    private func markers(of sha: String) -> [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return all.filter { $0.hasPrefix(sha + ".") }
    }
}
