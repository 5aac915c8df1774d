/// CommonMark code spans in a line of prose: a run of n backticks up to the next run of exactly n backticks
/// (spec 6.1). Text between them is code — shown literally, no escapes or entities — and a run with no partner
/// is a literal backtick in prose. Linear in the line's length, whatever its backticks.
enum CodeSpans {
    struct Piece: Equatable {
        var text: String
        var isCode: Bool
    }

    static func split(_ line: String) -> [Piece] {
        let characters = Array(line)
        // Every backtick run, and per length the runs of that length in order, to find partners without rescanning.
        var runs: [(start: Int, length: Int)] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "`" {
                let start = index
                while index < characters.count, characters[index] == "`" { index += 1 }
                runs.append((start, index - start))
            } else {
                index += 1
            }
        }
        var byLength: [Int: [Int]] = [:]
        for (number, run) in runs.enumerated() { byLength[run.length, default: []].append(number) }
        var nextOfLength: [Int: Int] = [:] // length -> position in byLength[length] not yet passed

        var pieces: [Piece] = []
        var prose = ""
        var cursor = 0
        var number = 0
        while number < runs.count {
            let run = runs[number]
            prose += String(characters[cursor..<run.start])
            // Skip this length's runs at or before this one; the next one of equal length closes the span.
            var position = nextOfLength[run.length] ?? 0
            let sameLength = byLength[run.length] ?? []
            while position < sameLength.count, sameLength[position] <= number { position += 1 }
            nextOfLength[run.length] = position
            guard position < sameLength.count else {
                prose += String(repeating: "`", count: run.length)
                cursor = run.start + run.length
                number += 1
                continue
            }
            let close = runs[sameLength[position]]
            if !prose.isEmpty { pieces.append(Piece(text: prose, isCode: false)) }
            prose = ""
            pieces.append(Piece(text: String(characters[run.start..<(close.start + close.length)]), isCode: true))
            cursor = close.start + close.length
            number = sameLength[position] + 1
        }
        prose += String(characters[cursor...])
        if !prose.isEmpty { pieces.append(Piece(text: prose, isCode: false)) }
        return pieces
    }
}
