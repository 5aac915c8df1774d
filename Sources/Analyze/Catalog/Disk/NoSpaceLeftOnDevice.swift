// wording: the libc strerror text for ENOSPC ("no space left on device" from Go/Docker, "No space left on
// device" from coreutils and Python's "[Errno 28]", npm's "ENOSPC: no space left on device, write").
extension Rule {
    static let noSpaceLeftOnDevice = Rule(
        id: "no-space-left-on-device",
        category: .diskFull,
        title: "Disk full",
        severity: .error,
        literals: ["o space left on device"],
        regex: #"[Nn]o space left on device"#,
        explanation: """
            A write failed because the file system was full. CodeBuild's disk is fixed per compute type \
            (on Linux 64 GB for BUILD_GENERAL1_SMALL, 128 GB for MEDIUM and LARGE), and Docker layers, `node_modules`, build \
            caches and large test data share it; Docker images from earlier steps fill it quickly.
            """,
        remediation: """
            Free space between steps (`docker system prune -af`, delete intermediate archives and unused images), use multi-stage \
            Dockerfiles, check what is large with `df -h` and \
            `du -sh * | sort -h`, or choose a larger compute type.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker build -t $REPOSITORY_URI:latest .
            Step 7/12 : RUN pip install -r requirements.txt
            ↓ ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device
            """#,
            #"""
            ↓ failed to register layer: Error processing tar file(exit status 1): write /usr/lib/x86_64-linux-gnu/libLLVM-15.so.1: no space left on device
            """#,
            #"""
            ↓ npm ERR! nospc ENOSPC: no space left on device, write
            """#,
        ],
        nonTriggering: [
            #"""
            Filesystem      Size  Used Avail Use% Mounted on
            overlay          63G   21G   40G  35% /
            Error: ENOSPC: System limit for number of file watchers reached, watch '/codebuild/output/src1/src/app'
            """#,
        ]
    )
}
