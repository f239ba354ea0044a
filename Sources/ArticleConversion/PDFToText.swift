import CSubprocess

#if canImport(Glibc)
import Glibc
#endif

/// Runs poppler's `pdftotext` on PDF bytes, in a child process: a PDF that makes poppler crash,
/// loop or balloon costs that process, never the daemon. The bytes go in through a memfd (no
/// temporary file, no pipe to get SIGPIPE from); the text comes back through a pipe read with a
/// deadline and a size cap, and the child is killed when either is passed.
struct PDFToText: Sendable {
    /// Looked up on `PATH` when it has no slash.
    var executable = "pdftotext"
    var timeoutSeconds = 60.0
    var maxOutputBytes = 64 << 20

    /// pdftotext's `-bbox-layout` XHTML: every page, block, line and word with its box, UTF-8.
    /// - Throws: `ConversionError.badPDF` if it cannot start, fails, times out or writes too much.
    func run(_ pdf: [UInt8], fileName: String) throws(ConversionError) -> [UInt8] {
        func failure(_ why: String) -> ConversionError {
            ConversionError(code: .badPDF, message: "\(fileName): \(why)")
        }
        let input = csubprocess_memfd("timelined-pdf")
        guard input >= 0 else { throw failure("cannot make a memory file: \(Self.errorText())") }
        defer { close(input) }
        let errors = csubprocess_memfd("timelined-pdf-errors")
        guard errors >= 0 else { throw failure("cannot make a memory file: \(Self.errorText())") }
        defer { close(errors) }
        var written = 0
        while written < pdf.count {
            let n = pdf.withUnsafeBytes { write(input, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write the memory file: \(Self.errorText())")
            }
            written += n
        }
        lseek(input, 0, SEEK_SET)
        var pipeFDs: [Int32] = [-1, -1]
        guard csubprocess_pipe(&pipeFDs) == 0 else { throw failure("cannot make a pipe: \(Self.errorText())") }
        let (readEnd, writeEnd) = (pipeFDs[0], pipeFDs[1])
        var readOpen = true
        defer { if readOpen { close(readEnd) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        // -q: no messages on stderr for each damaged object; errors still make the exit code.
        let arguments = [executable, "-bbox-layout", "-enc", "UTF-8", "-q", "-", "-"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        // The child starts with no signal blocked and every signal at its default: the daemon's
        // own dispositions (signals it ignores to handle them itself) are not pdftotext's.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, &attributes, &argv, environ)
        close(writeEnd)
        guard spawned == 0 else {
            throw failure("cannot run \(executable) (poppler-utils): \(String(cString: strerror(spawned)))")
        }

        var output: [UInt8] = []
        var problem: String?
        let deadline = Self.now() + timeoutSeconds
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let left = deadline - Self.now()
            if left <= 0 {
                problem = "pdftotext took longer than \(Int(timeoutSeconds)) s; stopped"
                break
            }
            var pfd = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(left * 1000, 1000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                problem = "poll failed: \(Self.errorText())"
                break
            }
            if ready == 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                problem = "reading pdftotext's output failed: \(Self.errorText())"
                break
            }
            if n == 0 { break }
            if output.count + n > maxOutputBytes {
                problem = "pdftotext wrote more than \(maxOutputBytes) bytes; stopped"
                break
            }
            output += buffer[..<n]
        }
        close(readEnd)
        readOpen = false
        if problem != nil { kill(pid, SIGKILL) }
        let status = Self.reap(pid, until: deadline)
        if let problem { throw failure(problem) }
        guard let status else { throw failure("pdftotext did not exit after closing its output; stopped") }
        guard status == 0 else {
            // pdftotext's exit codes (pdftotext(1)); -q keeps its stderr short, so a reason may be missing.
            let meaning =
                switch status {
                case 1: "not a readable PDF (damaged or encrypted)"
                case 3: "the PDF does not permit copying its text"
                default: "pdftotext failed (exit status \(status))"
                }
            let message = Self.firstLine(of: errors)
            throw failure(message.isEmpty ? meaning : "\(meaning): \(message)")
        }
        return output
    }

    /// Waits for the child until `deadline`, then kills it; the exit status, or nil if it was killed here.
    static func reap(_ pid: pid_t, until deadline: Double) -> Int32? {
        var status: Int32 = 0
        var killed = false
        while true {
            let r = waitpid(pid, &status, killed ? 0 : WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return nil }
            if r == 0 {
                if now() > deadline {
                    kill(pid, SIGKILL)
                    killed = true
                } else {
                    usleep(10_000)
                }
            }
        }
        if killed { return nil }
        // WIFEXITED / WEXITSTATUS; a signal gives 128 + its number, as shells do.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    static func firstLine(of fd: Int32) -> String {
        lseek(fd, 0, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: 1024)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        guard n > 0 else { return "" }
        return String(decoding: bytes[..<n], as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
