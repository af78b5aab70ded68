import Foundation

/// GUIDs for records (deterministic, from a seeded generator) and for trace ids (random).
enum SandboxIDs {
    /// A lower-case GUID, random.
    static func guid(random: Bool) -> String {
        var generator = SystemRandomNumberGenerator()
        return guid(high: generator.next(), low: generator.next())
    }

    /// A lower-case GUID with the version-4 layout from 128 bits.
    static func guid(high: UInt64, low: UInt64) -> String {
        let bytes =
            (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        var fixed = bytes
        fixed[6] = (fixed[6] & 0x0F) | 0x40
        fixed[8] = (fixed[8] & 0x3F) | 0x80
        let hex = fixed.map { byte -> String in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

/// SplitMix64: a small, fast, seedable generator, so a data set is the same on every run.
struct SandboxSeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A GUID from the next 128 bits.
    mutating func guid() -> String {
        SandboxIDs.guid(high: next(), low: next())
    }
}
