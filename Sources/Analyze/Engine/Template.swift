/// Fills `{{name}}` placeholders with captured values; `{{name|text}}` reads `text` when `name` did not take part.
enum Template {
    static func fill(_ template: String, with captures: [String: String]) -> String {
        guard template.contains("{{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let inside = rest[open.upperBound..<close.lowerBound]
            let name = inside.prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
            let fallback = inside.firstIndex(of: "|").map { String(inside[inside.index(after: $0)...]) }
            // A capture that did not take part in the match reads as its fallback, or as its name, not as an empty hole.
            result += captures[name] ?? fallback ?? "<\(name)>"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
