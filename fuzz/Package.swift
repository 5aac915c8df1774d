// swift-tools-version:6.0
// libFuzzer targets for cbtriage, one executable each, outside the shipped package so `swift build` of
// `cbtriage` and the layering test never see them. Build and run with `make fuzz` (see docs/fuzzing.md):
//   swift build --package-path fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "cbtriage-fuzz",
    dependencies: [.package(name: "cbtriage", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "CBTriageEngine", package: "cbtriage")]),
        .executableTarget(name: "FuzzLocalInput", dependencies: ["FuzzSupport", .product(name: "CBTriageEngine", package: "cbtriage")]),
        .executableTarget(name: "FuzzPhaseParser", dependencies: ["FuzzSupport", .product(name: "CBTriageEngine", package: "cbtriage")]),
        .executableTarget(name: "FuzzAnalyzer", dependencies: ["FuzzSupport", .product(name: "CBTriageEngine", package: "cbtriage")]),
        .executableTarget(name: "FuzzRuleFile", dependencies: ["FuzzSupport", .product(name: "CBTriageEngine", package: "cbtriage")]),
        .executableTarget(name: "FuzzINI", dependencies: ["FuzzSupport", .product(name: "CBTriageEngine", package: "cbtriage")]),
        .executableTarget(name: "FuzzAWSErrorDecoder", dependencies: ["FuzzSupport", .product(name: "CBTriageEngine", package: "cbtriage")]),
        .executableTarget(name: "FuzzLogEventsJSON", dependencies: ["FuzzSupport", .product(name: "CBTriageEngine", package: "cbtriage")]),
        .executableTarget(name: "FuzzGzip", dependencies: ["FuzzSupport", .product(name: "CBTriageEngine", package: "cbtriage")]),
    ],
    swiftLanguageModes: [.v5]
)
