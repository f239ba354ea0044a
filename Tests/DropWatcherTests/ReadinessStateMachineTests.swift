import Testing

@testable import DropWatcher

private let root = "/drop"

/// One step fed to the machine: an event, or a read that timed out.
private enum Step: Sendable {
    case event(InotifyObservation)
    case timeout
}

/// An event about a file (or other non-directory) named `name` in `directory`.
private func file(_ mask: InotifyMask, _ directory: String, _ name: String, cookie: UInt32 = 0) -> Step {
    .event(InotifyObservation(mask: mask, cookie: cookie, directory: directory, name: name))
}

/// An event about a directory named `name` in `directory` (adds `IN_ISDIR`).
private func dir(_ mask: InotifyMask, _ directory: String, _ name: String, cookie: UInt32 = 0) -> Step {
    .event(InotifyObservation(mask: mask.union(.isDirectory), cookie: cookie, directory: directory, name: name))
}

/// An event about the watched directory itself (no name), or an overflow.
private func watched(_ mask: InotifyMask, _ directory: String) -> Step {
    .event(InotifyObservation(mask: mask, directory: directory))
}

private struct Case: Sendable, CustomTestStringConvertible {
    let label: String
    let steps: [Step]
    /// The actions of every step, concatenated.
    let expected: [ReadinessAction]
    var testDescription: String { label }
}

private func ready(_ path: String) -> ReadinessAction { .emit(.ready(path: path)) }

