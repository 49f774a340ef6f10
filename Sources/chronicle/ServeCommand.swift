import ArgumentParser
import ContentParsing
import Foundation
import PreviewServer
import SiteBuilder
import SiteCore
import TranslationReview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser, rebuilt and reloaded on every save.",
        discussion: """
            Builds the site into memory and serves it on http://127.0.0.1:1313/. Every page you \
            have open reloads by itself when you save a file under content/, layouts/, themes/, \
            static/ or i18n/, or the config (and keeps its scroll position). Only what an edit \
            touches is built again: the page, the lists and feeds it is on, its translations. \
            When a build fails, the pages stay as they were and show the errors over themselves \
            (path, line:column, message) until you fix them.

            Translators: /_translate/ lists every post with its languages and whether a \
            translation is missing or out of date; /_translate/<post>/ shows the languages side \
            by side, section by section, with what differs marked (see also `chronicle translations`).

            Nothing is written to disk. Stop the server with Ctrl-C.

            Examples:
              chronicle serve                          serve ./ on http://127.0.0.1:1313/
              chronicle serve --drafts --open          drafts too, and open a browser
              chronicle serve --source site --port 0   any free port (printed on start)
            """
    )

    @OptionGroup var site: SiteSelection

    @Option(name: .long, help: "The port to listen on; 0 picks a free one.")
    var port: Int = 1313

    @Option(name: .long, help: "The address to listen on. Anything but a loopback address shows the preview (drafts too) to other machines.")
    var bind: String = "127.0.0.1"

    @Option(name: .customLong("base-url"), help: "The base URL pages are built for (default: the address served, with the config's path).")
    var baseURL: String?

    @Flag(name: .long, help: "Open the site in a browser once it is built.")
    var open = false

    @Option(name: .long, help: "Threads to use (default: one per core).")
    var jobs: Int?

    @Flag(name: .long, help: "Print each build's stage times.")
    var verbose = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() async throws {
        let printer = DiagnosticPrinter(showNotes: false)
        // Listen first: the pages are built for the port actually served.
        var options = try site.buildOptions()
        let sourceURL = options.source
        options.baseURL = baseURL
        options.jobs = jobs
        let live = LiveSite(options: options)
        let server: PreviewServer
        let actualPort: UInt16
        do {
            server = try PreviewServer(live: live, bind: bind, port: UInt16(port))
            let translator = TranslatorPages(site: sourceURL)
            server.addPages(below: TranslationReview.pathPrefix) { path, snapshot in translator.page(path, snapshot) }
            actualPort = try await server.start()
        } catch {
            let inUse = Self.isAddressInUse(error)
            printer.summary("error: cannot listen on \(bind):\(port): "
                + (inUse ? "the address is already in use (is another server running there? try --port 0)" : "\(error)"))
            throw ExitCode(1)
        }
        if !PreviewServer.isLoopback(bind) {
            printer.summary("warning: listening on \(bind): other machines that can reach this one can read the preview, drafts included")
        }
        let host = bind == "0.0.0.0" || bind == "::" ? "localhost" : (bind.contains(":") ? "[\(bind)]" : bind)
        let root = "http://\(host):\(actualPort)"
        live.session.servedOrigin = root

        let start = Date()
        let firstBuild = BuildPrinter(printer: printer, verbose: verbose)
        live.onBuild = { report in firstBuild.print(report) }
        live.buildAll()
        guard live.current != nil else {
            printer.summary("error: the site could not be built; fix the problems above and start again")
            await server.stop()
            throw ExitCode(1)
        }
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(
                site: sourceURL.path, trees: Set(Self.watchedFolders(site: sourceURL, config: live.current?.site.config))
            ) { paths in live.changed(paths) }
        } catch {
            printer.summary("error: \(error)")
            await server.stop()
            throw ExitCode(1)
        }
        watcher.start()
        let pages = live.current?.pages.count ?? 0
        let basePath = live.current?.site.basePath ?? ""
        let ready = String(format: "serving %@%@/ (%d pages built in %.0f ms; watching %d folders; Ctrl-C stops)\n"
                           + "translations side by side: %@%@\n",
                           root, basePath, pages, Date().timeIntervalSince(start) * 1000, watcher.folderCount,
                           root, TranslationReview.pathPrefix)
        FileHandle.standardOutput.write(Data(ready.utf8))
        if open { Self.openBrowser(root + basePath + "/", printer: printer) }

        let signal = await SignalWaiter.wait(for: [SIGINT, SIGTERM])
        watcher.stop()
        await server.stop()
        printer.summary("stopped (\(signal == SIGINT ? "interrupt" : "terminate"))")
    }

    /// FlyingSocks reports `bind` failing with EADDRINUSE as text only.
    static func isAddressInUse(_ error: Error) -> Bool {
        let text = "\(error)"
        return text.localizedCaseInsensitiveContains("address already in use") || text.contains("errno: \(EADDRINUSE)")
    }

    /// The folders a change in rebuilds: the content folders (`content/`, or each language's
    /// `contentDir` inside the site), layouts, themes, static files, i18n, data and assets.
    static func watchedFolders(site: URL, config: SiteConfig?) -> [String] {
        var folders = ["content", "layouts", "themes", "static", "i18n", "data", "assets"]
        for root in config.map({ ContentRoot.roots(site: site, config: $0) }) ?? [] where !root.displayPrefix.hasPrefix("/") {
            let first = String(root.displayPrefix.split(separator: "/").first ?? "content")
            if !folders.contains(first) { folders.append(first) }
        }
        return folders
    }

    static func openBrowser(_ url: String, printer: DiagnosticPrinter) {
        for opener in ["xdg-open", "open", "sensible-browser"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
                let path = "\(folder)/\(opener)"
                guard FileManager.default.isExecutableFile(atPath: path) else { continue }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: path)
                process.arguments = [url]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                if (try? process.run()) != nil { return }
            }
        }
        printer.summary("note: no browser to open here (no xdg-open); open \(url) yourself")
    }
}

