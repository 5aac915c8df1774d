// wording: kotlinc diagnostics through Gradle ("e: /path/File.kt: (12, 5): Unresolved reference: foo" in
// Kotlin 1.x, "e: file:///path/File.kt:12:5 Unresolved reference 'foo'." in Kotlin 2.x).
extension Rule {
    static let kotlinCompileError = Rule(
        id: "kotlin-compile-error",
        category: .compileError,
        title: "Kotlin compile error",
        severity: .error,
        literals: [".kt:", ".kts:"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"e: (?:file://)?(?<file>\S+\.kts?)(?::\s?\(\d+, \d+\):|:\d+:\d+) (?<message>.+)"#,
        explanation: """
            The Kotlin compiler rejected `{{file}}`: {{message}}.
            """,
        remediation: """
            Reproduce with `./gradlew compileKotlin` using the build's JDK and Gradle wrapper, and fix the \
            reported line.
            """,
        docURL: "https://kotlinlang.org/docs/gradle-compilation-and-caches.html",
        triggering: [
            #"""
            > Task :app:compileKotlin FAILED
            ↓ e: /codebuild/output/src123/src/app/src/main/kotlin/com/acme/Orders.kt: (27, 17): Unresolved reference: OrderValidator
            ↓ e: file:///codebuild/output/src123/src/app/src/main/kotlin/com/acme/Cart.kt:12:5 Unresolved reference 'discount'.
            """#,
        ],
        nonTriggering: [
            #"""
            > Task :app:compileKotlin
            w: /codebuild/output/src123/src/app/src/main/kotlin/com/acme/Legacy.kt: (3, 1): 'Date' is deprecated.
            """#,
        ]
    )
}
