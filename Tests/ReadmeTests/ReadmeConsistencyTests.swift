import Foundation
import Testing

/// Every Swift code block of README.md stands, line for line, in a `ReadmeExample*.swift` file of
/// the test targets, which compile: so the README's examples compile against the current API.
///
/// Lines are compared without their indentation; blank lines, `import` lines and comments at the
/// end of a line are ignored. A block preceded by `<!-- not compiled -->` (a `Package.swift`
/// fragment, say) is skipped.
@Suite("README examples")
struct ReadmeConsistencyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func normalised(_ lines: some Sequence<Substring>) -> [String] {
        lines.map { line -> String in
            var text = String(line)
            if let comment = text.range(of: "  // ") { text = String(text[..<comment.lowerBound]) }
            return text.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty && !$0.hasPrefix("import ") && !$0.hasPrefix("//") }
    }

    /// The Swift blocks of the README, each as normalised lines, with the line it starts on.
    static func readmeBlocks() throws -> [(line: Int, lines: [String])] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [(Int, [String])] = []
        var current: [Substring]?
        var start = 0
        var skipNext = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "<!-- not compiled -->" {
                skipNext = true
            } else if current == nil, trimmed == "```swift" {
                current = []
                start = number + 1
            } else if current != nil, trimmed == "```" {
                if !skipNext { blocks.append((start, normalised(current ?? []))) }
                current = nil
                skipNext = false
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    /// The lines of every `ReadmeExample*.swift` file under `Tests/` (each kit's test target may
    /// hold the examples it also runs).
    static func exampleLines() throws -> [String] {
        let folder = root.appendingPathComponent("Tests")
        let files =
            (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            ?? [])
            .filter { $0.lastPathComponent.hasPrefix("ReadmeExample") && $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
        return try files.flatMap { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            return normalised(text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test("every Swift block of README.md is compiled code from ReadmeExamples")
    func blocksCompile() throws {
        let blocks = try Self.readmeBlocks()
        #expect(blocks.count >= 4)
        let examples = try Self.exampleLines()
        for block in blocks where !block.lines.isEmpty {
            let found = examples.indices.contains { start in
                start + block.lines.count <= examples.count
                    && Array(examples[start..<start + block.lines.count]) == block.lines
            }
            #expect(found, "README.md block at line \(block.line) is not in any Tests/**/ReadmeExample*.swift")
        }
    }
}