/// Prints each build of `serve`: every diagnostic of the first build, then for each rebuild its
/// time, the files read again and their problems (a site's old warnings are not repeated).
final class BuildPrinter: @unchecked Sendable {
    let printer: DiagnosticPrinter
    let verbose: Bool
    private var builds = 0

    init(printer: DiagnosticPrinter, verbose: Bool) {
        self.printer = printer
        self.verbose = verbose
    }

    func print(_ report: LiveSite.Report) {
        builds += 1
        let first = builds == 1
        let reloaded = Set(report.reloaded)
        let shown = first || report.wasFullBuild
            ? report.diagnostics
            : report.diagnostics.filter { $0.severity == .error || reloaded.contains($0.location.path) }
        printer.print(shown)
        let ms = String(format: "%.1f ms", report.seconds * 1000)
        if report.errorCount > 0 {
            printer.summary("build failed: \(report.errorCount) error(s) in \(ms)"
                + (report.keptPrevious ? "; the last good build stays served" : "; pages show the errors"))
        } else if !first {
            let what = report.wasFullBuild ? "everything" : report.reloaded.prefix(3).joined(separator: ", ")
                + (report.reloaded.count > 3 ? " and \(report.reloaded.count - 3) more" : "")
            printer.summary("rebuilt in \(ms): \(what)")
        }
        if verbose {
            printer.summary("stages: " + report.stageSeconds.map { String(format: "%@ %.1f ms", $0.stage, $0.seconds * 1000) }.joined(separator: ", ")
                + (report.linkedInPlace ? " (lists kept: no page moved)" : ""))
        }
    }
}

/// Waits for the first of some signals, which no longer end the process on their own.
enum SignalWaiter {
    static func wait(for signals: [Int32]) async -> Int32 {
        await withCheckedContinuation { continuation in
            let queue = DispatchQueue(label: "chronicle.signals")
            let once = Once()
            var sources: [DispatchSourceSignal] = []
            for number in signals {
                Foundation.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    if once.first() {
                        for source in sources { source.cancel() }
                        continuation.resume(returning: number)
                    }
                }
                sources.append(source)
                source.resume()
            }
        }
    }

    final class Once: @unchecked Sendable {
        private var done = false
        func first() -> Bool {
            defer { done = true }
            return !done
        }
    }
}
