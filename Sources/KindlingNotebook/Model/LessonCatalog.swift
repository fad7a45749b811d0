import Foundation

/// `kindling lessons`: the lesson scripts in a folder with their titles.
public enum LessonCatalog {
    public struct Entry: Equatable, Sendable {
        /// The file's path (folder + name).
        public var path: String
        /// The first Markdown heading, or the file name without `.py`.
        public var title: String
    }

    /// The `.py` files of `directory` sorted by name; unreadable files are listed by name.
    public static func entries(in directory: String) throws -> [Entry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".py") }
            .sorted()
        return names.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            let fallback = String(name.dropLast(3))
            let title = (try? Lesson(contentsOf: path))?.title ?? fallback
            return Entry(path: path, title: title)
        }
    }

    /// One line per lesson: `01-pixels.py  Pixels and means`.
    public static func listing(_ entries: [Entry]) -> String {
        let width = entries.map { ($0.path as NSString).lastPathComponent.count }.max() ?? 0
        return entries.map { entry in
            let name = (entry.path as NSString).lastPathComponent
            return name + String(repeating: " ", count: width - name.count + 2) + entry.title
        }.joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    }
}
