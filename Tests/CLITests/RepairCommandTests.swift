import Foundation
import Testing
import TestSupport

/// End-to-end tests of `chronicle repair`, run as a process the way a user runs it.
@Suite struct RepairCommandTests {
    // MARK: - Fixtures

    static let greeting = "Grüße aus Köln – 🎉\n"
    /// Correct text that looks suspicious: German, Turkish, Czech and mojibake quoted in code.
    static let cleanText = """
        # Grüße

        Grüße aus Köln, schöne Straße.
        İstanbul'da güzel bir gün; ağaçlar çiçek açtı, şöyle böyle.
        Příliš žluťoučký kůň úpěl ďábelské ódy.

        In old exports `Ã¤` stands for ä.

        """

    // MARK: - 1. One file to standard output

    @Test("The mojibake helper of these tests produces UTF-8 read as Windows-1252")
    func mojibakeHelperMatchesWindows1252() {
        // Written out scalar by scalar: C3 BC -> Ã ¼, C3 9F -> Ã Ÿ, E2 80 93 -> â € “, F0 9F 8E 89 -> ð Ÿ Ž ‰.
        let expected = "Gr\u{C3}\u{BC}\u{C3}\u{178}e aus K\u{C3}\u{B6}ln \u{E2}\u{20AC}\u{201C} \u{F0}\u{178}\u{17D}\u{2030}\n"
        #expect(Mojibake.windows1252(Self.greeting) == expected)
        #expect(Mojibake.windows1252(Self.greeting) == "GrÃ¼ÃŸe aus KÃ¶ln â€“ ðŸŽ‰\n")
        // 🐄 is F0 9F 90 84; Windows-1252 leaves 0x90 undefined.
        #expect(Mojibake.windows1252("🐄", dropUndefined: true) == "\u{F0}\u{178}\u{201E}")
        #expect(Mojibake.windows1252("🐄") == "\u{F0}\u{178}\u{90}\u{201E}")
    }

