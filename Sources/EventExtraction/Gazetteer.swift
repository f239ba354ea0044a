import Foundation

/// Places and organisations, from `gazetteer.tsv` and `place-suffixes.txt`.
///
/// Matching is case-sensitive on token texts (apostrophes folded), longest first.
struct Gazetteer: Sendable {
    enum Kind: String, Sendable { case place, org }

    struct Entry: Sendable {
        let kind: Kind
        let words: [String]
        let name: String
    }

    private var byFirstWord: [String: [Entry]] = [:]
    /// A filter of `byFirstWord`'s keys: most tokens start no name and are passed over unhashed.
    private var firstWords = WordFilter()
    private var suffixes: [[String]] = []

    init(entries file: DataFile, suffixes suffixFile: DataFile) throws {
        for line in file.lines {
            let f = try file.fields(line, min: 2, max: 3, usage: "kind<TAB>surface[<TAB>normalised]")
            guard let kind = Kind(rawValue: f[0]) else {
                throw file.error(line, "unknown kind '\(f[0])' (place or org)")
            }
            let words = Gazetteer.words(f[1])
            guard !words.isEmpty else { throw file.error(line, "empty name") }
            byFirstWord[words[0], default: []].append(Entry(kind: kind, words: words, name: f.count > 2 ? f[2] : f[1]))
        }
        for k in byFirstWord.keys { byFirstWord[k]!.sort { $0.words.count > $1.words.count } }
        for k in byFirstWord.keys { firstWords.insert(k) }
        suffixes = try suffixFile.list().map(Gazetteer.words).sorted { $0.count > $1.count }
    }

    static func words(_ s: String) -> [String] {
        let scalars = Array(s.unicodeScalars)
        return Tokenizer.tokenize(scalars, 0..<scalars.count).map(key)
    }

    static func key(_ t: Token) -> String { t.kind == .punct && (t.lower == "'" || t.lower == "'s") ? t.lower : t.text }

    /// Places and organisations named in `tokens`, normalised, each once, in order of first mention.
    func find(in tokens: [Token]) -> (places: [String], organizations: [String]) {
        var places: [String] = []
        var orgs: [String] = []
        var i = 0
        let keys = tokens.map(Gazetteer.key)
        while i < tokens.count {
            var matched = 0
            if firstWords.mayContain(keys[i]), let list = byFirstWord[keys[i]] {
                for e in list
                where i + e.words.count <= tokens.count && keys[i..<(i + e.words.count)].elementsEqual(e.words) {
                    // Not the start of a longer capitalised name that we do not know ("Jilin University" is an org, not Jilin)?
                    // A first version keeps it simple: take the match.
                    matched = e.words.count
                    if e.kind == .place {
                        if !places.contains(e.name) { places.append(e.name) }
                        for s in suffixes
                        where i + matched + s.count <= tokens.count
                            && keys[(i + matched)..<(i + matched + s.count)].elementsEqual(s)
                        {
                            matched += s.count
                            break
                        }
                    } else if !orgs.contains(e.name) {
                        orgs.append(e.name)
                    }
                    break
                }
            }
            i += max(matched, 1)
        }
        return (places, orgs)
    }
}
