import ArgumentParser
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry point. Commands run on the main thread; `serve`, the one asynchronous command,
/// runs as a task while the main thread waits for it.
///
/// ArgumentParser's own asynchronous `main` parks the main thread in `dispatch_main()`, whose
/// `pthread_exit` unwinds the main thread's stack. In the static release binary the first
/// unwind sorts every frame description of the whole program: about 340 million instructions
/// (0.1 s) at the start of every command, a third of a 1,000-post build's set-up and nearly all
/// of `chronicle repair` on one small file (callgrind: 352 M instructions, 337 M of them this).
@main
enum ChronicleMain {
    static func main() {
        let command: ParsableCommand
        do {
            command = try Chronicle.parseAsRoot()
        } catch {
            Chronicle.exit(withError: error)
        }
        do {
            if let asynchronous = command as? AsyncParsableCommand {
                try runWaiting(asynchronous)
            } else {
                var command = command
                try command.run()
            }
        } catch {
            Chronicle.exit(withError: error)
        }
    }

    /// Runs an asynchronous command as a task and waits for it on this thread. Nothing in
    /// Chronicle runs on the main actor, so the task never needs the thread that waits.
    private static func runWaiting(_ command: AsyncParsableCommand) throws {
        let done = DispatchSemaphore(value: 0)
        let job = Job(command)
        Task.detached {
            do {
                try await job.command.run()
            } catch {
                job.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = job.error { throw error }
    }

    /// The command, handed to the task, and what it ended with: written by the task before it
    /// signals, read after the wait.
    private final class Job: @unchecked Sendable {
        var command: AsyncParsableCommand
        var error: Error?

        init(_ command: AsyncParsableCommand) { self.command = command }
    }
}
