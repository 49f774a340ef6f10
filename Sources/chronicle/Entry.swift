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

/// The plain forms of `chronicle repair`'s command line, parsed without ArgumentParser.
enum RepairArguments {
    /// The options of `repair [--write] [--check] [--explain] [--output-dir DIR]
    /// [--reference FILE]... FILE...` (options also as `--name=value`, in any order), or nil for
    /// anything else: ArgumentParser then parses it, prints help or explains the mistake.
    static func parse(_ arguments: [String]) -> RepairOptions? {
        guard arguments.first == "repair" else { return nil }
        var options = RepairOptions(files: [])
        var sawOutputDir = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                // "help" may mean the help command; an empty name is odd: leave both to ArgumentParser.
                if argument.isEmpty || argument == "help" { return nil }
                options.files.append(argument)
                continue
            }
            var name = Substring(argument)
            var value: String? = nil
            if let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                value = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "--write", "--explain", "--check":
                // A repeated flag is left to ArgumentParser.
                guard value == nil else { return nil }
                if name == "--write" { if options.write { return nil } else { options.write = true } }
                if name == "--explain" { if options.explain { return nil } else { options.explain = true } }
                if name == "--check" { if options.check { return nil } else { options.check = true } }
            case "--output-dir", "--reference":
                if value == nil {
                    guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                    value = arguments[index]
                    index += 1
                }
                guard let value, !value.isEmpty else { return nil }
                if name == "--reference" {
                    options.reference.append(value)
                } else {
                    if sawOutputDir { return nil }
                    sawOutputDir = true
                    options.outputDir = value
                }
            default:
                return nil
            }
        }
        // Mistakes and unreadable references are explained by ArgumentParser.
        guard !options.files.isEmpty, options.problem == nil,
              options.reference.allSatisfy({ RepairFiles.read($0) != nil }) else { return nil }
        return options
    }
}
