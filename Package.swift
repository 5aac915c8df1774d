// swift-tools-version:6.0
// cbtriage: why did this AWS CodeBuild build fail?
// Data flows one way: Fetch -> Parse -> Analyze -> report. No target imports one later in the chain.
import PackageDescription

let package = Package(
    name: "cbtriage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cbtriage", targets: ["report"]),
        // Only for the fuzz targets in fuzz/ (a package of their own, kept out of the product): a package can
        // reach another's targets only through a product.
        .library(name: "CBTriageEngine", targets: ["Fetch", "Parse", "Analyze"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries for HTTP and gzip, reached only through Fetch. libcurl's headers only: CCurlShim loads the
        // library itself when a command first makes a request (start-up without it is ~4 ms faster).
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Pattern matching, reached only through Analyze: Vectorscan decides matches in linear time,
        // PCRE2 (with a match budget) extracts named captures on the lines already matched.
        .systemLibrary(
            name: "CVectorscan",
            pkgConfig: "libhs",
            providers: [.apt(["libvectorscan-dev"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // libcurl loaded on first use, with non-variadic wrappers for curl_easy_setopt/getinfo; zlib's init macros: each header seen
        // only by the one Fetch file that uses that library.
        .target(name: "CCurlShim", dependencies: ["CCurl"],
                linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // The commit `make build` embeds for `--version` (a generated header, absent from the repository).
        .target(name: "CBuildInfo"),
        // hypot/hypotf and condition_variable::wait at their older versions, so the release binary runs on glibc
        // 2.34 and GCC 11's libstdc++ (Amazon Linux 2023; glibc_compat.c).
        .target(name: "CGlibcCompat", linkerSettings: [.linkedLibrary("m"), .linkedLibrary("stdc++")]),
        .target(name: "CZlibShim", dependencies: ["CZlib"]),

        .target(
            name: "Fetch",
            dependencies: [
                "CCurlShim", "CCurl", "CZlibShim", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Parse", dependencies: ["Fetch"]),
        .target(
            name: "Analyze",
            dependencies: ["Parse", "Fetch", "CVectorscan", "CPCRE2", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "report",
            dependencies: [
                "Fetch", "Parse", "Analyze", "CBuildInfo", "CGlibcCompat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),


        // What several test targets share (the moto_server launcher); not shipped.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "FetchTests", dependencies: ["Fetch", "TestSupport"]),
        .testTarget(name: "ParseTests", dependencies: ["Parse", "Fetch"]),
        .testTarget(name: "AnalyzeTests", dependencies: ["Analyze", "Parse", "Fetch", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["report", "Analyze", "Parse", "Fetch", "TestSupport", "CGlibcCompat"]),
        // Drives the built `cbtriage` binary (and moto_server) as a user would.
        .testTarget(name: "IntegrationTests", dependencies: ["Fetch", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
