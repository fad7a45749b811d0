import Foundation
import KindlingNotebook

extension KernelRequestHandler {
    /// `complete_reply`: names that can replace `code[cursor_start..<cursor_end]`
    /// (positions in Unicode code points, as protocol 5.2+ counts them).
    func complete(_ content: KernelJSON) -> KernelJSON {
        let code = content["code"]?.stringValue ?? ""
        let cursor = content["cursor_pos"]?.intValue ?? code.unicodeScalars.count
        let reply = session.complete(code, cursor: cursor)
        return ["status": "ok", "matches": .array(reply.matches.map { .string($0) }),
                "cursor_start": .int(reply.start), "cursor_end": .int(reply.end), "metadata": [:]]
    }

    /// `inspect_reply`: what `name?` (detail 0) or `name??` (detail 1) shows for the name at the cursor.
    func inspect(_ content: KernelJSON) -> KernelJSON {
        let code = content["code"]?.stringValue ?? ""
        let cursor = content["cursor_pos"]?.intValue ?? code.unicodeScalars.count
        let detail = content["detail_level"]?.intValue ?? 0
        guard let bundle = session.inspect(code, cursor: cursor, detailLevel: detail) else {
            return ["status": "ok", "found": false, "data": [:], "metadata": [:]]
        }
        return ["status": "ok", "found": true, "data": OutputMessages.data(bundle), "metadata": OutputMessages.metadata(bundle)]
    }

    /// `is_complete_reply`: the language's own completeness check, with the next line's indent.
    func isComplete(_ content: KernelJSON) -> KernelJSON {
        switch session.isComplete(content["code"]?.stringValue ?? "") {
        case .complete: return ["status": "complete"]
        case .invalid: return ["status": "invalid"]
        case let .incomplete(indent): return ["status": "incomplete", "indent": .string(indent)]
        }
    }

    /// `history_reply`: `tail` (last `n`), `range` (`start..<stop` of a session) or `search`
    /// (a glob `pattern`, last `n`, `unique`). Entries are `[session, line, input]`, or
    /// `[session, line, [input, null]]` with `output` (outputs are not kept).
    func history(_ content: KernelJSON) -> KernelJSON {
        var entries = session.history
        switch content["hist_access_type"]?.stringValue ?? "tail" {
        case "range":
            // Session 0 (or 1, or negative counting back) is this process: the only one kept.
            let wanted = content["session"]?.intValue ?? 0
            guard wanted <= 1 else { entries = []; break }
            let start = content["start"]?.intValue ?? 1
            let stop = content["stop"]?.intValue
            entries = entries.filter { entry in entry.line >= start && (stop.map { entry.line < $0 } ?? true) }
        case "search":
            if let pattern = content["pattern"]?.stringValue {
                entries = entries.filter { fnmatch(pattern, $0.source, 0) == 0 }
            }
            if content["unique"]?.boolValue ?? false {
                var seen = Set<String>()
                entries = entries.reversed().filter { seen.insert($0.source).inserted }.reversed()
            }
            if let count = content["n"]?.intValue { entries = Array(entries.suffix(max(0, count))) }
        default:
            if let count = content["n"]?.intValue { entries = Array(entries.suffix(max(0, count))) }
        }
        let withOutput = content["output"]?.boolValue ?? false
        let items: [KernelJSON] = entries.map { entry in
            let input: KernelJSON = withOutput ? [.string(entry.source), .null] : .string(entry.source)
            return [.int(entry.session), .int(entry.line), input]
        }
        return ["status": "ok", "history": .array(items)]
    }
}
