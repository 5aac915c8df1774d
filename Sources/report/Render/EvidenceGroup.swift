import Foundation
import Analyze

/// Evidence whose marked line says the same thing as an earlier one (a retried push printing the same
/// `denied:` line, a test failing the same way in three files) is shown once, with where it repeated.
struct EvidenceGroup {
    var first: Evidence
    var repeats: [Evidence]

    /// Groups in order of first appearance; lines are the same when their text is, trailing blanks aside.
    static func grouping(_ evidence: [Evidence]) -> [EvidenceGroup] {
        var groups: [EvidenceGroup] = []
        var indexByText: [String: Int] = [:]
        for item in evidence {
            let key = item.line.text.trimmingCharacters(in: .whitespaces)
            if let index = indexByText[key] {
                groups[index].repeats.append(item)
            } else {
                indexByText[key] = groups.count
                groups.append(EvidenceGroup(first: item, repeats: []))
            }
        }
        return groups
    }
}

/// Evidence lines of one command close enough that their context windows touch or overlap: one block with a
/// `>` on each evidence line, instead of a block each repeating the lines between them.
struct EvidenceRun {
    var groups: [EvidenceGroup]
    /// Every line the block shows, in order, each once.
    var lines: [NumberedLine]
    /// Numbers of the evidence lines among them.
    var marked: Set<Int>

    var first: Evidence { groups[0].first }

    static func runs(_ groups: [EvidenceGroup], context: Int) -> [EvidenceRun] {
        var runs: [EvidenceRun] = []
        for group in groups {
            let evidence = group.first
            let window = evidence.before.suffix(context) + [evidence.line] + evidence.after.prefix(context)
            if let last = runs.last, evidence.origin == .log, last.first.origin == .log,
               last.first.phase == evidence.phase, last.first.command == evidence.command,
               let lastShown = last.lines.last?.number, let firstShown = window.first?.number,
               firstShown <= lastShown + 1 {
                runs[runs.count - 1].groups.append(group)
                runs[runs.count - 1].lines += window.filter { $0.number > lastShown }
                runs[runs.count - 1].marked.insert(evidence.line.number)
            } else {
                runs.append(EvidenceRun(groups: [group], lines: Array(window), marked: [evidence.line.number]))
            }
        }
        return runs
    }
}