    @Test("A single damaged file is printed repaired on standard output with exit status 0")
    func singleFileToStandardOutput() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = Mojibake.windows1252(Self.greeting)
        try ChronicleProcess.write(["post.md": damaged], into: folder)
        let run = try ChronicleProcess.run(["repair", "post.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Array(run.stdout.utf8) == Array(Self.greeting.utf8))
        #expect(run.stderr == "")
        // Printing does not touch the file.
        #expect(try bytes(folder, "post.md") == Array(damaged.utf8))
        #expect(!exists(folder, "post.md.orig"))
    }

    @Test("Clean German, Turkish and Czech text and mojibake quoted in code come out byte for byte")
    func cleanTextIsUnchanged() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["clean.md": Self.cleanText], into: folder)
        let run = try ChronicleProcess.run(["repair", "clean.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Array(run.stdout.utf8) == Array(Self.cleanText.utf8))
        #expect(run.stderr == "")
    }

    @Test("A damaged emoji whose undefined byte became a C1 control is repaired exactly")
    func sloppyControlCharacterIsRepaired() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = "Unser Maskottchen 🐄 sagt „Muh“.\n"
        try ChronicleProcess.write(["cow.md": Mojibake.windows1252(original)], into: folder)
        let run = try ChronicleProcess.run(["repair", "cow.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Array(run.stdout.utf8) == Array(original.utf8))
    }

    @Test("CRLF line breaks and a byte order mark are kept")
    func lineBreaksAndByteOrderMarkAreKept() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = "\u{FEFF}Grüße aus Köln\r\nZweite Zeile für dich\r\n\r\nEnde\r\n"
        try ChronicleProcess.write(["crlf.md": Mojibake.windows1252(original)], into: folder)
        #expect(try bytes(folder, "crlf.md").prefix(3) == [0xC3, 0xAF, 0xC2], "the BOM itself is damaged in the input")
        let run = try ChronicleProcess.run(["repair", "crlf.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Array(run.stdout.utf8) == Array(original.utf8))
    }

    // MARK: - 2. Several files need a destination

    @Test("Several files without --write, --output-dir or --check are refused with status 64")
    func severalFilesNeedADestination() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = Mojibake.windows1252(Self.greeting)
        try ChronicleProcess.write(["a.md": damaged, "b.md": damaged], into: folder)
        let run = try ChronicleProcess.run(["repair", "a.md", "b.md"], in: folder)
        #expect(run.status == 64)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("--write") || run.stderr.contains("--output-dir"), "\(run.stderr)")
        #expect(try bytes(folder, "a.md") == Array(damaged.utf8))
        #expect(!exists(folder, "a.md.orig"))
    }

    @Test("--write together with --output-dir, or --check with --write, is refused with status 64")
    func conflictingDestinationsAreRefused() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = Mojibake.windows1252(Self.greeting)
        try ChronicleProcess.write(["a.md": damaged], into: folder)
        let both = try ChronicleProcess.run(["repair", "--write", "--output-dir", "out", "a.md"], in: folder)
        #expect(both.status == 64)
        #expect(both.stderr.contains("Use either --write or --output-dir, not both."), "\(both.stderr)")
        let check = try ChronicleProcess.run(["repair", "--check", "--write", "a.md"], in: folder)
        #expect(check.status == 64)
        #expect(check.stderr.contains("--check writes nothing"), "\(check.stderr)")
        #expect(try bytes(folder, "a.md") == Array(damaged.utf8))
        #expect(!exists(folder, "a.md.orig"))
        #expect(!exists(folder, "out"))
    }

    // MARK: - 3. --output-dir

    @Test("--output-dir writes every file below DIR keeping its relative path and leaves the inputs alone")
    func outputDirectoryKeepsRelativePaths() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let second = "Zweite Zeile für dich – „schön“.\n"
        let inputs = [
            "top.md": Mojibake.windows1252(Self.greeting),
            "posts/2024/index.de.md": Mojibake.windows1252(second),
            "posts/2024/clean.md": Self.cleanText,
        ]
        try ChronicleProcess.write(inputs, into: folder)
        let run = try ChronicleProcess.run(
            ["repair", "--output-dir", "repaired", "top.md", "posts/2024/index.de.md", "posts/2024/clean.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr == "")
        #expect(try bytes(folder, "repaired/top.md") == Array(Self.greeting.utf8))
        #expect(try bytes(folder, "repaired/posts/2024/index.de.md") == Array(second.utf8))
        #expect(try bytes(folder, "repaired/posts/2024/clean.md") == Array(Self.cleanText.utf8))
        #expect(try snapshot(folder.appending(path: "repaired")).keys.sorted()
            == ["posts/2024/clean.md", "posts/2024/index.de.md", "top.md"])
        for (path, text) in inputs {
            #expect(try bytes(folder, path) == Array(text.utf8), "input \(path) changed")
        }
        #expect(!exists(folder, "top.md.orig"))
    }

    @Test("--output-dir writes an absolute path under its name and refuses two files for one target")
    func outputDirectoryAbsolutePathsAndCollisions() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["sub/a.md": Mojibake.windows1252(Self.greeting), "a.md": Self.cleanText], into: folder)
        let absolute = folder.appending(path: "sub/a.md").path
        let single = try ChronicleProcess.run(["repair", "--output-dir", "out", absolute], in: folder)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(try bytes(folder, "out/a.md") == Array(Self.greeting.utf8))

