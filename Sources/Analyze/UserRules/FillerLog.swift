import Foundation

/// Ordinary, harmless build output used to bury examples in a larger log (deterministic).
/// Nothing here should look like a failure: a rule that fires on it is too broad.
enum FillerLog {
    private static let templates = [
        "Step %d/40 : RUN npm ci --omit=dev",
        " ---> Running in 4f2a9c1b7d%02d",
        "added %d packages, and audited %d packages in 12s",
        "#%d [3/40] COPY . /app",
        "#%d DONE 0.4s",
        "  PASS  src/components/widget-%d.test.js",
        "Downloaded from central: https://repo.maven.apache.org/maven2/org/example/lib-%d/1.0/lib-%d-1.0.jar",
        "Collecting package-%d==1.0.0",
        "[INFO] Building module-%d 1.0-SNAPSHOT",
        "   Compiling crate-%d v0.1.0",
    ]

    static func lines(count: Int) -> [String] {
        (0..<max(count, 0)).map { index in
            let template = templates[index % templates.count]
            return template.replacingOccurrences(of: "%02d", with: String(index % 100))
                .replacingOccurrences(of: "%d", with: String(index))
        }
    }
}
