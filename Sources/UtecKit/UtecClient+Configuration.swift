import AuthCore
import Foundation

extension UtecClient {
    /// Everything a ``UtecClient`` needs besides its transport and logger.
    ///
    /// ```swift
    /// var configuration = UtecClient.Configuration(authorization: .tokens(tokenManager))
    /// configuration.timeout = .seconds(20)
    /// ```
    public struct Configuration: Sendable {
        /// `https://api.u-tec.com/`; requests go to `<baseURL>action`.
        public static let defaultBaseURL = URL(string: "https://api.u-tec.com/")!
        /// The longest ``timeout`` accepted: one day.
        public static let maximumTimeout: Duration = .seconds(86_400)

        /// The API root; the action endpoint is `action` below it. Must be `https` (or `http` to loopback).
        public var baseURL: URL
        /// Where access tokens come from.
        public var authorization: UtecAuthorization
        /// The longest one attempt may take. Default 30 s.
        public var timeout: Duration
        /// How failed reads (discovery, query, user) are retried; commands and configuration
        /// changes are never repeated on an error status.
        public var retryPolicy: APIRetryPolicy
        /// How many requests may be in flight at once; `nil` for no limit.
        public var maxConcurrentRequests: Int?
        /// The most devices one query names; larger batches are split. `nil` sends all in one call.
        public var maximumDevicesPerQuery: Int?
        /// The longest wait between a command's acknowledgement and the query that confirms it.
        /// U-Tec asks for up to 20 s for locks. Default 30 s.
        public var maximumConfirmationDelay: Duration
        /// Whether a device's `customData` from discovery is sent back with its queries and commands
        /// (U-Tec's documented rule). Default `true`.
        public var echoesCustomData: Bool
        /// The clock and sleeper (backoff, confirmation waits); tests inject a virtual one.
        public var timeSource: any TimeSource
        /// The jitter source; tests inject a seeded one.
        public var random: RandomSource
        /// Makes each request's `messageId`; a fresh lower-case UUID v4 by default.
        public var messageIDs: @Sendable () -> String

        /// Creates a configuration.
        public init(
            baseURL: URL = Configuration.defaultBaseURL,
            authorization: UtecAuthorization = .none,
            timeout: Duration = .seconds(30),
            retryPolicy: APIRetryPolicy = .default,
            maxConcurrentRequests: Int? = nil,
            maximumDevicesPerQuery: Int? = nil,
            maximumConfirmationDelay: Duration = .seconds(30),
            echoesCustomData: Bool = true,
            timeSource: any TimeSource = SystemTimeSource(),
            random: RandomSource = .system,
            messageIDs: @escaping @Sendable () -> String = UtecActionHeader.randomMessageID
        ) {
            self.baseURL = baseURL
            self.authorization = authorization
            self.timeout = timeout
            self.retryPolicy = retryPolicy
            self.maxConcurrentRequests = maxConcurrentRequests
            self.maximumDevicesPerQuery = maximumDevicesPerQuery
            self.maximumConfirmationDelay = maximumConfirmationDelay
            self.echoesCustomData = echoesCustomData
            self.timeSource = timeSource
            self.random = random
            self.messageIDs = messageIDs
        }

        /// Checks every value.
        func validate() throws {
            try UtecClient.checkURL(baseURL, name: "baseURL")
            guard timeout > .zero, timeout <= Configuration.maximumTimeout else {
                throw UtecError(.invalidTimeout, "timeout must be above 0 and at most one day, got \(timeout)")
            }
            guard maximumConfirmationDelay >= .zero, maximumConfirmationDelay <= Configuration.maximumTimeout else {
                throw UtecError(
                    .invalidTimeout, "maximumConfirmationDelay must be 0...one day, got \(maximumConfirmationDelay)")
            }
            if let limit = maxConcurrentRequests, limit < 1 {
                throw UtecError(.invalidConfiguration, "maxConcurrentRequests must be at least 1, got \(limit)")
            }
            if let limit = maximumDevicesPerQuery, limit < 1 {
                throw UtecError(.invalidConfiguration, "maximumDevicesPerQuery must be at least 1, got \(limit)")
            }
        }
    }

    /// Refuses URLs that are not `https` (plain `http` only to a loopback host), or that carry
    /// user info, a query or a fragment.
    static func checkURL(_ url: URL, name: String) throws {
        let scheme = url.scheme?.lowercased()
        let host = url.host?.lowercased() ?? ""
        let loopback = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw UtecError(.invalidURL, "\(name) must be https (http only to loopback), got '\(url.scheme ?? "")'")
        }
        guard !host.isEmpty, url.user == nil, url.password == nil, url.query == nil, url.fragment == nil else {
            throw UtecError(.invalidURL, "\(name) must have a host and no user info, query or fragment")
        }
    }
}
