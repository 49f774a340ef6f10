// swift-tools-version: 6.1
import PackageDescription

// Module graph (imports go downward only, see docs/ARCHITECTURE.md):
//   chronicle -> SiteBuilder -> MarkdownRendering -> ContentParsing -> SiteCore
//   MarkdownRendering -> CodeHighlighting (no dependencies: the lexers and their HTML)
//   SiteBuilder -> DefaultTheme (generated from themes/default at build time)
//   chronicle -> PreviewServer -> SiteBuilder (serve: FlyingFox, inotify, live reload)
//   chronicle -> TranslationReview -> SiteBuilder (translations, the /_translate/ pages)
//   every layer may use TextRepair (Foundation only); only MarkdownRendering imports CCmarkGFM.
let package = Package(
    name: "Chronicle",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chronicle", targets: ["chronicle"]),
        // Libraries for the fuzz package in Fuzz/ (one per module, so a fuzz target links only
        // what it uses).
        .library(name: "SiteCore", targets: ["SiteCore"]),
        .library(name: "ContentParsing", targets: ["ContentParsing"]),
        .library(name: "MarkdownRendering", targets: ["MarkdownRendering"]),
        .library(name: "TextRepair", targets: ["TextRepair"]),
        .library(name: "RepairWorkflow", targets: ["RepairWorkflow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "SiteCore"),
        .target(name: "CFileSystem"),
        // Lets cmark-gfm parse on several threads (see its header). With the static cmark-gfm
        // (release build) --wrap routes two calls inside it to the gate's counting wrappers; with
        // libcmark-gfm.so (debug, tests) the executable's own definition of the function that
        // makes those calls interposes the library's, so it must be in the dynamic symbol table
        // (linkers put it there anyway, as the library defines it too). Each flag is a no-op in
        // the other kind of link.
        .target(
            name: "CCmarkGate",
            linkerSettings: [
                .unsafeFlags([
                    "-Xlinker", "--wrap=cmark_inlines_add_special_character",
                    "-Xlinker", "--wrap=cmark_inlines_remove_special_character",
                    "-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters",
                ], .when(platforms: [.linux])),
            ]
        ),
        .target(name: "TextRepair"),
        // The one repair workflow (two passes over a collection of texts, and the diagnostics),
        // used by the build and by `chronicle repair`.
        .target(name: "RepairWorkflow", dependencies: ["SiteCore", "TextRepair"]),
        .target(name: "Templates"),
        // Code blocks highlighted at build time: table-driven lexers, Chroma's class names.
        .target(name: "CodeHighlighting"),
        .target(
            name: "ContentParsing",
            dependencies: [
                "SiteCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "MarkdownRendering",
            dependencies: ["SiteCore", "ContentParsing", "CodeHighlighting", "CCmarkGFM", "CCmarkGate"]
        ),
        .executableTarget(name: "ThemeEmbedder", path: "Sources/ThemeEmbedder"),
        .plugin(
            name: "EmbedThemePlugin",
            capability: .buildTool(),
            dependencies: ["ThemeEmbedder"]
        ),
        .target(
            name: "DefaultTheme",
            plugins: ["EmbedThemePlugin"]
        ),
        .target(
            name: "SiteBuilder",
            dependencies: [
                "SiteCore", "TextRepair", "RepairWorkflow", "ContentParsing", "MarkdownRendering", "DefaultTheme",
                "CFileSystem", "Templates",
            ]
        ),
        // `chronicle serve`: the site from memory over HTTP, rebuilt on every edit.
        .target(
            name: "PreviewServer",
            dependencies: ["SiteCore", "MarkdownRendering", "SiteBuilder", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // Translator status and the side-by-side review (`chronicle translations`, `/_translate/`).
        .target(
            name: "TranslationReview",
            dependencies: ["SiteCore", "ContentParsing", "MarkdownRendering", "SiteBuilder"]
        ),
        .executableTarget(
            name: "chronicle",
            dependencies: [
                "SiteCore", "TextRepair", "RepairWorkflow", "ContentParsing", "MarkdownRendering", "SiteBuilder",
                "PreviewServer",
                "TranslationReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (the txtar fixture format).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SiteCoreTests", dependencies: ["SiteCore"]),
        .testTarget(name: "CodeHighlightingTests", dependencies: ["CodeHighlighting"]),
        .testTarget(
            name: "TextRepairTests",
            dependencies: ["TextRepair"]
        ),
        .testTarget(
            name: "TemplatesTests",
            dependencies: ["Templates", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(
            name: "ContentParsingTests",
            dependencies: ["SiteCore", "ContentParsing", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "MarkdownRenderingTests",
            dependencies: ["SiteCore", "ContentParsing", "MarkdownRendering", "CCmarkGate"]
        ),
        .testTarget(
            name: "SiteBuilderTests",
            dependencies: ["SiteCore", "ContentParsing", "MarkdownRendering", "SiteBuilder", "DefaultTheme", "TestSupport"]
        ),
        .testTarget(
            name: "GoldenTests",
            dependencies: ["SiteCore", "ContentParsing", "MarkdownRendering", "SiteBuilder", "DefaultTheme", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BadInputTests",
            dependencies: ["SiteCore", "ContentParsing", "MarkdownRendering", "SiteBuilder", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TranslationReviewTests",
            dependencies: ["SiteCore", "ContentParsing", "MarkdownRendering", "SiteBuilder", "TranslationReview"]
        ),
        // ContentParsing reads the front matter `chronicle new post` writes.
        .testTarget(name: "CLITests", dependencies: ["SiteCore", "ContentParsing", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
