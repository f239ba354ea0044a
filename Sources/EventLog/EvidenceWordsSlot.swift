import Foundation
import Synchronization

/// Where the `main` tier's `EvidenceWords` are kept: built on a thread of their own the first
/// time they are wanted (never on the start-up path; queries scan until they are ready),
/// then carried through each compaction by the writer.
///
/// One slot belongs to one `main` tier: the index takes a new slot whenever `main` changes,
/// and the snapshots sharing a `main` share its slot, so a build serves them all.
final class EvidenceWordsSlot: Sendable {
    private enum State {
        case idle
        case building
        case ready(EvidenceWords)
    }

    private let state: Mutex<State>
    private let cancelled = Atomic(false)
    private let alwaysIndexed: Int

    init(alwaysIndexed: Int = EvidenceWords.alwaysIndexed) {
        state = Mutex(.idle)
        self.alwaysIndexed = alwaysIndexed
    }

    private init(ready words: EvidenceWords, alwaysIndexed: Int) {
        state = Mutex(.ready(words))
        self.alwaysIndexed = alwaysIndexed
    }

    /// The postings when they are ready and were made for `tier`.
    func words(for tier: borrowing EventIndex.Tier) -> EvidenceWords? {
        let words: EvidenceWords? = state.withLock {
            if case .ready(let w) = $0 { return w }
            return nil
        }
        guard let words, words.fits(tier) else { return nil }
        return words
    }

    /// Starts building the postings of `tier` on a thread of its own, unless they are built or being built.
    func startBuilding(_ tier: EventIndex.Tier) {
        let start = state.withLock { s in
            guard case .idle = s else { return false }
            s = .building
            return true
        }
        guard start else { return }
        let alwaysIndexed = self.alwaysIndexed
        Thread { [self] in
            let built = EvidenceWords(tier, alwaysIndexed: alwaysIndexed) { cancelled.load(ordering: .relaxed) }
            state.withLock { s in
                if let built { s = .ready(built) } else { s = .idle }
            }
        }.start()
    }

    /// Builds the postings of `tier` now, on the caller's thread (tests).
    func build(_ tier: borrowing EventIndex.Tier) {
        let built = EvidenceWords(tier, alwaysIndexed: alwaysIndexed)
        state.withLock { $0 = built.map { .ready($0) } ?? .idle }
    }

    /// The slot of the tier compaction makes from `main` (this slot's) and `recent`
    /// (`EvidenceWords.compacted`): ready at once when this one is, otherwise empty and built
    /// when next wanted. A build still running for the old tier is stopped.
    func compacted(
        main: borrowing EventIndex.Tier,
        mainMoves: [Int32],
        recent: borrowing EventIndex.Tier,
        recentMoves: [Int32],
        into merged: borrowing EventIndex.Tier
    ) -> EvidenceWordsSlot {
        cancelled.store(true, ordering: .relaxed)
        guard let words = words(for: main) else { return EvidenceWordsSlot(alwaysIndexed: alwaysIndexed) }
        let next = words.compacted(
            main: main,
            mainMoves: mainMoves,
            recent: recent,
            recentMoves: recentMoves,
            into: merged
        )
        return EvidenceWordsSlot(ready: next, alwaysIndexed: alwaysIndexed)
    }

    /// A new empty slot with the same settings, for a `main` tier changed in another way.
    func renewed() -> EvidenceWordsSlot {
        cancelled.store(true, ordering: .relaxed)
        return EvidenceWordsSlot(alwaysIndexed: alwaysIndexed)
    }
}

extension EventIndex {
    /// Starts building the evidence postings of the main tier in the background, so the first
    /// word queries after start find them ready; until then word queries scan.
    public func prepareEvidenceWords() {
        evidenceWords.startBuilding(main)
    }
}
