// wording: maven-compiler-plugin's summary lines ("[ERROR] COMPILATION ERROR :", "[ERROR] Failed to execute
// goal org.apache.maven.plugins:maven-compiler-plugin:VERSION:compile (default-compile) on project NAME:
// Compilation failure").
extension Rule {
    static let mavenCompilationFailure = Rule(
        id: "maven-compilation-failure",
        category: .compileError,
        title: "Maven compilation failed",
        severity: .error,
        literals: ["COMPILATION ERROR", "Compilation failure"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"\[ERROR\] (?:COMPILATION ERROR :?$|Failed to execute goal org\.apache\.maven\.plugins:maven-compiler-plugin:\S+ \((?<execution>[\w-]+)\) on project (?<project>[\w.-]+): Compilation failure)"#,
        isGenericSymptom: true,
        explanation: """
            Maven's compiler plugin failed in project `{{project}}`; the `[ERROR] <file>.java:[line,col]` lines \
            above it name the errors.
            """,
        remediation: """
            Fix the errors javac listed (run `mvn -B compile` locally with the build's JDK); check the \
            `maven.compiler.release` matches the JDK selected in the buildspec's `runtime-versions`.
            """,
        docURL: "https://maven.apache.org/plugins/maven-compiler-plugin/",
        triggering: [
            #"""
            ↓ [ERROR] COMPILATION ERROR :
            [INFO] -------------------------------------------------------------
            [INFO] 1 error
            [INFO] BUILD FAILURE
            ↓ [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project orders: Compilation failure
            """#,
        ],
        nonTriggering: [
            #"""
            [INFO] --- maven-compiler-plugin:3.11.0:compile (default-compile) @ orders ---
            [INFO] Changes detected - recompiling the module! :source
            [INFO] BUILD SUCCESS
            """#,
        ]
    )
}
