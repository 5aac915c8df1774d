// wording: the C# compiler via MSBuild ("/path/File.cs(12,17): error CS0103: The name 'x' does not exist in the
// current context [/path/App.csproj]").
extension Rule {
    static let dotnetCompileError = Rule(
        id: "dotnet-compile-error",
        category: .compileError,
        title: "C# compile error",
        severity: .error,
        literals: [": error CS"],
        regex: #"(?<file>[^\s(]+\.cs)\(\d+,\d+\): error (?<code>CS\d{4}): (?<message>.+?)(?: \[[^\]]+\])?$"#,
        explanation: """
            The C# compiler reported {{code}} in `{{file}}`: {{message}}.
            """,
        remediation: """
            Reproduce with `dotnet build -c Release` using the SDK the build selects (`runtime-versions: \
            dotnet: 8.0`, or a global.json the image satisfies) and fix the reported line.
            """,
        docURL: "https://learn.microsoft.com/en-us/dotnet/csharp/language-reference/compiler-messages/",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command dotnet build -c Release
            ↓ /codebuild/output/src1/src/Orders/OrderService.cs(27,17): error CS0103: The name 'validator' does not exist in the current context [/codebuild/output/src1/src/Orders/Orders.csproj]
            Build FAILED.
            """#,
        ],
        nonTriggering: [
            #"""
            /codebuild/output/src1/src/Orders/Legacy.cs(3,1): warning CS0618: 'WebClient' is obsolete [/codebuild/output/src1/src/Orders/Orders.csproj]
                0 Error(s)
            """#,
        ]
    )
}
