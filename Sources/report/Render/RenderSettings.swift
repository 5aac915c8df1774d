import Foundation

/// The output formats every report (one build, several, a summary) can be rendered in.
enum OutputFormat: String, CaseIterable {
    case text, json, markdown, slack
}

/// When to use ANSI colour (and the Unicode marks that go with it).
enum ColorChoice: String, CaseIterable {
    case auto, always, never
}

/// Everything about the terminal and the moment that a renderer may depend on, decided once at the edge
/// so renderers stay pure functions of (model, settings) and golden tests can pin all of it.
struct RenderSettings {
    /// ANSI escapes for colour and bold.
    var color: Bool
    /// ✔ ✘ ▶ and box-free Unicode marks; plain ASCII otherwise.
    var unicode: Bool
    /// Columns to wrap prose to and to trim evidence lines at.
    var width: Int
    /// Lines of context shown around each evidence line (at most what the engine kept).
    var contextLines: Int
    /// When the report was made (JSON `generatedAt`); injected so tests are reproducible.
    var now: Date
    /// `--verbose`: every finding in full, generic symptoms included; otherwise the text report leads with the
    /// answer and lists the rest a line each.
    var verbose = false

    static let defaultWidth = 100
    static let minimumWidth = 40

    init(color: Bool = false, unicode: Bool = false, width: Int = RenderSettings.defaultWidth,
         contextLines: Int = 2, now: Date = Date()) {
        self.color = color
        self.unicode = unicode
        self.width = max(width, Self.minimumWidth)
        self.contextLines = contextLines
        self.now = now
    }

    /// Colour only on a terminal, never with `NO_COLOR` set (https://no-color.org) nor on `TERM=dumb`;
    /// Unicode marks (✔ ◀ …) only where colour is on and the locale's character set is UTF-8 — `LANG=C`, an
    /// unset locale or `en_US.ISO-8859-1` get ASCII marks. `--color always` is an explicit request for colour
    /// and wins; its marks still follow the locale.
    static func resolve(choice: ColorChoice, environment: [String: String], stdoutIsTerminal: Bool,
                        terminalColumns: Int?, contextLines: Int, now: Date) -> RenderSettings {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        let utf8 = localeIsUTF8(environment)
        let color: Bool
        switch choice {
        case .always: color = true
        case .never: color = false
        case .auto: color = stdoutIsTerminal && !noColor && !dumb
        }
        let width = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            ?? terminalColumns ?? defaultWidth
        return RenderSettings(color: color, unicode: color && utf8 && !dumb,
                              width: width, contextLines: contextLines, now: now)
    }

    /// The character set of the locale in effect as POSIX resolves it: `LC_ALL`, else `LC_CTYPE`, else `LANG`
    /// (the first one set and non-empty); none set is the C locale, which is ASCII.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        let codeset = name.split(separator: ".", maxSplits: 1).dropFirst().first?.split(separator: "@").first ?? ""
        let normalized = codeset.lowercased().replacingOccurrences(of: "-", with: "")
        return normalized == "utf8"
    }
}

/// ANSI styling that turns into nothing when colour is off.
struct Style {
    var enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func boldRed(_ text: String) -> String { wrap(text, "1;31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
