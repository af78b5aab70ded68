/// A token store could not read or write its data.
public struct TokenStoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The stored data exists but is not a readable token (truncated, not a JSON object, too large,
        /// no or an empty `access_token`, an `expires_at` that is not a finite number).
        public static let corrupt = Code("corrupt")
        /// The file system refused a read or write, or the path holds something the store will not
        /// use as a token file (a symbolic link, a folder, a pipe), or a token too large to write.
        public static let ioFailure = Code("ioFailure")

        /// The code's name.
        public var description: String { name }
    }

    /// What went wrong.
    public let code: Code
    /// The file involved.
    public let path: String
    /// Why, in words (never file contents).
    public let reason: String

    /// Creates an error.
    public init(code: Code, path: String, reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    /// A one-line summary; never includes the file's contents.
    public var description: String { "TokenStoreError.\(code): \(reason) (\(path))" }
}
