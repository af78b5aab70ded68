/// One route of a vendor: its name (what faults and the recording target), the methods it
/// answers, how it recognises its paths, and its handler.
struct SandboxEndpoint: Sendable {
    /// The route's name within its vendor, for example `asset`.
    let name: String
    /// The methods it answers; another method on a matching path is answered 405.
    let methods: Set<String>
    /// The path parameters when `path` (below the vendor's prefix, decoded) is this route's; else `nil`.
    let match: @Sendable (String) -> [String: String]?
    /// Answers a request.
    let handle: @Sendable (SandboxIncomingRequest, [String: String]) async -> SandboxResponse

    /// A route whose paths follow `template`: literal segments and `:name` parameters
    /// (`/asset-owner/:owner/withAssetId`).
    init(
        _ name: String,
        _ methods: Set<String>,
        _ template: String,
        handle: @escaping @Sendable (SandboxIncomingRequest, [String: String]) async -> SandboxResponse
    ) {
        let pattern = template.split(separator: "/").map(String.init)
        self.init(name, methods, match: { path in SandboxEndpoint.match(path, pattern) }, handle: handle)
    }

    /// A route with its own path matcher.
    init(
        _ name: String,
        _ methods: Set<String>,
        match: @escaping @Sendable (String) -> [String: String]?,
        handle: @escaping @Sendable (SandboxIncomingRequest, [String: String]) async -> SandboxResponse
    ) {
        self.name = name
        self.methods = methods
        self.match = match
        self.handle = handle
    }

    private static func match(_ path: String, _ pattern: [String]) -> [String: String]? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.count == pattern.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, expected) in zip(segments, pattern) {
            if expected.hasPrefix(":") {
                parameters[String(expected.dropFirst())] = segment
            } else if segment != expected {
                return nil
            }
        }
        return parameters
    }
}
