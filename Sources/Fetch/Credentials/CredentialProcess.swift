import Foundation

/// `credential_process`: runs the profile's command (no shell, arguments split as botocore's
/// `compat_shell_split` does on POSIX) and reads its JSON `Version: 1` document from stdout.
///
/// Failures report the exit status and the first line of stderr. Stdout is never shown: it is
/// where the secret is.
enum CredentialProcess {
    static func load(command: String, profile: String, environment: AWSEnvironment) throws -> AWSCredentials {
        let arguments = try ShellWords.split(command, profile: profile)
        guard let program = arguments.first else {
            throw CredentialsError.processFailed(profile: profile, reason: "credential_process is empty")
        }
        guard let executable = resolveExecutable(program, environment: environment) else {
            throw CredentialsError.processFailed(profile: profile, reason: "program '\(program)' not found")
        }
        let result: ProcessRunner.Result
        do {
            result = try ProcessRunner.run(executable: executable, arguments: Array(arguments.dropFirst()),
                                           environment: environment.variables,
                                           timeout: environment.credentialProcessTimeout)
        } catch let error as ProcessRunner.Failure {
            throw CredentialsError.processFailed(profile: profile, reason: error.reason)
        }
        guard result.status == 0 else {
            let firstLine = firstLine(of: result.stderr)
            let detail = firstLine.isEmpty ? "" : ": \(firstLine)"
            throw CredentialsError.processFailed(profile: profile, reason: "exited with status \(result.status)\(detail)")
        }
        let provider = "credential_process of profile '\(profile)'"
        let document = try CredentialsDocument.decode(result.stdout, provider: provider)
        guard document.version == 1 else {
            let found = document.version.map(String.init) ?? "none"
            throw CredentialsError.processFailed(profile: profile, reason: "output Version is \(found), expected 1")
        }
        return try document.credentials(provider: provider, source: "profile \(profile) (credential_process)",
                                        requireExpiration: false)
    }

    /// A name without `/` is looked up in the injected `PATH`, as `execvp` would.
    static func resolveExecutable(_ program: String, environment: AWSEnvironment) -> String? {
        if program.contains("/") {
            let path = environment.expandingTilde(program)
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let searchPath = environment.value("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// At most 200 characters of stderr's first non-empty line.
    static func firstLine(of bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(line.trimmingAll(of: " \t").prefix(200))
    }
}

/// POSIX shell-style word splitting without expansion: quotes and backslashes only.
enum ShellWords {
    static func split(_ command: String, profile: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in command {
            if escaped {
                current.append(character); escaped = false; inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else {
                    current.append(character)
                }
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" || character == "'" {
                quote = character; inWord = true
            } else if character == " " || character == "\t" || character.isNewline {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character); inWord = true
            }
        }
        if quote != nil || escaped {
            throw CredentialsError.processFailed(profile: profile, reason: "credential_process has an unclosed quote or a trailing backslash")
        }
        if inWord { words.append(current) }
        return words
    }
}
