/// Why a body is not valid JSON, and where: thrown by ``JSONValue/init(jsonData:)``.
///
/// The description names the byte offset and the rule broken, never the text found there, so the
/// error is safe to log even when the body holds secrets.
public struct JSONReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule a document broke.
    public struct Reason: Sendable, Hashable, CustomStringConvertible {
        /// A short explanation, such as "unexpected end of input".
        public let description: String

        private init(_ description: String) {
            self.description = description
        }

        /// The document ends before its value does (empty, or truncated).
        public static let unexpectedEnd = Reason("unexpected end of input")
        /// A character that cannot start or continue a value here.
        public static let unexpectedCharacter = Reason("unexpected character")
        /// A number that breaks the JSON grammar (leading zero, missing digits).
        public static let invalidNumber = Reason("invalid number")
        /// A number too large for a `Double`, such as `1e999`.
        public static let numberOutOfRange = Reason("number out of range")
        /// A backslash escape JSON does not define, or a `\u` without four hex digits.
        public static let invalidEscape = Reason("invalid escape sequence")
        /// A `\u` escape of half a UTF-16 surrogate pair without its other half.
        public static let unpairedSurrogate = Reason("unpaired UTF-16 surrogate escape")
        /// Bytes inside a string that are not valid UTF-8.
        public static let invalidUTF8 = Reason("invalid UTF-8")
        /// A control character (below U+0020) written into a string without escaping.
        public static let unescapedControlCharacter = Reason("unescaped control character in string")
        /// Arrays and objects nested deeper than ``JSONValue/maximumNestingDepth``.
        public static let nestingTooDeep = Reason("arrays and objects nested too deeply")
        /// Something other than whitespace after the value.
        public static let trailingCharacters = Reason("unexpected text after the value")
    }

    /// The rule broken.
    public let reason: Reason
    /// The offset in bytes from the start of the body where the problem was found.
    public let offset: Int

    /// Creates an error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// For example "invalid JSON at byte 12: unexpected end of input".
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
