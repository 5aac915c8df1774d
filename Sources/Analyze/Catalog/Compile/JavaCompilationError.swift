// wording: maven-compiler-plugin ("[ERROR] COMPILATION ERROR :", "[ERROR] /path/Foo.java:[12,8] cannot find
// symbol", "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile
// (default-compile) on project x: Compilation failure") and plain javac ("Foo.java:12: error: ...").
extension Rule {
    static let javaCompilationError = Rule(
        id: "java-compilation-error",
        category: .compileError,
        title: "Java compilation error",
        severity: .error,
        literals: [".java:"],
        regex: #"(?<file>[^\s\[\]]+\.java):(?:\[(?<line>\d+),\d+\] |(?<javacline>\d+): error: )(?<message>.+)"#,
        explanation: """
            javac could not compile `{{file}}`: {{message}}. The source does not compile against the \
            dependencies and Java version of the build (a missing import or dependency, an API changed in a \
            newer library, or a newer language feature than the configured `release`).
            """,
        remediation: """
            Reproduce with `mvn -B -q compile` (or `./gradlew compileJava`) locally with the same JDK as the \
            build image (`runtime-versions: java: corretto17`), and fix the reported line.
            """,
        docURL: "https://maven.apache.org/plugins/maven-compiler-plugin/",
        triggering: [
            #"""
            [INFO] Compiling 42 source files with javac [debug release 17] to target/classes
            [INFO] -------------------------------------------------------------
            [ERROR] COMPILATION ERROR :
            [INFO] -------------------------------------------------------------
            ↓ [ERROR] /codebuild/output/src123/src/src/main/java/com/acme/orders/OrderService.java:[27,17] cannot find symbol
              symbol:   class OrderValidator
              location: class com.acme.orders.OrderService
            [INFO] 1 error
            """#,
            #"""
            ↓ src/Main.java:5: error: ';' expected
                    System.out.println("hi")
                                            ^
            1 error
            """#,
        ],
        nonTriggering: [
            #"""
            [INFO] Compiling 42 source files with javac [debug release 17] to target/classes
            [INFO] Nothing to compile - all classes are up to date
            [WARNING] /codebuild/output/src123/src/src/main/java/com/acme/Legacy.java: Some input files use or override a deprecated API.
            """#,
        ]
    )
}
