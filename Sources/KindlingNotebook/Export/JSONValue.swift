/// A JSON document written the way nbformat writes notebooks (Python's
/// `json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)`), so exported
/// notebooks are byte-stable and diff well.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The serialised text, ending with a newline like nbformat's files.
    public func serialized() -> String {
        var output = ""
        write(to: &output, indent: 0)
        return output + "\n"
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .int(value): output += String(value)
        case let .string(value): JSONValue.writeString(value, to: &output)
        case let .array(items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (position, item) in items.enumerated() {
                output += String(repeating: " ", count: indent + 1)
                item.write(to: &output, indent: indent + 1)
                output += position + 1 < items.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case let .object(members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            let keys = members.keys.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
            for (position, key) in keys.enumerated() {
                output += String(repeating: " ", count: indent + 1)
                JSONValue.writeString(key, to: &output)
                output += ": "
                members[key]?.write(to: &output, indent: indent + 1)
                output += position + 1 < keys.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

/// Splits text into nbformat's multiline-string list: every line keeps its `\n`
/// except the last (`"a\nb"` -> `["a\n", "b"]`).
func notebookLines(_ text: String) -> JSONValue {
    guard !text.isEmpty else { return .array([]) }
    var lines: [JSONValue] = []
    var current = ""
    for char in text {
        current.append(char)
        if char == "\n" {
            lines.append(.string(current))
            current = ""
        }
    }
    if !current.isEmpty { lines.append(.string(current)) }
    return .array(lines)
}
