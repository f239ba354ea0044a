import Foundation
import TimelineCore

/// Event trigger phrases by type, from `triggers.tsv`.
struct TriggerLexicon: Sendable {
    struct Phrase: Sendable {
        enum Word: Sendable, Equatable {
            case stem(String)
            case exact(String)
        }
        let type: EventType
        let words: [Word]
        /// Dated only by an adjacent date.
        let near: Bool
        /// Yields its date to a trigger between it and the date.
        let reporting: Bool
        /// With `near`: dated only by a year right before it ("the 2008 bridge project").
        let yearBefore: Bool
        /// Becomes an approval with a policy-document noun.
        let documentApproval: Bool
        /// Becomes an approval with an authority as subject or a Title-Case document name as object.
        let authorityApproval: Bool
        /// Counts only with an authority as subject, or with `to` and a decided action after it.
        let needsAuthority: Bool
        /// Counts only with a movement verb after it in its clause ("the delegation arrived").
        let needsMovement: Bool
        /// Does not count when `to` follows ("is due to arrive").
        let notBeforeTo: Bool
        /// The key under which two mentions can be one happening: `family=` or the stem of the phrase.
        let family: String
        /// The phrase as written, for messages and dedup.
        let text: String
    }

    /// Phrases by the key of their first word (stem or exact form), longest first.
    private(set) var byFirstWord: [String: [Phrase]] = [:]

    init(_ file: DataFile) throws {
        for line in file.lines {
            let f = try file.fields(line, min: 2, max: 3, usage: "type<TAB>phrase[<TAB>flags]")
            guard let type = EventType(rawValue: f[0]) else {
                throw file.error(line, "unknown event type '\(f[0])'")
            }
            let flags = try file.flags(line, f.count > 2 ? f[2] : nil)
            let words: [Phrase.Word] = f[1].split(separator: " ").map { w in
                w.hasPrefix("=") ? .exact(String(w.dropFirst()).lowercased()) : .stem(Stemmer.stem(w.lowercased()))
            }
            guard !words.isEmpty, !words.contains(.exact("")) else { throw file.error(line, "empty phrase") }
            let phrase = Phrase(
                type: type,
                words: words,
                near: flags.contains("near") || flags.contains("year-before"),
                reporting: flags.contains("reporting"),
                yearBefore: flags.contains("year-before"),
                documentApproval: flags.contains("document-approval"),
                authorityApproval: flags.contains("authority-approval"),
                needsAuthority: flags.contains("authority"),
                needsMovement: flags.contains("movement"),
                notBeforeTo: flags.contains("not-before-to"),
                family: flags.first { $0.hasPrefix("family=") }.map { String($0.dropFirst(7)) }
                    ?? Stemmer.stem(f[1].lowercased()),
                text: f[1]
            )
            byFirstWord[Self.key(words[0]), default: []].append(phrase)
        }
        for k in byFirstWord.keys { byFirstWord[k]!.sort { $0.words.count > $1.words.count } }
    }

    static func key(_ w: Phrase.Word) -> String {
        switch w {
        case .stem(let s): return "~" + s
        case .exact(let s): return "=" + s
        }
    }

    /// The longest phrases matching at `i` (one per type at most).
    func matches(_ tokens: [Token], stems: [String], at i: Int) -> [Phrase] {
        var found: [Phrase] = []
        for key in ["=" + tokens[i].lower, "~" + stems[i]] {
            guard let list = byFirstWord[key] else { continue }
            for p in list where i + p.words.count <= tokens.count {
                var ok = true
                for (k, w) in p.words.enumerated() {
                    let t = tokens[i + k]
                    switch w {
                    case .stem(let s): ok = t.kind == .word && stems[i + k] == s
                    case .exact(let s): ok = t.lower == s
                    }
                    if !ok { break }
                }
                if ok { found.append(p) }
            }
        }
        guard let longest = found.map(\.words.count).max() else { return [] }
        return found.filter { $0.words.count == longest }
    }
}
