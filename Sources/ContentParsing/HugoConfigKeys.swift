import SiteCore

/// What Chronicle does with each Hugo 0.111 site config key: acts on it, warns that it is not
/// supported (it would change what Hugo writes), or stays quiet (theme-only, or no effect on
/// the output). Paths are dotted and lower-cased, as Hugo matches keys case-insensitively.
///
/// A table without an entry of its own whose keys have entries (`markup`, `module`) is walked
/// into; a key with no entry and none below it is quiet: Hugo ignores keys it does not know
/// too. An entry covers everything below it unless a longer entry says otherwise.
public enum HugoConfigKeys {
    public enum Rule: Sendable {
        /// Chronicle reads it.
        case actedOn
        /// Does not change what Hugo writes with Chronicle's theme (theme params, caches, logs).
        case quiet
        /// Changes Hugo's output and Chronicle does not do it: a warning with what Chronicle
        /// does instead, unless the value is one Chronicle's behaviour matches.
        case unsupported(instead: String, fine: Fine)
    }

    /// Values that match what Chronicle does, so that setting them needs no warning.
    public enum Fine: Sendable {
        case never
        case bool(Bool)
        case text([String])
        case int(Int)
        case emptyList
        /// Hugo's default `outputs`: HTML for pages, HTML and RSS for lists.
        case defaultOutputs

        func matches(_ value: ParamValue) -> Bool {
            switch self {
            case .never: return false
            case .bool(let flag): return value.boolValue == flag
            case .text(let texts): return value.stringValue.map { text in texts.contains { $0.lowercased() == text.lowercased() } } ?? false
            case .int(let number): return value.intValue == number
            case .emptyList: return value.arrayValue?.isEmpty ?? (value.stringValue == "")
            case .defaultOutputs:
                guard let table = value.tableValue else { return false }
                return table.allSatisfy { kind, formats in
                    let written = Set((formats.stringList ?? []).map { $0.lowercased() })
                    return written == (kind.lowercased() == "page" ? ["html"] : ["html", "rss"])
                }
            }
        }
    }

    static func unsupported(_ instead: String, fine: Fine = .never) -> Rule { .unsupported(instead: instead, fine: fine) }

