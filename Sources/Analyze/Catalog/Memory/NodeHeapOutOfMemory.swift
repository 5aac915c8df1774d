// wording: V8 fatal errors when Node exhausts its heap ("FATAL ERROR: Reached heap limit Allocation failed -
// JavaScript heap out of memory", older "FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap
// out of memory", "Ineffective mark-compacts near heap limit ...").
extension Rule {
    static let nodeHeapOutOfMemory = Rule(
        id: "node-heap-out-of-memory",
        category: .outOfMemory,
        title: "Node.js ran out of heap",
        severity: .error,
        literals: ["JavaScript heap out of memory"],
        regex: #"FATAL ERROR: (?<reason>.*?) ?Allocation failed - JavaScript heap out of memory"#,
        explanation: """
            A Node.js process (webpack, tsc, Next.js, Jest) hit V8's heap limit ({{reason}}). Node's default \
            old-space limit is often smaller than a large bundle or type-check needs, regardless of the \
            container's memory.
            """,
        remediation: """
            Raise the heap for the build step: `export NODE_OPTIONS=--max-old-space-size=4096` (in MB, below the \
            compute type's memory), and use a larger compute type if the container itself is short of memory.
            """,
        docURL: "https://nodejs.org/api/cli.html#--max-old-space-sizesize-in-mib",
        triggering: [
            #"""
            <--- Last few GCs --->
            [1839:0x5d3b2e0]    61234 ms: Mark-Compact 2044.7 (2082.1) -> 2040.9 (2083.8) MB, 1521.0 / 0.0 ms  (average mu = 0.121, current mu = 0.009) allocation failure
            ↓ FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
             1: 0xb7b3e0 node::Abort() [node]
            """#,
            #"""
            ↓ FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memory
            """#,
        ],
        nonTriggering: [
            #"""
            info - Creating an optimized production build
            # tip: set NODE_OPTIONS=--max-old-space-size=4096 to avoid "JavaScript heap out of memory"
            """#,
        ]
    )
}
