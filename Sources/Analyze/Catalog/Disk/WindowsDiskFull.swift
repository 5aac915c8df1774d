// wording: Windows ERROR_DISK_FULL text ("There is not enough space on the disk.") as .NET/MSBuild and
// PowerShell print it on CodeBuild Windows fleets.
extension Rule {
    static let windowsDiskFull = Rule(
        id: "windows-disk-full",
        category: .diskFull,
        title: "Disk full (Windows)",
        severity: .error,
        literals: ["There is not enough space on the disk"],
        explanation: """
            A write failed because the Windows build volume is full: NuGet caches, Docker images and build \
            output share the fixed disk of the compute type.
            """,
        remediation: """
            Clean caches and intermediate output between steps (`dotnet nuget locals all --clear`, `docker \
            system prune -af`), or use a larger Windows compute type.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command dotnet publish -c Release -o out
            ↓ C:\Program Files\dotnet\sdk\8.0.100\Microsoft.Common.CurrentVersion.targets(4879,5): error MSB3021: Unable to copy file "obj\Release\net8.0\App.dll" to "out\App.dll". There is not enough space on the disk. [C:\codebuild\tmp\output\src1\App.csproj]
            """#,
        ],
        nonTriggering: [
            #"""
            Free space on C: is 12 GB; there is enough space on the disk for this build.
            """#,
        ]
    )
}
