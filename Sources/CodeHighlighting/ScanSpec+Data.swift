extension ScanSpec {
    /// Keys (strings before `:`), strings, numbers, `true`/`false`/`null`.
    static let json: ScanSpec = {
        var spec = ScanSpec(words: WordTable([.constant: "true false null"]))
        spec.quotes = [Quote("\""), Quote("'")]
        spec.keyStrings = true
        spec.lineComments = bytes("//")
        spec.blockComment = (Array("/*".utf8), Array("*/".utf8))
        spec.operators = ByteSet("-")
        return spec
    }()

    /// A TOML value (strings, numbers, booleans, arrays and inline tables).
    static let tomlValues: ScanSpec = {
        var spec = ScanSpec(words: WordTable([.constant: "true false inf nan"]))
        spec.quotes = [Quote("\"\"\"", multiline: true), Quote("'''", escapes: false, multiline: true), Quote("\""), Quote("'", escapes: false)]
        spec.lineComments = bytes("#")
        spec.operators = ByteSet("=-+")
        return spec
    }()

    static let sql: ScanSpec = {
        var spec = ScanSpec(words: WordTable(caseInsensitive: true, [
            .keyword: "select from where and or not in is like between join left right inner outer full cross on as group by order having limit offset union all distinct insert into values update set delete create table view index drop alter add column primary key foreign references unique default check constraint if exists case when then else end begin commit rollback transaction grant revoke with returning asc desc database schema trigger procedure function replace",
            .type: "int integer bigint smallint tinyint serial varchar char text boolean bool date time timestamp datetime decimal numeric float real double blob json jsonb uuid",
            .constant: "null true false",
            .builtin: "count sum avg min max coalesce now lower upper length substring concat cast ifnull nullif",
        ]))
        spec.lineComments = bytes("--", "#")
        spec.blockComment = (Array("/*".utf8), Array("*/".utf8))
        spec.quotes = [Quote("'", escapes: false), Quote("\"", escapes: false), Quote("`", escapes: false)]
        return spec
    }()
}
