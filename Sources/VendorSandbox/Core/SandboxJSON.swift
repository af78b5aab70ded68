import Foundation

/// A JSON value that keeps the order of object members and the exact text of numbers, so the
/// sandbox writes fixtures back the way they were written and generated records byte for byte
/// the same on every run.
enum SandboxJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, kept as its JSON text (`349.99` stays `349.99`).
    case number(String)
    case string(String)
    case array([SandboxJSON])
    case object(SandboxJSONObject)

    /// A number from an integer.
    static func int(_ value: Int) -> SandboxJSON { .number(String(value)) }

    /// A number from a decimal, written exactly.
    static func decimal(_ value: Decimal) -> SandboxJSON { .number("\(value)") }

    /// The member `key` of an object; `nil` for other values or a missing member.
    subscript(key: String) -> SandboxJSON? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The string, if this is one.
    var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The number as a `Double`, if this is a number.
    var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The object, if this is one.
    var objectValue: SandboxJSONObject? {
        guard case .object(let object) = self else { return nil }
        return object
    }

    /// The elements, if this is an array.
    var arrayValue: [SandboxJSON]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }
}

/// A JSON object whose members keep their order.
struct SandboxJSONObject: Sendable, Equatable {
    /// The members, in order; keys are unique.
    private(set) var members: [(key: String, value: SandboxJSON)]

    /// An object from ordered members (a repeated key keeps its last value, in its first place).
    init(_ members: [(String, SandboxJSON)] = []) {
        self.members = []
        for (key, value) in members { self[key] = value }
    }

    /// The value of `key`; setting `nil` removes the member, setting a new key appends it.
    subscript(key: String) -> SandboxJSON? {
        get { members.first { $0.key == key }?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// The keys, in order.
    var keys: [String] { members.map(\.key) }

    static func == (lhs: SandboxJSONObject, rhs: SandboxJSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
