import Foundation
import TimelineExport

#if canImport(Glibc)
import Glibc
#endif

/// What standard output and error are attached to, for choosing colour, widths and progress lines.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// How events are printed for people: fitted and coloured on a terminal
    /// (colour unless NO_COLOR is set), plain and unclipped to the width otherwise.
    static var timeline: TerminalTimeline {
        guard stdoutIsTerminal else { return TerminalTimeline(width: nil, color: false) }
        let env = ProcessInfo.processInfo.environment
        let noColor = env["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalTimeline(width: width(env), color: !noColor)
    }

    /// Columns: the terminal's own (TIOCGWINSZ), else $COLUMNS, else 100.
    static func width(_ env: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = env["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 100
    }
}

/// A progress line on standard error, redrawn in place, only when stderr is a terminal.
final class ProgressLine {
    private let enabled: Bool
    private var shown = false
    private var last = ContinuousClock.now - .seconds(1)

    init(enabled: Bool = Terminal.stderrIsTerminal) { self.enabled = enabled }

    /// Redraws the line, at most ten times a second unless `force`.
    func update(_ text: @autoclosure () -> String, force: Bool = false) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard force || now - last >= .milliseconds(100) else { return }
        last = now
        shown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text()).utf8))
    }

    /// Clears the line, so what follows starts on a clean line.
    func finish() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
