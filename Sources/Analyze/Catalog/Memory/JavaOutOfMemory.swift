// wording: JVM OutOfMemoryError detail messages ("java.lang.OutOfMemoryError: Java heap space", "GC overhead
// limit exceeded", "Metaspace"), OpenJDK hotspot sources; seen in Gradle/Maven builds.
extension Rule {
    static let javaOutOfMemory = Rule(
        id: "java-out-of-memory",
        category: .outOfMemory,
        title: "JVM ran out of memory",
        severity: .error,
        literals: ["java.lang.OutOfMemoryError"],
        regex: #"java\.lang\.OutOfMemoryError: (?<kind>Java heap space|GC overhead limit exceeded|Metaspace|unable to create native thread.*|Direct buffer memory)"#,
        explanation: """
            A Java process (Gradle, Maven, a test JVM, the Kotlin compiler) failed with `{{kind}}`: its heap or \
            metaspace limit is smaller than the build needs, or the build environment itself has too little \
            memory for all the JVMs running at once.
            """,
        remediation: """
            Raise the JVM limits, e.g. `export MAVEN_OPTS="-Xmx3g"`, `org.gradle.jvmargs=-Xmx3g \
            -XX:MaxMetaspaceSize=1g` in gradle.properties, or `-Xmx` for the Surefire `argLine`; if the \
            container is out of memory too, choose a larger compute type (BUILD_GENERAL1_MEDIUM has 8 GiB, \
            LARGE 16 GiB).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
        triggering: [
            #"""
            > Task :app:compileKotlin
            ↓ e: java.lang.OutOfMemoryError: Java heap space
            """#,
            #"""
            [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project core: Execution default-test of goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test failed: There was an error in the forked process
            ↓ [ERROR] java.lang.OutOfMemoryError: GC overhead limit exceeded
            """#,
        ],
        nonTriggering: [
            #"""
            [INFO] Running com.acme.cache.OutOfMemoryHandlingTest
            [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.2 s - in com.acme.cache.OutOfMemoryHandlingTest
            """#,
        ]
    )
}
