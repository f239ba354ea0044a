/// Recognises names that editors, browsers and copy tools use while a file is
/// still being written; such files are never reported, only their final name is.
public enum TemporaryNames {
    /// Suffixes compared case-insensitively (Windows tools write `.TMP`).
    private static let suffixes = [".part", ".tmp", ".crdownload", ".swp", ".swx"]

    /// Whether `fileName` (a single path component, not a path) is a temporary name.
    ///
    /// Temporary: `.*` (dot files, which also covers rsync's `.name.XXXXXX`, vim's
    /// `.name.swp` and LibreOffice's `.~lock.name#`), `*~`, `*.part`, `*.tmp`,
    /// `*.crdownload`, `*.swp`, `*.swx`, and vim's write probe `4913`.
    ///
    /// - Parameter fileName: the last path component.
    /// - Returns: `true` if the name should be ignored until it is renamed.
    public static func isTemporary(_ fileName: String) -> Bool {
        if fileName.hasPrefix(".") || fileName.hasSuffix("~") || fileName == "4913" {
            return true
        }
        let lowered = fileName.lowercased()
        return suffixes.contains { lowered.hasSuffix($0) }
    }

    /// Whether a directory named `directoryName` is left out of watching and scanning:
    /// temporary names (`.git`, `.Trash-1000`, a half-copied `.incoming`) and
    /// browser "Save Page As" asset folders (`Title_files`), whose images and
    /// scripts are not articles.
    static func isSkippedDirectory(_ directoryName: String) -> Bool {
        isTemporary(directoryName) || directoryName.hasSuffix("_files")
    }
}
