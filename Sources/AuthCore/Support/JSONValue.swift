import Foundation

/// A JSON value of any shape, for payloads whose structure is dynamic or only partly known.
///
/// Numbers are kept as ``JSONNumber``, the literal as written, so that amounts such as `1234.56`
/// survive a round trip without passing through binary floating point and values such as `1e300`
/// or 25-digit identifiers are kept rather than refused. Use the accessors in
/// `JSONValue+Accessors.swift` to read values leniently.
public enum JSONValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number, exactly as written.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An ordered list of values.
    case array([JSONValue])
    /// An object. Key order is not preserved; of repeated names the last one counts.
    case object([String: JSONValue])

    /// How deeply arrays and objects may nest, as in `JSONSerialization`: reading deeper
    /// documents and writing deeper values fail with an error.
    public static let maximumNestingDepth = 512
}

extension JSONValue: Codable {
    /// Decodes any JSON value, for a `JSONValue` inside a `Decodable` model.
    ///
    /// `Decoder` cannot say which kind of value comes next, so kinds are tried in order of how
    /// common they are in API payloads (null, string, number, boolean, object, array). Only a
    /// type mismatch moves on to the next kind; any other error (for example in a nested value)
    /// is thrown as is. A number out of `Decimal`'s range is read as a `Double`, and so is a
    /// number from a decoder that has no `Decimal` primitive (such as `PropertyListDecoder`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
            return
        }
        do {
            self = .string(try container.decode(String.self))
            return
        } catch DecodingError.typeMismatch {}
        do {
            self = .number(try JSONNumber(from: container))
            return
        } catch DecodingError.typeMismatch {}
        do {
            self = .bool(try container.decode(Bool.self))
            return
        } catch DecodingError.typeMismatch {}
        do {
            self = .object(try container.decode([String: JSONValue].self))
            return
        } catch DecodingError.typeMismatch {}
        do {
            self = .array(try container.decode([JSONValue].self))
            return
        } catch DecodingError.typeMismatch {}
        guard let number = JSONNumber(try container.decode(Double.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "number is not finite")
        }
        self = .number(number)
    }

    /// Encodes the value; numbers go out as `Decimal` when in its range, otherwise as `Double`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer number.
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    /// A number written as a decimal literal, kept in its shortest form (`0.1` stays `0.1`).
    public init(floatLiteral value: Double) { self = .number(JSONNumber(floatLiteral: value)) }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
