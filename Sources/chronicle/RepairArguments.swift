import Foundation

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
