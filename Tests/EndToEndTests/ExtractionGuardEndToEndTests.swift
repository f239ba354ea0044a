import Foundation
import Testing
import TimelineCore
import TimelineProtocol

extension EndToEnd {
    /// A file whose extraction has killed the daemon again and again is set aside, not retried for ever.
    @Suite(.timeLimit(.minutes(1)))
    struct ExtractionGuardEndToEndTests {
        @Test func aFileThatKeptStoppingTheDaemonIsSetAside() async throws {
            let daemon = try DaemonHarness()
            let text = "Note\n\nThe delegation met in Harbin on 3 March 2024.\n"
            let staged = daemon.root + "/note.txt"
            try text.write(toFile: staged, atomically: true, encoding: .utf8)
            // What three crashed attempts leave behind, by the file's SHA-256.
            let (status, output) = try await Self.run("/usr/bin/sha256sum", [staged])
            try #require(status == 0)
            let sha = String(output.prefix(64))
            try FileManager.default.createDirectory(
                atPath: daemon.stateDir + "/extracting",
                withIntermediateDirectories: true
            )
            for pid in [101, 102, 103] {
                #expect(
                    FileManager.default.createFile(
                        atPath: "\(daemon.stateDir)/extracting/\(sha).\(pid).x",
                        contents: nil
                    )
                )
            }

            try await daemon.start()
            try FileManager.default.copyItem(atPath: staged, toPath: daemon.dropDir + "/note.txt")
            let sources = try await daemon.waitForSources("the file") { $0.count == 1 }
            #expect(sources[0].status == .failed)
            #expect(sources[0].reason?.contains("stopped the daemon") == true, "\(sources[0].reason ?? "")")
            #expect(
                (try? FileManager.default.contentsOfDirectory(atPath: daemon.stateDir + "/extracting"))?.isEmpty == true
            )

            // A normal file leaves no marker behind.
            try "Other\n\nThe governor visited Dandong in May 2023.\n".write(
                toFile: daemon.dropDir + "/other.txt",
                atomically: true,
                encoding: .utf8
            )
            try await daemon.waitForSources("the other file") { $0.count == 2 }
            let left = (try? FileManager.default.contentsOfDirectory(atPath: daemon.stateDir + "/extracting")) ?? []
            #expect(left.isEmpty, "\(left)")
            _ = try await daemon.stop()
        }

        static func run(_ tool: String, _ arguments: [String]) async throws -> (Int32, String) {
            let out = "/tmp/tl-run-" + UUID().uuidString
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            defer { try? FileManager.default.removeItem(atPath: out) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: tool)
            p.arguments = arguments
            p.standardOutput = FileHandle(forWritingAtPath: out)
            try p.run()
            while p.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            return (p.terminationStatus, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
        }
    }
}
