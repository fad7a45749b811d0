import CReadline
import Foundation

/// Readline's history list plus its file. Entries are written with timestamps so a
/// multi-line block comes back as one entry in the next session.
final class LineEditorHistory {
    let path: String?
    let limit: Int

    init(path: String?, limit: Int) {
        self.path = path
        self.limit = max(1, limit)
        using_history()
        // Timestamps mark where each entry starts in the file; readline only writes
        // them when the comment character is set.
        history_comment_char = 0x23  // "#"
        history_write_timestamps = 1
        history_multiline_entries = 1
        stifle_history(Int32(clamping: self.limit))
    }

    /// Reads the history file (a missing file is an empty history).
    func load() {
        guard let path else { return }
        clear_history()
        _ = read_history(path)
    }

    func add(_ entry: String) {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, entries.last != entry else { return }
        add_history(entry)
        guard let path else { return }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        if FileManager.default.fileExists(atPath: path) {
            _ = append_history(1, path)
            _ = history_truncate_file(path, Int32(clamping: limit))
        } else {
            _ = write_history(path)
        }
    }

    /// The entries, oldest first.
    var entries: [String] {
        var result: [String] = []
        let count = Int(history_length)
        for offset in 0..<count {
            if let entry = history_get(history_base + Int32(offset)), let line = entry.pointee.line {
                result.append(String(cString: line))
            }
        }
        return result
    }
}
