// swift-tools-version:5.4
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's `main` to
// `<Target>_main` and links it with `--defsym main=<Target>_main`, which breaks linking a
// target that has no `main` of its own but takes libFuzzer's.
import PackageDescription

// libFuzzer targets for Chronicle: front matter, shortcodes, mojibake repair, the whole page.
// A separate package so the main build never needs fuzzer flags. Build and run with `make fuzz`
// (scripts/fuzz.sh), which passes `-Xswiftc -sanitize=fuzzer,address` to every module: each
// target defines `LLVMFuzzerTestOneInput` and, parsed as a library, no `main` (libFuzzer's runs).
let package = Package(
    name: "ChronicleFuzz",
    platforms: [.macOS("14.0")],
    dependencies: [
        .package(name: "Chronicle", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "SiteCore", package: "Chronicle")]
        ),
        .executableTarget(
            name: "FuzzFrontMatter",
            dependencies: [
                "FuzzSupport",
                .product(name: "SiteCore", package: "Chronicle"),
                .product(name: "ContentParsing", package: "Chronicle"),
            ]
        ),
        .executableTarget(
            name: "FuzzShortcodes",
            dependencies: [
                "FuzzSupport",
                .product(name: "SiteCore", package: "Chronicle"),
                .product(name: "ContentParsing", package: "Chronicle"),
            ]
        ),
        .executableTarget(
            name: "FuzzRepair",
            dependencies: [
                "FuzzSupport",
                .product(name: "SiteCore", package: "Chronicle"),
                .product(name: "TextRepair", package: "Chronicle"),
                .product(name: "RepairWorkflow", package: "Chronicle"),
            ]
        ),
        .executableTarget(
            name: "FuzzPage",
            dependencies: [
                "FuzzSupport",
                .product(name: "SiteCore", package: "Chronicle"),
                .product(name: "ContentParsing", package: "Chronicle"),
                .product(name: "MarkdownRendering", package: "Chronicle"),
            ]
        ),
    ],
    swiftLanguageVersions: [.v5]
)

// Swift 6 language mode as in the main package (5.4 manifests cannot say so), and no `main`.
for target in package.targets {
    target.swiftSettings = [.unsafeFlags(["-swift-version", "6"] + (target.type == .executable ? ["-parse-as-library"] : []))]
}
