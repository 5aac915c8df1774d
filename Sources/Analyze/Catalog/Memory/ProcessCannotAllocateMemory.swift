// wording: tools that report the system refusing them memory: conda's "CondaMemoryError: The conda process ran out
// of memory. Increase system memory and/or try again." (aws-samples/sagemaker-studio-image-build-cli#5, a
// CodeBuild image build), Go's runtime "fatal error: runtime: out of memory", and ENOMEM as libc words it
// ("fork: Cannot allocate memory", "OSError: [Errno 12] Cannot allocate memory").
extension Rule {
    static let processCannotAllocateMemory = Rule(
        id: "process-cannot-allocate-memory",
        category: .outOfMemory,
        title: "A build process ran out of memory",
        severity: .error,
        literals: ["CondaMemoryError", "runtime: out of memory", "Cannot allocate memory"],
        regex: #"(?:CondaMemoryError: The conda process ran out of memory|fatal error: runtime: out of memory|(?:fork|\[Errno 12\]|exec\S*|mmap\S*|error):? Cannot allocate memory)"#,
        explanation: """
            A process in the build asked for memory and the system had none to give: the build container's \
            memory is exhausted by this step (a dependency solver, a compiler, parallel jobs).
            """,
        remediation: """
            Use a larger compute type (`BUILD_GENERAL1_MEDIUM`/`LARGE`), or make the step smaller: fewer \
            parallel jobs, a pinned environment file for conda (`mamba` or `conda env create --file` with \
            exact versions) so the solver has less to do.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
        triggering: [
            #"""
            Solving environment: ...working...
            ↓ CondaMemoryError: The conda process ran out of memory. Increase system memory and/or try again.
            """#,
            #"""
            ↓ /bin/sh: fork: Cannot allocate memory
            """#,
            #"""
            ↓ fatal error: runtime: out of memory
            """#,
        ],
        nonTriggering: [
            #"""
            Checking memory: 15.4 GiB available
            conda env create --file environment.yml
            """#,
        ]
    )
}
