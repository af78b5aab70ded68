import Foundation

/// One mutated fixture: what was done to it, and the bytes.
public struct Mutant: Sendable, CustomStringConvertible {
    /// The fixture it came from (`vendor/name.json`).
    public var fixture: String
    /// The mutation, for failure messages (`truncate@17`, `null $.user.id`).
    public var mutation: String
    /// The mutated body.
    public var data: Data

    /// `fixture [mutation]`.
    public var description: String { "\(fixture) [\(mutation)]" }
}

/// Makes hostile variants of a fixture, reproducibly: the same seed gives the same mutants.
///
/// Byte-level mutations (truncation, invalid UTF-8, a BOM, HTML, an empty body, deep nesting)
/// apply to every fixture; structural ones (type swaps, nulls, deleted keys, huge numbers, very
/// long strings) to fixtures that parse as JSON. Structure is read and written with
/// `JSONSerialization`, so the mutator does not depend on the JSON reader it helps to test.
public struct FixtureMutator: Sendable {
    /// The seed.
    public let seed: UInt64
    /// How many random structural mutations to make per fixture, on top of the fixed ones.
    public let structuralCount: Int

    /// Creates a mutator.
    public init(seed: UInt64 = 0x5EED_F1C5, structuralCount: Int = 24) {
        self.seed = seed
        self.structuralCount = structuralCount
    }

    /// Every mutant of the fixture at `path` with body `data`.
    public func mutants(of data: Data, fixture path: String) -> [Mutant] {
        var generator = SplitMix(seed: seed ^ Self.hash(path))
        var result: [Mutant] = []
        func add(_ mutation: String, _ bytes: Data) {
            result.append(Mutant(fixture: path, mutation: mutation, data: bytes))
        }

        add("empty", Data())
        add("whitespace", Data("  \n\t ".utf8))
        add("bom", Data([0xEF, 0xBB, 0xBF]) + data)
        add("html", Data("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>".utf8))
        add("deep-nesting", Data(String(repeating: "[", count: 100_000).utf8))
        add(
            "deep-object",
            Data(String(repeating: #"{"a":"#, count: 20_000).utf8) + Data(String(repeating: "}", count: 20_000).utf8))
        add("invalid-utf8-prefix", Data([0xFF, 0xFE, 0xC0]) + data)
        if let quote = data.firstIndex(of: UInt8(ascii: "\"")) {
            var broken = data
            broken.insert(contentsOf: [0xC3, 0x28, 0xFF], at: quote + 1)
            add("invalid-utf8-in-string", broken)
        }
        for cut in Self.cutPoints(count: data.count, generator: &generator) {
            add("truncate@\(cut)", data.prefix(cut))
        }
        for _ in 0..<4 where !data.isEmpty {
            var flipped = data
            let index = Int(generator.next() % UInt64(data.count))
            flipped[flipped.startIndex + index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            add("flip@\(index)", flipped)
        }
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return result
        }
        add("huge-number-document", Data("1e400".utf8))
        add("wrapped-in-array", Self.serialise([root]))
        let paths = JSONPaths.all(in: root)
        guard !paths.isEmpty else { return result }
        for _ in 0..<structuralCount {
            let path = paths[Int(generator.next() % UInt64(paths.count))]
            let kind = StructuralMutation.allCases[Int(generator.next() % UInt64(StructuralMutation.allCases.count))]
            guard let mutated = kind.apply(to: root, at: path) else { continue }
            add("\(kind.rawValue) \(JSONPaths.describe(path))", Self.serialise(mutated, raw: kind.rawNumberText))
        }
        return result
    }

    static func cutPoints(count: Int, generator: inout SplitMix) -> [Int] {
        guard count > 1 else { return [] }
        var points: Set<Int> = [1, count / 2, count - 1]
        for _ in 0..<3 { points.insert(1 + Int(generator.next() % UInt64(count - 1))) }
        return points.sorted()
    }

    /// The JSON text of `value`; a raw number marker is replaced by literal number text, which
    /// `JSONSerialization` cannot write (1e400, 30-digit integers).
    static func serialise(_ value: Any, raw: String? = nil) -> Data {
        guard var data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) else {
            return Data()
        }
        if let raw, let text = String(data: data, encoding: .utf8) {
            data = Data(text.replacingOccurrences(of: "\"\(StructuralMutation.rawMarker)\"", with: raw).utf8)
        }
        return data
    }

    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}

/// A small reproducible generator (SplitMix64).
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
