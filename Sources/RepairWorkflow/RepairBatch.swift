import SiteCore
import TextRepair

/// The one repair workflow, for the build's pages and for `chronicle repair`'s files alike: a
/// collection of texts, repaired in two passes on all cores.
///
/// 1. Every text is repaired on its own. A text that needs guesses for dropped bytes waits.
/// 2. The texts that needed no guess make the collection's vocabulary (`RepairVocabulary`: the
///    characters they hold intact). The waiting texts are repaired with it, and with their
///    translations (the other texts of their `group`, as repaired, and any `outsideReferences`)
///    and the batch's `references` as reference texts, which rank the candidates.
///
/// Each outcome holds the text, whether it changed, and its diagnostics (`RepairDiagnostics`),
/// which the build and `chronicle repair` print alike.
public struct RepairBatch: Sendable {
    /// One text to repair.
    public struct Item: Sendable {
        /// The path diagnostics name.
        public var path: String
        /// The text as read (decoded; for `chronicle repair` with its line endings and byte
        /// order mark as they are).
        public var text: String
        /// Texts with the same group are translations of one another (the build: the page's
        /// content path; `chronicle repair`: the folder and the file name without its language).
        public var group: String?

        public init(path: String, text: String, group: String? = nil) {
            self.path = path
            self.text = text
            self.group = group
        }
    }

    /// What became of one text.
    public struct Outcome: Sendable {
        /// The repaired text (the input when nothing changed).
        public var text: String
        /// Anything was repaired.
        public var changed: Bool
        /// Repairs as warnings, guesses and suspicious text left alone as notes (only when the
        /// batch `describe`s).
        public var diagnostics: [Diagnostic]
    }

    /// Threads to use; nil: one per core.
    public var jobs: Int?
    /// Whether to describe the repairs (diagnostics); without, only the texts are made, which
    /// is quicker.
    public var describe: Bool
    /// Texts every item's guesses may draw on (`chronicle repair --reference`).
    public var references: [String]
    /// Texts of an item's translations that are not in the batch (by index), asked for only
    /// when that item needs guesses.
    public var outsideReferences: (@Sendable (Int) -> [String])?

    public init(
        jobs: Int? = nil, describe: Bool = true, references: [String] = [],
        outsideReferences: (@Sendable (Int) -> [String])? = nil
    ) {
        self.jobs = jobs
        self.describe = describe
        self.references = references
        self.outsideReferences = outsideReferences
    }

    /// Repairs `items`; the outcomes are in the same order.
    public func run(_ items: [Item]) -> [Outcome] {
        // 1. Alone; texts that need guesses wait (nil).
        var outcomes: [Outcome?] = ParallelMap.map(Array(items.indices), jobs: jobs) { index in
            repair(items[index], references: [], vocabulary: RepairVocabulary(), deferGuesses: true)
        }
        let waiting = outcomes.indices.filter { outcomes[$0] == nil }
        guard !waiting.isEmpty else { return outcomes.map { $0! } }
        // 2. With the vocabulary of the others, and the translations.
        var vocabulary = RepairVocabulary()
        for case let outcome? in outcomes { vocabulary.add(outcome.text) }
        let known = vocabulary
        var groups: [String: [Int]] = [:]
        for (index, item) in items.enumerated() {
            if let group = item.group { groups[group, default: []].append(index) }
        }
        let translations = groups
        let done = outcomes
        let again = ParallelMap.map(waiting, jobs: jobs) { index -> Outcome in
            var references = self.references
            if let group = items[index].group {
                for other in translations[group] ?? [] where other != index {
                    references.append(done[other]?.text ?? items[other].text)
                }
            }
            references += outsideReferences?(index) ?? []
            return repair(items[index], references: references, vocabulary: known, deferGuesses: false)!
        }
        for (index, outcome) in zip(waiting, again) { outcomes[index] = outcome }
        return outcomes.map { $0! }
    }

    /// One text; nil when it needs guesses and `deferGuesses` says to wait.
    private func repair(
        _ item: Item, references: [String], vocabulary: RepairVocabulary, deferGuesses: Bool
    ) -> Outcome? {
        if describe {
            let result = TextRepairer.repair(
                item.text, reference: references, vocabulary: vocabulary, deferGuesses: deferGuesses)
            if result.guessed && deferGuesses { return nil }
            return Outcome(
                text: result.text, changed: result.changed,
                diagnostics: RepairDiagnostics.diagnostics(for: result, original: item.text, path: item.path))
        }
        let result = TextRepairer.repairedUTF8(
            Array(item.text.utf8), reference: references, vocabulary: vocabulary, deferGuesses: deferGuesses)
        if result.guessed && deferGuesses { return nil }
        return Outcome(
            text: result.changed ? String(decoding: result.utf8, as: UTF8.self) : item.text,
            changed: result.changed, diagnostics: [])
    }
}
