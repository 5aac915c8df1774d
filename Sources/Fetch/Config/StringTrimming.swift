// Trimming without Foundation's CharacterSet: config values and short server answers only.

extension String {
    /// Drops leading and trailing characters made only of scalars in `set`. Scalars, not
    /// characters, because `"\r\n"` is one `Character` that equals neither `"\r"` nor `"\n"`.
    func trimmingAll(of set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        func trimmable(_ character: Character) -> Bool { character.unicodeScalars.allSatisfy(scalars.contains) }
        var result = Substring(self)
        while let first = result.first, trimmable(first) { result = result.dropFirst() }
        while let last = result.last, trimmable(last) { result = result.dropLast() }
        return String(result)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" || first == "\r" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }
}
