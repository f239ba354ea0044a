import Foundation

/// Everything the extractor reads from data files: date words, abbreviations,
/// event triggers, context cues, the gazetteer and boilerplate lines.
///
/// Files live in `<directory>/<lang>/`; see `Resources/README.md` and each file's header.
public struct ExtractionResources: Sendable {
    var dates: DateLexicon
    /// Words ending in `.` that do not end a sentence (`Dr.`, `U.S.`).
    var abbreviations: Set<String>
    /// `a.m.`, `p.m.`: end a sentence unless a weekday, month or time zone follows.
    var clockAbbreviations: Set<String>
    var triggers: TriggerLexicon
    var cues: Cues
    var gazetteer: Gazetteer
    var boilerplate: Boilerplate

    /// Loads `<directory>/<lang>/...` and the date words of the folders listed in `<lang>/also.txt`.
    /// - Parameters:
    ///   - directory: the folder holding one folder per language.
    ///   - language: the primary language folder.
    ///   - patternFiles: the user's pattern files (a folder stands for its `*.txt` files, by name),
    ///     tried before `<lang>/patterns.txt`, so on a tie in length their rules win.
    /// - Throws: `ExtractionError` naming `file:line` on a bad line, or the missing file.
    public static func load(
        from directory: URL,
        language: String = "en",
        patternFiles: [URL] = []
    ) throws -> ExtractionResources {
        var dates = DateLexicon()
        try dates.merge(from: directory, language: language, required: true)
        if let also = try DataFile.readIfPresent("\(language)/also.txt", in: directory) {
            for other in try also.list() { try dates.merge(from: directory, language: other, required: false) }
        }
        dates.patterns = try TemporalRules(
            files: try DataFile.read(userFiles: patternFiles) + [
                DataFile.read("\(language)/patterns.txt", in: directory)
            ]
        )
        let abbreviations = Set(try DataFile.read("\(language)/abbreviations.txt", in: directory).list())
        let clock = Set(try DataFile.read("\(language)/clock-abbreviations.txt", in: directory).list())
        return ExtractionResources(
            dates: dates,
            abbreviations: abbreviations,
            clockAbbreviations: clock,
            triggers: try TriggerLexicon(DataFile.read("\(language)/triggers.tsv", in: directory)),
            cues: try Cues(DataFile.read("\(language)/cues.tsv", in: directory)),
            gazetteer: try Gazetteer(
                entries: DataFile.read("\(language)/gazetteer.tsv", in: directory),
                suffixes: DataFile.read("\(language)/place-suffixes.txt", in: directory)
            ),
            boilerplate: try Boilerplate(DataFile.read("\(language)/boilerplate.tsv", in: directory))
        )
    }

    /// The files shipped in the module's resource bundle.
    ///
    /// The folder is `Bundle.module.resourceURL/Resources` on Darwin; on Linux,
    /// Foundation's `resourceURL` of the bundle is already its `Resources` folder,
    /// so both places are tried.
    /// - Parameter patternFiles: the user's pattern files, as for `load(from:language:patternFiles:)`.
    /// - Throws: `ExtractionError` if the bundle has no resources or a file is bad.
    public static func bundled(patternFiles: [URL] = []) throws -> ExtractionResources {
        let bases = [Bundle.module.resourceURL, Bundle.module.bundleURL].compactMap { $0 }
        for base in bases {
            for candidate in [base.appendingPathComponent("Resources"), base]
            where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("en/months.tsv").path) {
                return try load(from: candidate, patternFiles: patternFiles)
            }
        }
        throw ExtractionError(
            code: .missingResource,
            message: "the EventExtraction resource bundle has no en/months.tsv (looked in \(bases.map(\.path)))"
        )
    }
}
