/// Where a line shows an image reference that Docker itself received, so the registry-URI checks judge
/// those and nothing else: not a poster's prose, an `echo`, a JSON dump of `aws ecr describe-repositories`,
/// an ARN or an environment listing.
///
/// - A command (`Running command …`, `Command did not exit successfully …`, an `+ docker …` shell trace or a
///   bare `docker …` line of an excerpt): the arguments of its docker commands: both references of `tag`,
///   the references of `push` and `pull`, the `-t`/`--tag` values of `build`, the registry of `login`.
/// - Output: the lines Docker prints about a reference (`The push refers to repository [REF]`, `Error
///   parsing reference: "REF"`, `invalid reference format`, `FROM REF`, `An image does not exist locally
///   with the tag: REF`, `tag does not exist: REF`, `No such image: REF`, `Error response from daemon: …`,
///   `Successfully tagged REF`, `pull access denied for REF`, `Get "https://REGISTRY/v2/"`, …).
enum DockerReferenceSites {
    /// The texts of `message` whose ECR references Docker received; empty when there are none.
    static func texts(in message: String, isAgentLine: Bool) -> [String] {
        let trimmed = message.drop(while: { $0 == " " || $0 == "\t" })
        if isAgentLine {
            for prefix in ["Running command ", "Command did not exit successfully "] where trimmed.hasPrefix(prefix) {
                return dockerArguments(of: String(trimmed.dropFirst(prefix.count)))
            }
            return []
        }
        for prefix in ["+ ", "$ ", ""] where trimmed.hasPrefix(prefix + "docker ") || trimmed.hasPrefix(prefix + "sudo docker ") {
            let arguments = dockerArguments(of: String(trimmed.dropFirst(prefix.count)))
            if !arguments.isEmpty { return arguments }
        }
        return outputMarkers.contains(where: { message.contains($0) }) ? [message] : []
    }

    /// What Docker prints about an image reference it was given.
    static let outputMarkers = [
        "The push refers to repository", "Error parsing reference", "invalid reference format", "FROM ",
        "does not exist locally", "tag does not exist", "No such image", "Error response from daemon",
        "Successfully tagged", "naming to ", "pull access denied for", "manifest for ", "Pulling from",
        "failed to resolve", "failed to do request", "load metadata for", "Get \"https://", "Head \"https://",
        "Post \"https://", "Put \"https://", "denied: requested access", "repository does not exist",
    ]

    private static let programs: Set<String> = ["docker", "podman", "finch", "nerdctl"]

    /// The image references given to docker commands in a shell command line.
    static func dockerArguments(of command: String) -> [String] {
        invocations(of: command).flatMap(\.references)
    }

    /// One docker command of a shell line and the image references it was given.
    struct Invocation: Equatable {
        /// `tag`, `push`, `pull`, `login` or `build` (`docker image push` and `docker buildx build` included).
        var subcommand: String
        var references: [String]
    }

    static func invocations(of command: String) -> [Invocation] {
        var found: [Invocation] = []
        for segment in segments(of: command) {
            var words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            while let first = words.first, first == "sudo" || (first.contains("=") && !first.hasPrefix("-")) {
                words.removeFirst()
            }
            guard let program = words.first, programs.contains(program.split(separator: "/").last.map(String.init) ?? program)
            else { continue }
            words.removeFirst()
            var subcommand = words.first ?? ""
            words = Array(words.dropFirst())
            if subcommand == "image" || subcommand == "buildx" || subcommand == "builder", let next = words.first {
                subcommand = next
                words = Array(words.dropFirst())
            }
            switch subcommand {
            case "tag", "push", "pull", "login":
                found.append(Invocation(subcommand: subcommand, references: positionals(words)))
            case "build":
                found.append(Invocation(subcommand: subcommand, references: tagValues(words)))
            default:
                continue
            }
        }
        return found
    }

    /// Commands of a shell line: split at `&&`, `||`, `;`, `|`, newlines and command substitutions.
    private static func segments(of command: String) -> [String] {
        command.split(whereSeparator: { "&|;\n`(".contains($0) })
            .map(String.init)
            .filter { !$0.trimmingWhitespace.isEmpty }
    }

    /// Words that are not options; an option's value (`--region x`) is skipped for the options that take one.
    private static func positionals(_ words: [String]) -> [String] {
        let takesValue: Set<String> = ["--username", "-u", "--password", "-p", "--platform", "--config"]
        var result: [String] = []
        var skipNext = false
        for word in words {
            if skipNext { skipNext = false; continue }
            if word.hasPrefix("-") {
                if takesValue.contains(word) { skipNext = true }
                continue
            }
            result.append(word)
        }
        return result
    }

    /// The values of `-t X`, `--tag X`, `--tag=X`, `-tX`.
    private static func tagValues(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "-t" || word == "--tag", index + 1 < words.count {
                result.append(words[index + 1])
                index += 2
                continue
            }
            if word.hasPrefix("--tag=") { result.append(String(word.dropFirst(6))) }
            else if word.hasPrefix("-t"), word.count > 2, !word.hasPrefix("--") { result.append(String(word.dropFirst(2))) }
            index += 1
        }
        return result
    }
}

private extension String {
    var trimmingWhitespace: Substring { drop(while: { $0 == " " || $0 == "\t" }) }
}