    /// Site-wide keys.
    public static let site: [String: Rule] = [
        // Read by Chronicle.
        "baseurl": .actedOn, "title": .actedOn, "theme": .actedOn, "defaultcontentlanguage": .actedOn,
        "defaultcontentlanguageinsubdir": .actedOn, "params": .actedOn, "taxonomies": .actedOn,
        "paginate": .actedOn, "pagination.pagersize": .actedOn, "rsslimit": .actedOn, "services.rss.limit": .actedOn,
        "summarylength": .actedOn, "enablerobotstxt": .actedOn, "languages": .actedOn, "languagecode": .actedOn,
        "languagename": .actedOn, "menu": .actedOn, "menus": .actedOn, "titlecasestyle": .actedOn,
        "contentdir": .actedOn, "permalinks": .actedOn, "disablekinds": .actedOn,
        "markup.goldmark.renderer.unsafe": .actedOn,
        "markup.goldmark.extensions.typographer": .actedOn, "markup.goldmark.extensions.linkify": .actedOn,
        "markup.goldmark.extensions.strikethrough": .actedOn, "markup.goldmark.extensions.table": .actedOn,
        "markup.goldmark.extensions.tasklist": .actedOn, "markup.goldmark.extensions.footnote": .actedOn,
        "markup.highlight.linenos": .actedOn, "markup.highlight.codefences": .actedOn,
        "markup.tableofcontents.startlevel": .actedOn, "markup.tableofcontents.endlevel": .actedOn,
        "sitemap.changefreq": .actedOn, "sitemap.priority": .actedOn,

        // Change what Hugo writes; Chronicle does otherwise.
        "outputs": unsupported("Chronicle writes HTML for every page and HTML and RSS for every list, as Hugo's default outputs do", fine: .defaultOutputs),
        "outputformats": unsupported("Chronicle writes only HTML pages, RSS feeds, sitemaps and robots.txt"),
        "mediatypes": unsupported("Chronicle writes only HTML pages, RSS feeds, sitemaps and robots.txt"),
        "build.writestats": unsupported("Chronicle writes no hugo_stats.json", fine: .bool(false)),
        "module.imports": unsupported("Chronicle loads no Hugo modules; copy the module's files into the site"),
        "module.mounts": unsupported("Chronicle reads content/ and static/ of the site folder only, without mounts"),
        "related": unsupported("Chronicle's theme lists no related pages"),
        "imaging": unsupported("Chronicle does not process images; they are copied as they are"),
        "minify.minifyoutput": unsupported("Chronicle writes HTML, XML and CSS unminified", fine: .bool(false)),
        "uglyurls": .actedOn,
        "relativeurls": unsupported("Chronicle writes root-relative links (/posts/…)", fine: .bool(false)),
        "canonifyurls": unsupported("Chronicle leaves links as written instead of making them absolute", fine: .bool(false)),
        "removepathaccents": unsupported("Chronicle keeps accented letters in URLs", fine: .bool(false)),
        "disablepathtolower": unsupported("Chronicle lower-cases URLs made from file names", fine: .bool(false)),
        "timezone": unsupported("Chronicle reads dates without a UTC offset as UTC", fine: .text(["UTC", "Etc/UTC", ""])),
        "hascjklanguage": unsupported("Chronicle counts summary words by spaces, also in Chinese, Japanese and Korean text", fine: .bool(false)),
        "pluralizelisttitles": unsupported("Chronicle titles a section without an _index.md with its name capitalized, not pluralized", fine: .bool(false)),
        "capitalizelisttitles": unsupported("Chronicle capitalizes automatic list titles", fine: .bool(true)),
        "frontmatter": unsupported("Chronicle takes dates from 'date', 'publishDate', 'lastmod' and 'expiryDate' as Hugo does by default"),
        "disablelanguages": unsupported("Chronicle builds every language in [languages]", fine: .emptyList),
        "enableemoji": unsupported("Chronicle leaves :emoji: codes as text", fine: .bool(false)),
        "footnotereturnlinkcontents": unsupported("Chronicle's footnote back links show cmark-gfm's ↩"),
        "footnoteanchorprefix": unsupported("Chronicle's footnote anchors are fn-N and fnref-N", fine: .text([""])),
        "enablegitinfo": unsupported("Chronicle takes 'lastmod' from front matter, not from Git", fine: .bool(false)),
        "buildfuture": unsupported("Chronicle leaves out future pages unless built with --future", fine: .bool(false)),
        "builddrafts": unsupported("Chronicle leaves out drafts unless built with --drafts", fine: .bool(false)),
        "buildexpired": unsupported("Chronicle leaves out expired pages unless built with --expired", fine: .bool(false)),
        "disablealiases": unsupported("Chronicle writes a redirect page for every alias", fine: .bool(false)),
        "enableinlineshortcodes": unsupported("Chronicle does not run inline shortcodes", fine: .bool(false)),
        "paginatepath": unsupported("Chronicle writes list pages 2, 3 … under page/N/", fine: .text(["page"])),
        "pagination.path": unsupported("Chronicle writes list pages 2, 3 … under page/N/", fine: .text(["page"])),
        "pagination.disablealiases": unsupported("Chronicle writes page/1/ as a redirect to the list", fine: .bool(false)),
        "reflinksnotfoundurl": unsupported("Chronicle reports a ref or relref that finds no page and links to nothing"),
        "sectionpagesmenu": unsupported("Chronicle makes menus from the config's menu entries only", fine: .text([""])),
        "ignorefiles": unsupported("Chronicle reads every content file", fine: .emptyList),
        "staticdir": unsupported("Chronicle copies static/ of the site folder", fine: .text(["static"])),
        "publishdir": unsupported("Chronicle writes to --output (public/ inside the site folder by default)", fine: .text(["public"])),
        "archetypedir": unsupported("Chronicle's 'new' reads archetypes/ of the site folder", fine: .text(["archetypes"])),
        "cascade": unsupported("Chronicle applies 'cascade' from _index.md front matter only"),
        "sitemap.filename": unsupported("Chronicle writes sitemap.xml", fine: .text(["sitemap.xml"])),
        "markup.defaultmarkdownhandler": unsupported("Chronicle renders Markdown with cmark-gfm, as goldmark would", fine: .text(["goldmark"])),
        "markup.goldmark.extensions.definitionlist": unsupported("Chronicle writes definition lists as plain paragraphs", fine: .bool(false)),
        "markup.goldmark.parser.attribute.block": unsupported("Chronicle leaves {.class} lines after blocks as text", fine: .bool(false)),
        "markup.goldmark.parser.attribute.title": unsupported("Chronicle does not read {#id .class} after headings", fine: .bool(false)),
        "markup.goldmark.parser.autoheadingid": unsupported("Chronicle gives every heading an id", fine: .bool(true)),
        "markup.goldmark.parser.autoheadingidtype": unsupported("Chronicle makes heading ids as Hugo's 'github' type does", fine: .text(["github"])),
        "markup.goldmark.parser.wrapstandaloneimagewithinparagraph": unsupported("Chronicle wraps an image alone on its line in a paragraph", fine: .bool(true)),
        "markup.goldmark.renderer.hardwraps": unsupported("Chronicle writes single line breaks as spaces", fine: .bool(false)),
        "markup.goldmark.renderer.xhtml": unsupported("Chronicle writes HTML, not XHTML", fine: .bool(false)),
        "markup.highlight.guesssyntax": unsupported("Chronicle highlights only code blocks that name their language", fine: .bool(false)),
        "markup.highlight.linenumbersintable": unsupported("Chronicle writes line numbers inline, in the code's own lines", fine: .bool(false)),
        "markup.highlight.noclasses": unsupported("Chronicle highlights with CSS classes, styled by its theme", fine: .bool(false)),
        "markup.highlight.anchorlinenos": unsupported("Chronicle's line numbers are not links", fine: .bool(false)),
        "markup.highlight.lineanchors": unsupported("Chronicle's line numbers are not links", fine: .text([""])),
        "markup.highlight.linenostart": unsupported("Chronicle numbers lines from 1", fine: .int(1)),
        "markup.highlight.hl_lines": unsupported("Chronicle highlights no lines", fine: .text([""])),
        "markup.highlight.hl_inline": unsupported("Chronicle writes code blocks as blocks", fine: .bool(false)),
        "markup.highlight.tabwidth": unsupported("Chronicle keeps tabs as written", fine: .int(4)),
        "markup.tableofcontents.ordered": unsupported("Chronicle writes the table of contents as a bulleted list", fine: .bool(false)),
        "privacy.youtube.disable": unsupported("Chronicle writes the youtube shortcode's video", fine: .bool(false)),

        // Theme-only, or no change to the output.
        "author": .quiet, "copyright": .quiet, "social": .quiet, "services": .quiet, "googleanalytics": .quiet,
        "disqusshortname": .quiet, "privacy": .quiet, "security": .quiet, "build": .quiet, "caches": .quiet,
        "minify": .quiet, "module": .quiet, "server": .quiet, "deployment": .quiet, "sitemap": .quiet,
        "layoutdir": .quiet, "assetdir": .quiet, "datadir": .quiet, "i18ndir": .quiet, "themesdir": .quiet,
        "resourcedir": .quiet, "cachedir": .quiet, "workingdir": .quiet, "segments": .quiet,
        "cleandestinationdir": .quiet, "disablehugogeneratorinject": .quiet, "disablelivereload": .quiet,
        "enablemissingtranslationplaceholders": .quiet, "reflinkserrorlevel": .quiet, "newcontenteditor": .quiet,
        "nochmod": .quiet, "notimes": .quiet, "timeout": .quiet, "watch": .quiet, "ignorecache": .quiet,
        "ignoreerrors": .quiet, "ignorelogs": .quiet, "environment": .quiet, "debug": .quiet, "verbose": .quiet,
        "log": .quiet, "logfile": .quiet, "quiet": .quiet, "markup.highlight.style": .quiet,
        "markup.asciidocext": .quiet, "markup.blackfriday": .quiet, "markup.pandoc": .quiet, "markup.rst": .quiet,
        "httpcache": .quiet, "mainsections": .quiet,
    ]

    /// Keys of a `[languages.xx]` table. Other keys are looked up in `site`: a site-wide key
    /// Chronicle reads is not read per language.
    public static let language: [String: Rule] = [
        "title": .actedOn, "weight": .actedOn, "languagename": .actedOn, "languagecode": .actedOn,
        "contentdir": .actedOn, "params": .actedOn, "menu": .actedOn, "menus": .actedOn, "permalinks": .actedOn,
        "languagedirection": unsupported("Chronicle writes every language left to right", fine: .text(["ltr"])),
        "baseurl": unsupported("Chronicle writes every language under the site's baseURL (/xx/), not on its own host"),
        "disabled": unsupported("Chronicle builds every language in [languages]", fine: .bool(false)),
        "copyright": .quiet, "author": .quiet, "social": .quiet,
    ]

    /// The `disableKinds` values Chronicle acts on, lower-cased (`taxonomyterm` is the
    /// spelling before Hugo 0.73 of what 0.111 calls `taxonomy`).
    public static let disableableKinds: Set<String> = ["taxonomy", "taxonomyterm", "term", "rss", "sitemap", "robotstxt", "404"]
}
