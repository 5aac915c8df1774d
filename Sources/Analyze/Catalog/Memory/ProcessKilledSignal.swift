// wording: how tools report a child killed by SIGKILL: Go's os/exec ("signal: killed"), GCC's driver
// ("c++: fatal error: Killed signal terminated program cc1plus"), and the shell's job report ("Killed").
extension Rule {
    static let processKilledSignal = Rule(
        id: "process-killed-signal",
        category: .outOfMemory,
        title: "A process was killed (likely out of memory)",
        severity: .error,
        literals: ["Killed", "signal: killed"],
        regex: #"(?:^Killed$|^(?:/\S+: line \d+: +)?\d+ Killed\s+\S.*$|fatal error: Killed signal terminated program (?<program>\S+)|(?:^|: )signal: killed$)"#,
        explanation: """
            A process in the command was killed with SIGKILL while running. In a CodeBuild container that is \
            the kernel's OOM killer: the build used more memory than the compute type provides.
            """,
        remediation: """
            Reduce peak memory (fewer parallel jobs: `make -j2`, `go build -p 2`, `npm run build -- --max-workers=2`) \
            or use a larger compute type (BUILD_GENERAL1_MEDIUM 8 GiB, LARGE 16 GiB).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command make -j8
            g++ -O2 -c src/engine.cpp -o build/engine.o
            ↓ c++: fatal error: Killed signal terminated program cc1plus
            compilation terminated.
            """#,
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command ./scripts/build-assets.sh
            ↓ Killed
            """#,
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command npm run build
            ↓ /codebuild/output/tmp/script.sh: line 4:  1234 Killed                  npm run build
            """#,
            #"""
            # github.com/acme/big/internal/gen
            ↓ /usr/local/go/pkg/tool/linux_amd64/compile: signal: killed
            """#,
        ],
        nonTriggering: [
            #"""
            Killed 3 stale workers before starting
            test_worker_is_killed_on_timeout PASSED
            """#,
        ]
    )
}
