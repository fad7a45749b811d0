import CReadline
#if canImport(Glibc)
import Glibc
#endif

/// Readline's attempted-completion function: asks the active editor's Swift provider
/// and hands readline a malloc'd, NULL-terminated match list (readline frees it).
/// Readline's own filename completion is switched off.
func completionTrampoline(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    // Names and attributes: no space after a unique match.
    rl_completion_suppress_append = 1
    guard let provider = LineEditor.active?.configuration.completionProvider,
          let buffer = rl_line_buffer else { return nil }
    let lineBytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                              count: Int(max(0, rl_end))))
    let cursor = min(max(0, Int(rl_point)), lineBytes.count)
    let request = CompletionRequest(
        line: String(decoding: lineBytes, as: UTF8.self),
        textBeforeCursor: String(decoding: lineBytes[..<cursor], as: UTF8.self),
        word: text.map { String(cString: $0) } ?? "")
    let matches = provider(request)
    return makeMatchList(matches)
}

/// `[common prefix, match1, match2, ..., NULL]`, or `[match, NULL]` for one match.
func makeMatchList(_ matches: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let unique = Array(Set(matches)).sorted()
    guard let first = unique.first else { return nil }
    let head = unique.count == 1 ? first : commonPrefix(unique)
    let items = unique.count == 1 ? [head] : [head] + unique
    guard let list = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (items.count + 1))?
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: items.count + 1) else { return nil }
    for (index, item) in items.enumerated() { list[index] = strdup(item) }
    list[items.count] = nil
    return list
}

/// The longest common prefix, by whole characters.
func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
        let chars = Array(word)
        var length = 0
        while length < min(prefix.count, chars.count) && prefix[length] == chars[length] { length += 1 }
        prefix = Array(prefix[..<length])
    }
    return String(prefix)
}
