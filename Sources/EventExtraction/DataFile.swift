import Foundation

/// One data file of the extraction resources, split into lines of tab-separated fields.
///
/// Format shared by every file: UTF-8; `#` starts a comment line; blank lines are
/// ignored; fields are separated by one or more tabs. Each table's loader checks
/// its own columns and reports a bad line as `name:line: message`.
struct DataFile {
    struct Line {
        let number: Int
        let fields: [String]
    }

    /// The name used in messages: `en/months.tsv`.
    let name: String
    let lines: [Line]

    init(name: String, text: String) {
        self.name = name
        var lines: [Line] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            lines.append(Line(number: number, fields: fields))
        }
        self.lines = lines
    }

    /// Reads `<directory>/<name>`.
    /// - Throws: `ExtractionError.missingResource` if the file cannot be read,
    ///   `badResource` if it is not UTF-8.
    static func read(_ name: String, in directory: URL) throws -> DataFile {
        let url = directory.appendingPathComponent(name)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ExtractionError(code: .missingResource, message: "\(name): cannot read \(url.path)", cause: error)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ExtractionError(code: .badResource, message: "\(name): not valid UTF-8")
        }
        return DataFile(name: name, text: text)
    }

    /// Reads `<directory>/<name>` if it exists; `nil` if it does not.
    static func readIfPresent(_ name: String, in directory: URL) throws -> DataFile? {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try read(name, in: directory)
    }

    func error(_ line: Line, _ message: String) -> ExtractionError {
        ExtractionError(code: .badResource, message: "\(name):\(line.number): \(message)")
    }

    /// Checks the number of fields of every line.
    func fields(_ line: Line, min: Int, max: Int, usage: String) throws -> [String] {
        guard line.fields.count >= min, line.fields.count <= max else {
            throw error(line, "expected \(usage), found \(line.fields.count) field(s)")
        }
        return line.fields
    }

    /// A `word<TAB>integer` table whose values lie in `range`.
    func integerTable(
        _ range: ClosedRange<Int>,
        usage: String
    ) throws -> [(key: String, value: Int, flags: Set<String>)] {
        try lines.map { line in
            let f = try fields(line, min: 2, max: 3, usage: usage)
            guard let n = Int(f[1].hasPrefix("+") ? String(f[1].dropFirst()) : f[1]), range.contains(n) else {
                throw error(line, "'\(f[1])' is not an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return (f[0].lowercased(), n, try flags(line, f.count > 2 ? f[2] : nil))
        }
    }

    /// A `word<TAB>value` table whose values are checked by `valid`.
    func stringTable(
        usage: String,
        valid: (String) -> Bool
    ) throws -> [(key: String, value: String, flags: Set<String>)] {
        try lines.map { line in
            let f = try fields(line, min: 2, max: 3, usage: usage)
            guard valid(f[1]) else { throw error(line, "'\(f[1])' is not a valid value for \(usage)") }
            return (f[0].lowercased(), f[1], try flags(line, f.count > 2 ? f[2] : nil))
        }
    }

    /// A list with one entry per line.
    func list() throws -> [String] {
        try lines.map { line in try fields(line, min: 1, max: 1, usage: "one entry per line")[0] }
    }

    static let knownFlags: Set<String> = [
        "cap", "near", "year-before", "reporting", "document-approval", "authority-approval", "authority",
        "movement", "institution-name", "after-auxiliary", "object-noun", "from-previous",
        "after-a", "verb", "place-after", "meeting-subject", "noun",
    ]
    /// Flags that carry a value: `family=meet`, `not-before=to`, `not-after=draft`.
    static let knownValueFlags: Set<String> = ["family", "not-before", "not-after"]

    func flags(_ line: Line, _ field: String?) throws -> Set<String> {
        guard let field else { return [] }
        var result: Set<String> = []
        for flag in field.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let eq = flag.firstIndex(of: "="), DataFile.knownValueFlags.contains(String(flag[..<eq])),
                flag.index(after: eq) < flag.endIndex
            {
                result.insert(flag)
                continue
            }
            guard DataFile.knownFlags.contains(flag) else { throw error(line, "unknown flag '\(flag)'") }
            result.insert(flag)
        }
        return result
    }
}

extension DataFile {
    private init(renaming file: DataFile, to name: String) {
        self.name = name
        self.lines = file.lines
    }

    /// Reads files a user names by path (a folder stands for its `*.txt` files, sorted by name);
    /// messages name each file by the path given.
    /// - Throws: `ExtractionError.missingResource` for a path that cannot be read.
    static func read(userFiles urls: [URL]) throws -> [DataFile] {
        var files: [DataFile] = []
        for url in urls {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw ExtractionError(code: .missingResource, message: "\(url.path): no such file or folder")
            }
            let paths: [URL]
            if isDirectory.boolValue {
                let names: [String]
                do {
                    names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                } catch {
                    throw ExtractionError(code: .missingResource, message: "\(url.path): cannot list", cause: error)
                }
                paths = names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
                    .map { url.appendingPathComponent($0) }
            } else {
                paths = [url]
            }
            for path in paths {
                let file = try read(path.lastPathComponent, in: path.deletingLastPathComponent())
                files.append(DataFile(renaming: file, to: path.path))
            }
        }
        return files
    }
}
