import Foundation

/// The body of a request: bytes that can be sent any number of times, or a stream that can be
/// read only once.
///
/// The retry middleware never replays a single-use body: a request whose body is a stream is
/// attempted exactly once, whatever the retry policy says.
public struct APIRequestBody: Sendable {
    /// Whether a body can be sent more than once.
    public enum IterationBehavior: Sendable, Equatable {
        /// The body can be read only once (a stream).
        case single
        /// The body can be replayed (bytes in memory).
        case multiple
    }

    private enum Storage: Sendable {
        case bytes(Data)
        case stream(AsyncThrowingStream<Data, any Error>)
    }

    private let storage: Storage
    /// The `Content-Type` the body should be sent with, if the caller did not set one.
    public var contentType: String?

    /// A replayable body of bytes.
    public init(data: Data, contentType: String? = nil) {
        self.storage = .bytes(data)
        self.contentType = contentType
    }

    /// A single-use body read from a stream of chunks.
    public init(stream: AsyncThrowingStream<Data, any Error>, contentType: String? = nil) {
        self.storage = .stream(stream)
        self.contentType = contentType
    }

    /// A JSON body encoded from `value`.
    public static func json<T: Encodable>(_ value: T, encoder: JSONEncoder = JSONEncoder()) throws -> APIRequestBody {
        APIRequestBody(data: try encoder.encode(value), contentType: "application/json")
    }

    /// A form body (`application/x-www-form-urlencoded`) from ordered pairs.
    public static func form(_ pairs: [(String, String)]) -> APIRequestBody {
        APIRequestBody(data: Data(FormEncoding.encode(pairs).utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// Whether the body may be sent again.
    public var iterationBehavior: IterationBehavior {
        switch storage {
        case .bytes: return .multiple
        case .stream: return .single
        }
    }

    /// The bytes, when the body is replayable; `nil` for a stream.
    public var replayableData: Data? {
        if case .bytes(let data) = storage { return data }
        return nil
    }

    /// Reads the whole body, refusing more than `limit` bytes.
    ///
    /// - Throws: ``APIError`` of kind `invalidConfiguration` when the stream is larger than `limit`,
    ///   or the stream's own error.
    public func collect(upTo limit: Int = 64 * 1024 * 1024) async throws -> Data {
        switch storage {
        case .bytes(let data):
            return data
        case .stream(let stream):
            var collected = Data()
            for try await chunk in stream {
                collected.append(chunk)
                if collected.count > limit {
                    throw APIError(kind: .invalidConfiguration, message: "request body exceeds \(limit) bytes")
                }
            }
            return collected
        }
    }
}
