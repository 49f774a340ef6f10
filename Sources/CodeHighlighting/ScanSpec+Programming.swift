extension ScanSpec {
    private static func cFamily(_ words: WordTable) -> ScanSpec {
        var spec = ScanSpec(words: words)
        spec.lineComments = bytes("//")
        spec.blockComment = (Array("/*".utf8), Array("*/".utf8))
        spec.quotes = [Quote("\""), Quote("'")]
        spec.preprocessorLines = true
        spec.declaredFunctions = true
        return spec
    }

    private static let cKeywords = "auto break case const continue default do else enum extern for goto if inline register restrict return sizeof static struct switch typedef union volatile while"
    private static let cTypes = "void char short int long float double signed unsigned bool size_t ssize_t uint8_t uint16_t uint32_t uint64_t int8_t int16_t int32_t int64_t FILE"

    static let c = cFamily(WordTable([.keyword: cKeywords, .type: cTypes, .constant: "NULL true false"]))

    static let cpp = cFamily(WordTable([
        .keyword: cKeywords + " class namespace template typename public private protected virtual override final new delete this throw try catch using operator friend explicit constexpr noexcept static_cast dynamic_cast reinterpret_cast const_cast auto decltype",
        .type: cTypes + " wchar_t char16_t char32_t string vector map",
        .constant: "NULL nullptr true false",
    ]))

    static let go: ScanSpec = {
        var spec = ScanSpec(words: WordTable([
            .keyword: "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var",
            .type: "bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any",
            .constant: "true false nil iota",
            .builtin: "append cap close copy delete len make new panic print println recover",
        ]))
        spec.lineComments = bytes("//")
        spec.blockComment = (Array("/*".utf8), Array("*/".utf8))
        spec.quotes = [Quote("\""), Quote("'"), Quote("`", escapes: false, multiline: true)]
        spec.functionDefiners = WordTable([.function: "func"])
        spec.operators.insert(UInt8(ascii: ":"))
        return spec
    }()

    static let swift: ScanSpec = {
        var spec = ScanSpec(words: WordTable([
            .keyword: "associatedtype class deinit enum extension fileprivate func import init inout internal let open operator private protocol public rethrows static struct subscript typealias var break case continue default defer do else fallthrough for guard if in repeat return switch where while as catch is throw throws try async await some any actor nonisolated mutating override final lazy weak convenience required get set willSet didSet self Self super",
            .type: "Int Int8 Int16 Int32 Int64 UInt UInt8 UInt16 UInt32 UInt64 Double Float Bool String Character Array Dictionary Set Optional Void Never Error Result Substring Sendable",
            .constant: "true false nil",
            .builtin: "print debugPrint fatalError precondition assert min max abs zip stride",
        ]))
        spec.lineComments = bytes("//")
        spec.blockComment = (Array("/*".utf8), Array("*/".utf8))
        spec.quotes = [Quote("\"\"\"", multiline: true), Quote("\"")]
        spec.functionDefiners = WordTable([.function: "func"])
        spec.atAttributes = true
        spec.preprocessorLines = true
        return spec
    }()

    static let python: ScanSpec = {
        var spec = ScanSpec(words: WordTable([
            .keyword: "and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case",
            .constant: "True False None",
            .builtin: "print len range open int str float list dict set tuple bool type isinstance enumerate zip map filter sorted sum min max abs any all super input repr format object self",
        ]))
        spec.lineComments = bytes("#")
        spec.quotes = [Quote("\"\"\"", multiline: true), Quote("'''", multiline: true), Quote("\""), Quote("'")]
        spec.stringPrefixes = ByteSet("rbfuRBFU")
        spec.functionDefiners = WordTable([.function: "def"])
        spec.atAttributes = true
        spec.shebang = true
        return spec
    }()

    static let php: ScanSpec = {
        var spec = ScanSpec(words: WordTable(caseInsensitive: true, [
            .keyword: "abstract and as break case catch class clone const continue declare default do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile extends final finally fn for foreach function global goto if implements include include_once instanceof insteadof interface isset list match namespace new or print private protected public readonly require require_once return static switch throw trait try unset use var while xor yield",
            .type: "int float string bool array object callable iterable void mixed never self",
            .constant: "true false null",
        ]))
        spec.lineComments = bytes("//", "#")
        spec.blockComment = (Array("/*".utf8), Array("*/".utf8))
        spec.quotes = [Quote("\"", multiline: true, variables: true), Quote("'", multiline: true)]
        spec.dollarVariables = true
        spec.markers = bytes("<?php", "<?=", "?>")
        spec.functionDefiners = WordTable([.function: "function"])
        return spec
    }()
}
