import Foundation

/// Remembers, on disk, which documents are being extracted, so a document
/// that crashes the daemon is not extracted for ever after each restart.
///
/// A marker per document (by SHA-256) counts the attempts that did not
/// finish. A daemon killed for any reason leaves one behind; only a document
/// whose extraction has died `limit` times in a row is set aside.
struct ExtractionGuard: Sendable {
    /// `<state_dir>/extracting`.
    let directory: String
    var limit = 3

    init(stateDir: String) {
        directory = stateDir + "/extracting"
    }

    /// Records one more attempt at `sha`.
    ///
    /// - Returns: false when earlier attempts died `limit` times: set the document aside.
    func begin(_ sha: String) -> Bool {
        let path = directory + "/" + sha
        let earlier =
            (try? String(contentsOfFile: path, encoding: .utf8)).flatMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            } ?? 0
        guard earlier < limit else { return false }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Best effort: without the marker the daemon still works, it just cannot learn.
        try? "\(earlier + 1)\n".write(toFile: path, atomically: true, encoding: .utf8)
        return true
    }

    /// The attempt at `sha` finished (its outcome is logged, whatever it was).
    func end(_ sha: String) {
        try? FileManager.default.removeItem(atPath: directory + "/" + sha)
    }
}
