import ArgumentParser
import Foundation

/// The program's entry: `chronicle repair` with plain arguments takes a short way round
/// ArgumentParser, whose set-up (reflection over every command) costs more than repairing a
/// folder of posts; everything else, and every unusual repair command line (help, an unknown
/// option, a mistake to explain), goes through ArgumentParser as usual. Set
/// `CHRONICLE_ARGUMENT_PARSER=full` to send everything through ArgumentParser (the tests compare
/// both ways).
@main
enum Entry {
    static func main() {
        // Straight from argv: `CommandLine.arguments` costs a good part of a millisecond here.
        let arguments = (1..<Int(CommandLine.argc)).map { String(cString: CommandLine.unsafeArgv[$0]!) }
        if getenv("CHRONICLE_ARGUMENT_PARSER").map({ String(cString: $0) }) != "full",
           let options = RepairArguments.parse(arguments) {
            // Everything is written with write(2) by now, so nothing is lost by leaving at once
            // (no atexit handlers, no static destructors).
            do {
                try options.run()
                _exit(0)
            } catch let code as ExitCode {
                _exit(code.rawValue)
            } catch {
                Chronicle.exit(withError: error)
            }
        }
        Chronicle.main()
    }
}
