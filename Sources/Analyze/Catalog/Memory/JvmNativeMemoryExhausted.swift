// wording: HotSpot's fatal error when the operating system refuses it memory: "# There is insufficient memory for
// the Java Runtime Environment to continue." and "os::commit_memory(0x…, 899284992, 0) failed; error='Not enough
// space' (errno=12)" / "error='Cannot allocate memory' (errno=12)" (hotspot os_linux.cpp; cedardevs/onestop#1375,
// a Gradle build in CodeBuild).
extension Rule {
    static let jvmNativeMemoryExhausted = Rule(
        id: "jvm-native-memory-exhausted",
        category: .outOfMemory,
        title: "The JVM could not get memory from the system",
        severity: .error,
        literals: ["insufficient memory for the Java Runtime Environment", "os::commit_memory("],
        regex: #"(?:There is insufficient memory for the Java Runtime Environment to continue|os::commit_memory\([^)]*\) failed; error='(?<reason>[^']+)' \(errno=12\))"#,
        explanation: """
            The Java VM asked the system for memory and was refused: the build container has less free memory \
            than the JVMs in it reserve (a Gradle daemon, its workers and the test JVMs each take their `-Xmx` \
            and more).
            """,
        remediation: """
            Use a larger compute type, or lower what the JVMs reserve (`org.gradle.jvmargs=-Xmx2g`, \
            `maxParallelForks`, `MAVEN_OPTS=-Xmx1g`, `--no-daemon`) so their sum fits the container.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
        triggering: [
            #"""
            ↓ OpenJDK 64-Bit Server VM warning: INFO: os::commit_memory(0x00000000ca660000, 899284992, 0) failed; error='Not enough space' (errno=12)
            #
            ↓ # There is insufficient memory for the Java Runtime Environment to continue.
            # Native memory allocation (mmap) failed to map 899284992 bytes for committing reserved memory.
            """#,
        ],
        nonTriggering: [
            #"""
            OpenJDK 64-Bit Server VM warning: Options -Xverify:none and -noverify were deprecated in JDK 13
            java -Xmx2g -jar app.jar
            """#,
        ]
    )
}
