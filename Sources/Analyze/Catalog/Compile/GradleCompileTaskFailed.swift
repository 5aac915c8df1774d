// wording: Gradle's compile task failure detail for javac ("> Compilation failed; see the compiler error
// output for details.") and the Kotlin Gradle plugin ("> Compilation error. See log for more details").
// "Execution failed for task ':app:compileJava'." alone is not matched: Gradle prints it for dependency
// resolution failures too.
extension Rule {
    static let gradleCompileTaskFailed = Rule(
        id: "gradle-compile-task-failed",
        category: .compileError,
        title: "Gradle compile task failed",
        severity: .error,
        literals: ["Compilation failed; see the compiler error output", "Compilation error. See log for more details"],
        regex: #"(?:Compilation failed; see the compiler error output for details\.|Compilation error\. See log for more details)"#,
        explanation: """
            A Gradle compile task failed; the compiler's own errors (`error:` lines from javac, `e:` lines from \
            kotlinc) are printed above the "What went wrong" block.
            """,
        remediation: """
            Scroll up to the first compiler error of the task, reproduce with `./gradlew compileJava \
            compileKotlin --stacktrace`, and make sure the build image's JDK matches the project's toolchain.
            """,
        docURL: "https://docs.gradle.org/current/userguide/java_plugin.html",
        triggering: [
            #"""
            FAILURE: Build failed with an exception.

            * What went wrong:
            Execution failed for task ':app:compileJava'.
            ↓ > Compilation failed; see the compiler error output for details.
            """#,
            #"""
            Execution failed for task ':app:compileKotlin'.
            ↓ > Compilation error. See log for more details
            """#,
        ],
        nonTriggering: [
            #"""
            * What went wrong:
            Execution failed for task ':app:compileJava'.
            > Could not resolve all files for configuration ':app:compileClasspath'.
            """#,
        ]
    )
}
