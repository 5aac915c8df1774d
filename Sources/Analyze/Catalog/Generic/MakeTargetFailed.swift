// wording: GNU make when a recipe fails ("make: *** [Makefile:12: build] Error 2", recursive "make[1]: ***
// [all] Error 1"). Generic: the recipe's own output holds the cause.
extension Rule {
    static let makeTargetFailed = Rule(
        id: "make-target-failed",
        category: .unclassified,
        title: "make target failed",
        severity: .error,
        literals: ["*** ["],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"make(?:\[\d+\])?: \*\*\* \[(?<target>[^\]]+)\] Error (?<status>\d+)"#,
        isGenericSymptom: true,
        explanation: """
            The make target `{{target}}` failed with status {{status}}; the failing recipe printed the cause above.
            """,
        remediation: """
            Find the first error in the recipe's output; run `make -n {{target}}` to see the commands it runs.
            """,
        docURL: "https://www.gnu.org/software/make/manual/html_node/Errors.html",
        triggering: [
            #"""
            gcc -O2 -c src/main.c -o build/main.o
            src/main.c:12:5: error: implicit declaration of function 'frobnicate'
            ↓ make: *** [Makefile:23: build/main.o] Error 1
            """#,
        ],
        nonTriggering: [
            #"""
            make: Nothing to be done for 'all'.
            make[1]: Leaving directory '/codebuild/output/src1/src'
            """#,
        ]
    )
}
