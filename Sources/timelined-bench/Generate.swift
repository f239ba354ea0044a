import ArgumentParser
import EventLog
import Foundation
import TimelineCore

/// Writes a log of synthetic but realistic events, as the daemon would have written it.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a state folder whose log holds N events.")

    @Option(help: "Events to write.") var events = 1_000_000
    @Option(help: "Events per document.") var perDocument = 10
    @Option(help: "State folder to create (its events.log is replaced).") var state: String
    @Option(help: "Seed for the generator.") var seed: UInt64 = 7

    func run() throws {
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let path = state + "/events.log"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let out = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write \(path)") }
        var rng = BenchRandom(seed: seed)
        var seq: UInt64 = 1
        var buffer: [UInt8] = []
        var written = 0
        var doc = 0
        while written < events {
            let sha = String(format: "%016llx%048llx", rng.next(), UInt64(doc))
            let n = min(perDocument, events - written)
            let title = "Regional report \(doc): \(Corpus.places[rng.below(Corpus.places.count)]) and its neighbours"
            let source = SourceReference(path: "/srv/drop/report-\(doc).txt", title: title, document: sha)
            let document = DocumentRecord(
                sha256: sha,
                path: source.path,
                size: 9_000 + rng.below(20_000),
                modified: 1_700_000_000 + Double(doc),
                title: title,
                dct: CivilDate(year: 2024, month: 5, day: 26),
                dctSource: "byline",
                ingestedAt: "2026-11-23T00:00:00Z",
                status: .ingested,
                reason: nil,
                eventCount: n
            )
            buffer += try LogLineCodec.encode(SequencedRecord(seq: seq, record: .document(document)))
            seq += 1
            for i in 0..<n {
                let e = Corpus.event(id: "\(sha.prefix(16))-\(i)", source: source, rng: &rng)
                buffer += try LogLineCodec.encode(SequencedRecord(seq: seq, record: .event(e)))
                seq += 1
            }
            written += n
            doc += 1
            if buffer.count > 8 << 20 {
                out.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        out.write(Data(buffer))
        try out.close()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("wrote \(written) events in \(doc) documents: \(path), \(size / (1 << 20)) MiB")
    }
}

/// Words and shapes of the articles the daemon reads.
enum Corpus {
    static let places = [
        "Dandong", "Harbin", "Hunchun", "Heihe", "Suifenhe", "Manzhouli", "Vladivostok", "Khabarovsk",
        "Blagoveshchensk",
        "Sinuiju", "Rason", "Pyongyang", "Shenyang", "Changchun", "Dalian", "Yanji", "Tumen", "Zarubino", "Nakhodka",
        "Jilin",
    ]
    static let bodies = [
        "City Party Committee", "provincial government", "State Council", "Ministry of Commerce", "customs office",
        "port authority", "development commission", "border trade office", "consulate", "economic zone administration",
    ]
    static let topics = [
        "cross-border trade", "the new bridge", "port logistics", "tourism exchanges", "rail freight",
        "energy supplies",
        "agricultural cooperation", "the free trade zone", "labour exchanges", "investment projects",
    ]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    static func event(id: String, source: SourceReference, rng: inout BenchRandom) -> TimelineEvent {
        let type = EventType.allCases[rng.below(EventType.allCases.count)]
        let year = 2000 + rng.below(27)
        let month = 1 + rng.below(12)
        let day = 1 + rng.below(28)
        let value: TimexValue
        let when: String
        switch rng.below(20) {
        case 0..<12:
            value = .day(CivilDate(year: year, month: month, day: day)!)
            when = "on \(day) \(months[month - 1]) \(year)"
        case 12..<17:
            value = TimexValue(.month(year: year, month: month))
            when = "in \(months[month - 1]) \(year)"
        case 17..<19:
            value = TimexValue(.year(year))
            when = "in \(year)"
        default:
            value = TimexValue(.quarter(year: year, quarter: 1 + rng.below(4)))
            when = "in the \(["first", "second", "third", "fourth"][rng.below(4)]) quarter of \(year)"
        }
        let place = places[rng.below(places.count)]
        let body = bodies[rng.below(bodies.count)]
        let topic = topics[rng.below(topics.count)]
        let verb: String
        switch type {
        case .meeting: verb = "held a meeting on \(topic) with visiting officials"
        case .visit: verb = "received a delegation that toured sites related to \(topic)"
        case .deadline: verb = "set a deadline for work on \(topic) to be completed"
        case .approval: verb = "approved a plan for \(topic)"
        case .agreement: verb = "signed an agreement on \(topic) with its partners across the border"
        case .launch: verb = "launched a programme for \(topic)"
        case .announcement: verb = "announced new measures on \(topic)"
        }
        let evidence = "The \(place) \(body) \(verb) \(when), according to a readout published by local media."
        return TimelineEvent(
            id: id,
            type: type,
            date: value,
            evidence: evidence,
            source: source,
            places: [place],
            organizations: [body.prefix(1).uppercased() + body.dropFirst()]
        )
    }
}

/// SplitMix64: the same numbers for the same seed.
struct BenchRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