        let clash = try ChronicleProcess.run(["repair", "--output-dir", "out2", absolute, "a.md"], in: folder)
        #expect(clash.status == 1)
        #expect(clash.stderr == "error: '\(absolute)' and 'a.md' would both be written to 'out2/a.md'\n")
        #expect(!exists(folder, "out2/a.md"))
    }

    // MARK: - 4. --write

    @Test("--write repairs a damaged file in place, keeps FILE.orig and its permissions, and leaves a clean file untouched")
    func writeInPlace() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = Mojibake.windows1252(Self.greeting)
        try ChronicleProcess.write(["damaged.md": damaged, "clean.md": Self.cleanText], into: folder)
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder.appending(path: "damaged.md").path)
        let past = Date(timeIntervalSince1970: 1_500_000_000)
        try manager.setAttributes([.modificationDate: past], ofItemAtPath: folder.appending(path: "clean.md").path)

        let run = try ChronicleProcess.run(["repair", "--write", "damaged.md", "clean.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr == "")
        #expect(try bytes(folder, "damaged.md") == Array(Self.greeting.utf8))
        #expect(try bytes(folder, "damaged.md.orig") == Array(damaged.utf8))
        let permissions = try manager.attributesOfItem(atPath: folder.appending(path: "damaged.md").path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)

        #expect(try bytes(folder, "clean.md") == Array(Self.cleanText.utf8))
        #expect(!exists(folder, "clean.md.orig"))
        let modified = try manager.attributesOfItem(atPath: folder.appending(path: "clean.md").path)[.modificationDate] as? Date
        #expect(modified == past)
        // No temporary files are left beside the files.
        #expect(try snapshot(folder).keys.sorted() == ["clean.md", "damaged.md", "damaged.md.orig"])
    }

    @Test("--write refuses a file whose FILE.orig exists, with exit status 1, and still repairs the others")
    func writeRefusesToOverwriteAnOriginal() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = Mojibake.windows1252(Self.greeting)
        let other = Mojibake.windows1252("Schöne Grüße\n")
        try ChronicleProcess.write(["post.md": damaged, "post.md.orig": "an older backup\n", "other.md": other], into: folder)
        let run = try ChronicleProcess.run(["repair", "--write", "post.md", "other.md"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        let errors = lines(run.stderr).filter { $0.contains("error:") }
        #expect(errors.count == 1, "\(run.stderr)")
        let error = try #require(errors.first)
        #expect(error.hasPrefix("post.md: error: "))
        #expect(error.contains("'post.md.orig' already exists"))
        #expect(try bytes(folder, "post.md") == Array(damaged.utf8))
        #expect(try bytes(folder, "post.md.orig") == Array("an older backup\n".utf8))
        #expect(try bytes(folder, "other.md") == Array("Schöne Grüße\n".utf8))
        #expect(try bytes(folder, "other.md.orig") == Array(other.utf8))
    }

    // MARK: - 5. --explain

    @Test("--explain prints each repair as PATH:LINE:COLUMN: warning with before, after, encoding and confidence")
    func explainReportsEachRepair() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = "# Title\n\n" + Self.greeting + "Zweite Zeile für dich\n"
        let damaged = "# Title\n\n" + Mojibake.windows1252(Self.greeting + "Zweite Zeile für dich\n")
        try ChronicleProcess.write(["docs/p.md": damaged], into: folder)
        let run = try ChronicleProcess.run(["repair", "--explain", "docs/p.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Array(run.stdout.utf8) == Array(original.utf8))
        let warnings = try reported(run.stderr).map { try #require(Warning($0), "not a repair warning: \($0)") }
        #expect(warnings.map(\.location) == ["docs/p.md:3:1", "docs/p.md:3:13", "docs/p.md:3:19", "docs/p.md:3:23", "docs/p.md:4:14"])
        #expect(warnings.map(\.before) == ["GrÃ¼ÃŸe", "KÃ¶ln", "â€“", "ðŸŽ‰", "fÃ¼r"])
        #expect(warnings.map(\.after) == ["Grüße", "Köln", "–", "🎉", "für"])
        for warning in warnings {
            #expect(warning.encoding == "Windows-1252")
            #expect(warning.confidence > 0.5 && warning.confidence <= 1, "\(warning.confidence)")
        }
    }

    @Test("--explain shows control characters in the damaged text as \\u{…}")
    func explainShowsControlCharacters() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["cow.md": "Moo " + Mojibake.windows1252("🐄") + "\n"], into: folder)
        let run = try ChronicleProcess.run(["repair", "--explain", "cow.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Moo 🐄\n")
        let warning = try #require(Warning(reported(run.stderr).first ?? ""), "\(run.stderr)")
        #expect(warning.location == "cow.md:1:5")
        #expect(warning.before == "ðŸ\\u{90}„")
        #expect(warning.after == "🐄")
    }

    @Test("--explain lists the candidates for a dropped byte it had to guess, the cow among them")
    func explainListsDroppedByteCandidates() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = "Kuh: " + Mojibake.windows1252("🐄", dropUndefined: true) + "\n"
        #expect(damaged == "Kuh: ðŸ„\n")
        try ChronicleProcess.write(["q.md": damaged], into: folder)
        let run = try ChronicleProcess.run(["repair", "--explain", "q.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let output = reported(run.stderr)
        #expect(output.count == 2, "\(run.stderr)")
        let warning = try #require(Warning(output.first ?? ""), "\(run.stderr)")
        #expect(warning.location == "q.md:1:6")
        #expect(warning.before == "ðŸ„")
        let guesses: Set<String> = ["🍄", "🏄", "🐄"]
        #expect(guesses.contains(warning.after))
        #expect(run.stdout == "Kuh: \(warning.after)\n")
        let note = try #require(output.last)
        let prefix = "q.md:1:6: note: a dropped byte was guessed; candidates, best first: "
        #expect(note.hasPrefix(prefix), "\(note)")
        let candidates = quoted(String(note.dropFirst(prefix.count)))
        #expect(candidates.contains("🐄"), "\(note)")
        #expect(candidates.count >= 2)
        #expect(candidates.first == warning.after, "the best candidate is the one written")
        #expect(Set(candidates).isSubset(of: guesses))
    }

    @Test("Mojibake quoted in inline code in clean text is noted by --explain and left alone")
    func quotedMojibakeIsNotedAndLeftAlone() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["clean.md": Self.cleanText], into: folder)
        let past = Date(timeIntervalSince1970: 1_500_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder.appending(path: "clean.md").path)
        let run = try ChronicleProcess.run(["repair", "--explain", "--write", "clean.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(reported(run.stderr) == ["clean.md:7:17: note: possible mojibake 'Ã¤' (Windows-1252) left as is "
            + "(its paragraph also holds correct non-ASCII text); it may mean 'ä' [repair.possible]"])
        #expect(try bytes(folder, "clean.md") == Array(Self.cleanText.utf8))
        #expect(!exists(folder, "clean.md.orig"))
        let modified = try FileManager.default.attributesOfItem(atPath: folder.appending(path: "clean.md").path)[.modificationDate] as? Date
        #expect(modified == past)
    }

    // MARK: - 6. --check

    @Test("--check exits 1 and names each file that would be repaired, writing nothing")
    func checkReportsFilesThatWouldChange() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = Mojibake.windows1252(Self.greeting)
        try ChronicleProcess.write(["clean.md": Self.cleanText, "posts/bad.md": damaged], into: folder)
        let run = try ChronicleProcess.run(["repair", "--check", "clean.md", "posts/bad.md"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "posts/bad.md: would be repaired\n")
        #expect(try bytes(folder, "posts/bad.md") == Array(damaged.utf8))
        #expect(try snapshot(folder).keys.sorted() == ["clean.md", "posts/bad.md"])
    }

    @Test("--check exits 0 without any output when every file is clean")
    func checkIsSilentWhenAllIsClean() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["clean.md": Self.cleanText, "plain.md": "Just ASCII.\n", "greeting.md": Self.greeting], into: folder)
        let run = try ChronicleProcess.run(["repair", "--check", "clean.md", "plain.md", "greeting.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr == "")
    }

    // MARK: - 7. Not UTF-8

    @Test("A file that is not UTF-8 is read as Windows-1252, warned about and written as UTF-8")
    func windows1252FileIsConverted() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // "Grüße aus Köln – 5 €" in Windows-1252: ü FC, ß DF, ö F6, – 96, € 80.
        let raw: [UInt8] = Array("Gr".utf8) + [0xFC, 0xDF] + Array("e aus K".utf8) + [0xF6] + Array("ln ".utf8)
            + [0x96] + Array(" 5 ".utf8) + [0x80] + Array("\n".utf8)
        try Data(raw).write(to: folder.appending(path: "legacy.txt"))
        let expected = "Grüße aus Köln – 5 €\n"
        let warning = "legacy.txt:1:3: warning: byte 0xFC is not UTF-8 (and 4 more bytes); read as Windows-1252 [source.encoding]\n"

        let printed = try ChronicleProcess.run(["repair", "legacy.txt"], in: folder)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(Array(printed.stdout.utf8) == Array(expected.utf8))
        #expect(printed.stderr == warning)

        let written = try ChronicleProcess.run(["repair", "--output-dir", "out", "legacy.txt"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr == warning)
        #expect(try bytes(folder, "out/legacy.txt") == Array(expected.utf8))
        #expect(try bytes(folder, "legacy.txt") == raw)

        let check = try ChronicleProcess.run(["repair", "--check", "legacy.txt"], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr == warning + "legacy.txt: would be repaired\n")
    }

    // MARK: - 8. Unreadable files

    @Test("A file that is UTF-8 but for a stray Windows-1252 byte keeps its UTF-8 and converts only that byte")
    func strayByteInUTF8File() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw: [UInt8] = Array("Grüße aus Köln ".utf8) + [0x96] + Array(" 🐄\n".utf8)
        try Data(raw).write(to: folder.appending(path: "mixed.md"))
        let run = try ChronicleProcess.run(["repair", "mixed.md"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == "Grüße aus Köln – 🐄\n")
        #expect(run.stderr == "mixed.md:1:16: warning: byte 0x96 is not UTF-8; read as Windows-1252 [source.encoding]\n")
    }

    @Test("A missing file among others gets an error line and exit status 1; the others are still written")
    func missingFileIsReportedAndOthersWritten() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["a.md": Mojibake.windows1252(Self.greeting), "b.md": Self.cleanText], into: folder)
        let run = try ChronicleProcess.run(["repair", "--output-dir", "out", "a.md", "missing.md", "b.md"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "missing.md: error: cannot read file: No such file or directory [source.unreadable]\n")
        #expect(try bytes(folder, "out/a.md") == Array(Self.greeting.utf8))
        #expect(try bytes(folder, "out/b.md") == Array(Self.cleanText.utf8))
        #expect(!exists(folder, "out/missing.md"))
    }

    @Test("A folder stands for the text files below it, hidden ones and other files left out")
    func folderStandsForItsTextFiles() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = Mojibake.windows1252(Self.greeting)
        try ChronicleProcess.write([
            "sub/a.md": Self.cleanText, "sub/deep/b.md": damaged, "sub/deep/c.txt": damaged,
            "sub/.hidden/d.md": damaged, "sub/.e.md": damaged, "sub/notes.rst": damaged, "empty/x.png": "not text",
        ], into: folder)
        let check = try ChronicleProcess.run(["repair", "--check", "sub"], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr == "sub/deep/b.md: would be repaired\nsub/deep/c.txt: would be repaired\n")
        let written = try ChronicleProcess.run(["repair", "--output-dir", "out", "sub/"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try snapshot(folder.appending(path: "out")).keys.sorted() == ["sub/a.md", "sub/deep/b.md", "sub/deep/c.txt"])
        #expect(try bytes(folder, "out/sub/deep/b.md") == Array(Self.greeting.utf8))
        #expect(try bytes(folder, "out/sub/a.md") == Array(Self.cleanText.utf8))
        let printed = try ChronicleProcess.run(["repair", "sub"], in: folder)
        #expect(printed.status == 64)
        #expect(printed.stderr.contains("'sub' holds several files"), "\(printed.stderr)")
        let empty = try ChronicleProcess.run(["repair", "--check", "empty"], in: folder)
        #expect(empty.status == 1)
        #expect(empty.stderr == "empty: error: no Markdown, text or HTML files in this folder\n")
    }

    @Test("--write refuses to replace a symbolic link (the file it points to would stay damaged)")
    func writeRefusesSymbolicLinks() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = Mojibake.windows1252(Self.greeting)
        try ChronicleProcess.write(["real/post.md": damaged], into: folder)
        try FileManager.default.createSymbolicLink(atPath: folder.appending(path: "post.md").path, withDestinationPath: "real/post.md")
        let run = try ChronicleProcess.run(["repair", "--write", "post.md"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "post.md: error: is a symbolic link; repair the file it points to ('real/post.md') instead [repair.write]\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appending(path: "post.md").path) == "real/post.md")
        #expect(try bytes(folder, "real/post.md") == Array(damaged.utf8))
        #expect(!exists(folder, "post.md.orig"))
        let target = try ChronicleProcess.run(["repair", "--write", "real/post.md"], in: folder)
        #expect(target.status == 0)
        #expect(try bytes(folder, "real/post.md") == Array(Self.greeting.utf8))
    }

    @Test("The same file named twice is one file: printed once on standard output")
    func sameFileTwiceIsOneFile() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["a.md": Mojibake.windows1252(Self.greeting)], into: folder)
        let run = try ChronicleProcess.run(["repair", "a.md", "a.md"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == Self.greeting)
    }

    @Test("An unreadable --reference file is a usage error")
    func unreadableReferenceIsAnError() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["a.md": Mojibake.windows1252(Self.greeting)], into: folder)
        let run = try ChronicleProcess.run(["repair", "--reference", "nowhere.md", "a.md"], in: folder)
        #expect(run.status == 64)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("Cannot read reference file 'nowhere.md': No such file or directory."), "\(run.stderr)")
    }

    // MARK: - 9. Sibling translations

    @Test("The post's other-language file decides a dropped-byte guess")
    func siblingTranslationDecidesTheGuess() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = "Our mascot 🐄 says hello.\n"
        try ChronicleProcess.write([
            "post/index.de.md": "Unser Maskottchen 🐄 sagt Hallo.\n",
            "post/index.en.md": Mojibake.windows1252(english, dropUndefined: true),
        ], into: folder)
        #expect(try bytes(folder, "post/index.en.md") == Array("Our mascot ðŸ„ says hello.\n".utf8))
        let run = try ChronicleProcess.run(["repair", "--output-dir", "out", "post/index.en.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(try bytes(folder, "out/post/index.en.md") == Array(english.utf8))
        #expect(!exists(folder, "out/post/index.de.md"), "only the given file is written")

        let explained = try ChronicleProcess.run(["repair", "--explain", "post/index.en.md"], in: folder)
        #expect(Array(explained.stdout.utf8) == Array(english.utf8))
        let warning = try #require(Warning(reported(explained.stderr).first ?? ""), "\(explained.stderr)")
        #expect(warning.location == "post/index.en.md:1:12")
        #expect(warning.after == "🐄")
    }

    @Test("A --reference file holding the character decides a dropped-byte guess")
    func referenceFileDecidesTheGuess() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write([
            "notes/ref.txt": "Herd of 🐄 and 🐄.\n",
            "b.md": "Cows: " + Mojibake.windows1252("🐄", dropUndefined: true) + "\n",
        ], into: folder)
        let run = try ChronicleProcess.run(["repair", "--reference", "notes/ref.txt", "b.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Cows: 🐄\n")
    }

    // MARK: - 10. The run's vocabulary

    @Test("Characters other files of the run hold intact decide a dropped-byte guess; alone, every candidate is listed")
    func vocabularyOfTheRunDecidesTheGuess() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = "🐄 release\n\nDas ist für dich.\n"
        try ChronicleProcess.write([
            "a.md": "Moo 🐄 and more 🐄\n",
            "b.md": Mojibake.windows1252(original, dropUndefined: true),
        ], into: folder)
        #expect(try bytes(folder, "b.md") == Array("ðŸ„ release\n\nDas ist fÃ¼r dich.\n".utf8))

        let together = try ChronicleProcess.run(["repair", "--output-dir", "out", "a.md", "b.md"], in: folder)
        #expect(together.status == 0, "\(together.stderr)")
        #expect(together.stderr == "")
        #expect(try bytes(folder, "out/b.md") == Array(original.utf8))
        #expect(try bytes(folder, "out/a.md") == Array("Moo 🐄 and more 🐄\n".utf8))

        let alone = try ChronicleProcess.run(["repair", "--explain", "b.md"], in: folder)
        #expect(alone.status == 0, "\(alone.stderr)")
        let notes = reported(alone.stderr).filter { $0.contains(": note: a dropped byte was guessed") }
        let note = try #require(notes.first, "\(alone.stderr)")
        #expect(notes.count == 1)
        #expect(note.hasPrefix("b.md:1:1: note: a dropped byte was guessed; candidates, best first: "))
        let candidates = quoted(String(note.drop { $0 != "'" }))
        #expect(Set(candidates) == ["🍄", "🏄", "🐄"], "\(note)")
        // The other repair in the file is made all the same.
        #expect(alone.stdout.hasSuffix("\n\nDas ist für dich.\n"))

        let explainedTogether = try ChronicleProcess.run(["repair", "--explain", "--output-dir", "out2", "a.md", "b.md"], in: folder)
        #expect(explainedTogether.status == 0, "\(explainedTogether.stderr)")
        // With the run's vocabulary the cow is written; if other candidates are still listed, it leads.
        let warningTogether = try #require(reported(explainedTogether.stderr).compactMap(Warning.init).first { $0.location.hasPrefix("b.md:") })
        #expect(warningTogether.after == "🐄", "\(explainedTogether.stderr)")
        if let noteTogether = reported(explainedTogether.stderr).first(where: { $0.contains(": note: a dropped byte was guessed") }) {
            #expect(quoted(String(noteTogether.drop { $0 != "'" })).first == "🐄", "\(noteTogether)")
        }
        #expect(try bytes(folder, "out2/b.md") == Array(original.utf8))
    }

    // MARK: - 11. One workflow with the build

    @Test("The build and chronicle repair print the same diagnostics for the same files")
    func buildAndRepairReportAlike() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let german = "---\ntitle: Kühe\ndate: 2026-01-01\n---\n" + Mojibake.windows1252(
            "Grüße aus Köln – 🎉\n\nDie Kuh 🐄 ist zurück.\n", dropUndefined: true)
        try ChronicleProcess.write([
            "config.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\ndefaultContentLanguage = \"en\"\n"
                + "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
            "content/posts/p/index.en.md": "---\ntitle: Cows\ndate: 2026-01-01\n---\nThe cow 🐄 is back.\n\n"
                + "In old exports `Ã¤` stands for ä.\n",
        ], into: folder)
        // A stray Windows-1252 byte (0x96, a dash) in otherwise UTF-8 text, a paragraph of its own.
        try Data(Array(german.utf8) + Array("\nEnde ".utf8) + [0x96, 0x0A]).write(to: folder.appending(path: "content/posts/p/index.de.md"))
        let build = try ChronicleProcess.run(["build", "--verbose", "--source", ".", "--output", "public"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let repair = try ChronicleProcess.run(
            ["repair", "--explain", "--check", "content/posts/p/index.de.md", "content/posts/p/index.en.md"], in: folder)
        #expect(repair.status == 1, "\(repair.stderr)")
        func ofRepair(_ text: String) -> [String] {
            reported(text).filter { $0.contains("[repair.") || $0.contains("[source.encoding]") }
        }
        let built = ofRepair(build.stderr)
        #expect(built == ofRepair(repair.stderr))
        // Each kind: a stray byte, repairs (a dropped byte among them), a quote left alone.
        for code in ["[source.encoding]", "[repair.mojibake]", "[repair.possible]"] {
            #expect(built.contains { $0.contains(code) }, "\(code) in \(build.stderr)")
        }
        #expect(built.contains("content/posts/p/index.de.md:9:6: warning: byte 0x96 is not UTF-8; read as Windows-1252 [source.encoding]"))
        #expect(built.contains { $0.hasPrefix("content/posts/p/index.de.md:7:9: warning: repaired mojibake 'ðŸ„' -> '🐄' (Windows-1252, confidence ") })
    }

    @Test("--output-dir makes no folders for files it cannot read")
    func outputDirMakesNoFolderForUnreadableFiles() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ChronicleProcess.write(["a.md": Mojibake.windows1252(Self.greeting)], into: folder)
        let run = try ChronicleProcess.run(["repair", "--output-dir", "out", "a.md", "sub/deeper/missing.md"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "sub/deeper/missing.md: error: cannot read file: No such file or directory [source.unreadable]\n")
        #expect(try bytes(folder, "out/a.md") == Array(Self.greeting.utf8))
        #expect(!exists(folder, "out/sub"))
    }

    // MARK: - Helpers

    /// Every regular file below `root`, by path relative to it.
    private func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let rootPath = root.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = rootPath + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }

    private func bytes(_ folder: URL, _ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appending(path: path)))
    }

    private func exists(_ folder: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appending(path: path).path)
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The diagnostic lines of standard error (the source lines and carets under them left out).
    private func reported(_ text: String) -> [String] {
        lines(text).filter { $0.contains(": warning: ") || $0.contains(": note: ") || $0.contains(": error: ") }
    }

    /// The texts between single quotes in `'x', 'y', 'z'` (a trailing ` [code]` left out).
    private func quoted(_ list: String) -> [String] {
        var list = Substring(list)
        if list.hasSuffix("]"), let open = list.range(of: " [", options: .backwards) { list = list[..<open.lowerBound] }
        return list.split(separator: ", ").map { item in
            var text = Substring(item)
            if text.hasPrefix("'") { text = text.dropFirst() }
            if text.hasSuffix("'") { text = text.dropLast() }
            return String(text)
        }
    }

    /// `PATH:LINE:COLUMN: warning: repaired mojibake 'BEFORE' -> 'AFTER' (ENCODING, confidence CONFIDENCE) [repair.mojibake]`.
    struct Warning {
        var location: String
        var before: String
        var after: String
        var encoding: String
        var confidence: Double

        init?(_ line: String) {
            let marker = ": warning: repaired mojibake '"
            let suffix = ") [repair.mojibake]"
            guard let markerRange = line.range(of: marker), line.hasSuffix(suffix) else { return nil }
            location = String(line[..<markerRange.lowerBound])
            let body = line[markerRange.upperBound..<line.index(line.endIndex, offsetBy: -suffix.count)]
            guard let arrow = body.range(of: "' -> '"), let open = body.range(of: "' (", options: .backwards) else { return nil }
            before = String(body[..<arrow.lowerBound])
            after = String(body[arrow.upperBound..<open.lowerBound])
            let details = body[open.upperBound...].split(separator: ", ")
            guard details.count == 2, details[1].hasPrefix("confidence "),
                  let value = Double(details[1].dropFirst("confidence ".count)) else { return nil }
            encoding = String(details[0])
            confidence = value
        }
    }
}
