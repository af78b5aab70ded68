import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension APIError: CustomStringConvertible, CustomDebugStringConvertible, LocalizedError {
    /// A one-line, redacted summary: kind, message, status, request, vendor details, body excerpt.
    public var description: String {
        var parts = ["APIError.\(kind): \(message)"]
        if let status { parts.append("HTTP \(status)") }
        if let method, let url { parts.append("\(method) \(url)") } else if let url { parts.append(url) }
        if let vendorCode { parts.append("code \(vendorCode)") }
        if let vendorMessage { parts.append("vendor message \"\(Redactor.scrubbedForDisplay(vendorMessage))\"") }
        if let retryAfter { parts.append("retry after \(retryAfter.seconds)s") }
        if attempts > 1 { parts.append("after \(attempts) attempts") }
        if let bodyExcerpt { parts.append("body \(bodyExcerpt)") }
        if let underlying { parts.append("caused by \(APIError.safeSummary(of: underlying))") }
        return parts.joined(separator: "; ")
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// Same as ``description``, so `localizedDescription` is redacted too.
    public var errorDescription: String? { description }

    /// Describes an underlying error without anything it may carry about the request (URLs,
    /// bodies): only its type and code.
    static func safeSummary(of error: any Error) -> String {
        switch error {
        case let apiError as APIError:
            return apiError.description
        case let urlError as URLError:
            return "URLError \(urlError.code.rawValue)"
        case let decodingError as DecodingError:
            return APIError.summary(of: decodingError)
        case let readError as JSONReadError:
            return readError.description
        case is CancellationError:
            return "CancellationError"
        default:
            let nsError = error as NSError
            return "\(type(of: error)) (\(nsError.domain) \(nsError.code))"
        }
    }
}

extension APIError {
    /// The coding path and reason of a decoding error, without the values it read, so it is
    /// safe to log or show.
    public static func summary(of error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(
                separator: ".")
            return joined.isEmpty ? "<root>" : joined
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "type mismatch at \(path(context)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "missing value at \(path(context)): expected \(type)"
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return "missing key \"\(key.stringValue)\" at \(prefix)"
        case .dataCorrupted(let context):
            return "malformed data at \(path(context))"
        @unknown default:
            return "decoding error"
        }
    }
}
