import CYaml

/// Refuses YAML whose aliases would expand past a budget ("billion laughs"), before Yams composes it.
///
/// Yams shares an aliased node instead of copying it, but compares mapping keys for duplicates by value:
/// ten levels of ten aliases used as keys cost 10^10 comparisons, and rule loading hangs. This pass walks
/// libyaml's events once, counting for every anchor how many nodes it stands for, and stops at the first
/// alias that takes the document past `maximumNodes`.
enum YAMLAliasBudget {
    /// Far above any real rule file (a thousand rules of thirty nodes each), far below a hang.
    static let maximumNodes = 1_000_000

    /// Where and why the budget ran out; nil when the document fits (syntax errors are left to Yams).
    struct Exceeded: Equatable {
        var line: Int
        var column: Int
        var anchor: String
    }

    static func check(_ yaml: String, maximumNodes: Int = maximumNodes) -> Exceeded? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Exceeded? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Nodes each open collection stands for so far, with its anchor.
            var open: [(anchor: String?, nodes: Int)] = []
            var anchorNodes: [String: Int] = [:]
            var total = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                var closed: (anchor: String?, nodes: Int)?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    closed = (text(event.data.scalar.anchor), 1)
                case YAML_SEQUENCE_START_EVENT:
                    total += 1
                    open.append((text(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    total += 1
                    open.append((text(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    closed = open.popLast()
                case YAML_ALIAS_EVENT:
                    let anchor = text(event.data.alias.anchor) ?? ""
                    // An undefined alias is Yams' error to report; count it as one node.
                    let nodes = anchorNodes[anchor] ?? 1
                    total += nodes
                    if total > maximumNodes {
                        return Exceeded(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                        anchor: anchor)
                    }
                    if !open.isEmpty { open[open.count - 1].nodes += nodes }
                default:
                    break
                }
                if let closed {
                    if event.type == YAML_SCALAR_EVENT { total += 1 }
                    if let anchor = closed.anchor { anchorNodes[anchor] = closed.nodes }
                    if !open.isEmpty { open[open.count - 1].nodes += closed.nodes }
                }
            }
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