private let cases: [Case] = [
    Case(
        label: "close-write of a final name is ready",
        steps: [file(.create, root, "a.txt"), file(.closeWrite, root, "a.txt")],
        expected: [.emitIfHardLink(path: "/drop/a.txt"), ready("/drop/a.txt")]
    ),
    Case(
        label: "close-write in a subdirectory",
        steps: [file(.closeWrite, "/drop/2024/april", "b.md")],
        expected: [ready("/drop/2024/april/b.md")]
    ),
    Case(
        label: "moved in from outside the tree is ready",
        steps: [file(.movedTo, root, "c.html", cookie: 7)],
        expected: [ready("/drop/c.html")]
    ),
    Case(
        label: "temp name ignored, then renamed to the final name: one ready",
        steps: [
            file(.create, root, ".c.html.tmp"), file(.closeWrite, root, ".c.html.tmp"),
            file(.movedFrom, root, ".c.html.tmp", cookie: 9), file(.movedTo, root, "c.html", cookie: 9),
        ],
        expected: [ready("/drop/c.html")]
    ),
    Case(
        label: "browser download renamed from .part",
        steps: [file(.closeWrite, root, "paper.pdf.part"), file(.movedTo, root, "paper.pdf", cookie: 3)],
        expected: [ready("/drop/paper.pdf")]
    ),
    Case(
        label: "editor backup and vim probe ignored",
        steps: [
            file(.closeWrite, root, "a.txt~"), file(.closeWrite, root, "4913"),
            file(.closeWrite, root, ".~lock.a.odt#"),
        ],
        expected: []
    ),
    Case(
        label: "created directory: watch, then scan",
        steps: [dir(.create, root, "fresh")],
        expected: [.watchDirectory(path: "/drop/fresh")]
    ),
    Case(
        label: "directory moved in from outside: watch, then scan",
        steps: [dir(.movedTo, "/drop/sub", "batch", cookie: 4)],
        expected: [.watchDirectory(path: "/drop/sub/batch")]
    ),
    Case(
        label: "hidden staging directory renamed into place",
        steps: [
            dir(.create, root, ".incoming"),
            dir(.movedFrom, root, ".incoming", cookie: 5),
            dir(.movedTo, root, "batch-1", cookie: 5),
        ],
        expected: [.watchDirectory(path: "/drop/batch-1")]
    ),
    Case(
        label: "overflow asks for a rescan",
        steps: [watched(.queueOverflow, "")],
        expected: [.rescan(.overflow)]
    ),
    Case(
        label: "_files asset folder is neither watched nor reported",
        steps: [
            dir(.create, root, "Page_files"),
            file(.closeWrite, "/drop/Page_files", "style.css"),
            file(.closeWrite, root, "Page.html"),
        ],
        expected: [ready("/drop/Page.html")]
    ),
    Case(
        label: "nothing under a dot directory",
        steps: [
            file(.closeWrite, "/drop/.git/objects", "pack"),
            dir(.create, "/drop/.Trash-1000", "files"),
        ],
        expected: []
    ),
    Case(
        label: "regular file named like an asset folder is still ready",
        steps: [file(.closeWrite, root, "notes_files")],
        expected: [ready("/drop/notes_files")]
    ),
    Case(
        label: "directory moved within the tree keeps its watches, renamed, and is rescanned",
        steps: [
            dir(.movedFrom, root, "old", cookie: 11),
            dir(.movedTo, "/drop/archive", "new", cookie: 11),
        ],
        expected: [
            .renameWatches(from: "/drop/old", to: "/drop/archive/new"),
            .scanDirectory(path: "/drop/archive/new"),
        ]
    ),
    Case(
        label: "directory moved to a hidden name: renamed, not scanned",
        steps: [
            dir(.movedFrom, root, "old", cookie: 12),
            dir(.movedTo, root, ".old", cookie: 12),
        ],
        expected: [.renameWatches(from: "/drop/old", to: "/drop/.old")]
    ),
    Case(
        label: "directory moved out of the tree: rebuild on the next event",
        steps: [
            dir(.movedFrom, root, "gone", cookie: 13),
            file(.closeWrite, root, "a.txt"),
        ],
        expected: [.rescan(.unmatchedMove), ready("/drop/a.txt")]
    ),
    Case(
        label: "directory moved out of the tree: rebuild when the read times out",
        steps: [dir(.movedFrom, root, "gone", cookie: 14), .timeout, .timeout],
        expected: [.rescan(.unmatchedMove)]
    ),
    Case(
        label: "MOVED_TO with another cookie does not complete the move",
        steps: [
            dir(.movedFrom, root, "x", cookie: 1),
            dir(.movedTo, root, "y", cookie: 2),
        ],
        expected: [.rescan(.unmatchedMove), .watchDirectory(path: "/drop/y")]
    ),
    Case(
        label: "overflow while a move is pending: one rescan",
        steps: [dir(.movedFrom, root, "x", cookie: 1), watched(.queueOverflow, "")],
        expected: [.rescan(.overflow)]
    ),
    Case(
        label: "file moved out of the tree is no concern",
        steps: [file(.movedFrom, root, "a.txt", cookie: 1), .timeout],
        expected: []
    ),
    Case(
        label: "root deleted",
        steps: [watched(.deleteSelf, root)],
        expected: [.rootRemoved(.deleteSelf)]
    ),
    Case(
        label: "root watch ignored (unmounted)",
        steps: [watched(.ignored, root)],
        expected: [.rootRemoved(.ignored)]
    ),
    Case(
        label: "subdirectory deleted is no concern",
        steps: [watched(.deleteSelf, "/drop/sub"), watched(.ignored, "/drop/sub")],
        expected: []
    ),
    Case(
        label: "events outside the root are ignored",
        steps: [file(.closeWrite, "/elsewhere", "a.txt"), file(.closeWrite, "/dropbox", "a.txt")],
        expected: []
    ),
]

@Suite struct ReadinessStateMachineTests {
    @Test(arguments: cases)
    fileprivate func table(_ testCase: Case) {
        var machine = ReadinessStateMachine(root: root)
        var actions: [ReadinessAction] = []
        for step in testCase.steps {
            switch step {
            case .event(let observation):
                actions += machine.observe(observation)
            case .timeout:
                actions += machine.timedOut()
            }
        }
        #expect(actions == testCase.expected)
    }
}
