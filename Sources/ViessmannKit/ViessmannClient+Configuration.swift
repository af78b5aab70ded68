import AuthCore
import Foundation

extension ViessmannClient {
    /// Everything a ``ViessmannClient`` needs besides its transport and logger.
    ///
    /// The client checks every value when it is created and throws a ``ViessmannError`` naming
    /// the bad one.
    ///
    /// ```swift
    /// var configuration = ViessmannClient.Configuration(clientID: "my-client-id")
    /// configuration.tokens = .file(URL(fileURLWithPath: "/var/lib/myapp/viessmann-tokens.json"))
    /// ```
    public struct Configuration: Sendable {
        /// The IoT API, `https://api.viessmann-climatesolutions.com`.
        public var apiBaseURL: URL
        /// The IAM server, `https://iam.viessmann-climatesolutions.com/idp/v3`; `/authorize` and
        /// `/token` are below it.
        public var iamBaseURL: URL
        /// The client id from the Viessmann developer portal (a public client: there is no secret).
        public var clientID: String
        /// The redirect URI registered for the client; default `http://localhost:4200/`.
        public var redirectURI: String
        /// The scopes to request: `IoT User` and `offline_access` (without it there is no refresh token).
        public var scopes: [String]
        /// Where tokens come from and go to.
        public var tokens: ViessmannTokenSource
        /// How long before expiry a token is refreshed; default 60 s.
        public var refreshSkew: Duration
        /// The longest one attempt may take; default 30 s.
        public var timeout: Duration
        /// How failed requests are retried. Default: not at all (one attempt), as Viessmann's rate
        /// limits count every call and a blocked account stays blocked for up to a day; a 429 comes
        /// back at once with its `Retry-After` for the app to decide.
        public var retryPolicy: APIRetryPolicy
        /// How many requests may be in flight at once; `nil` for no limit.
        public var maxConcurrentRequests: Int?
        /// The clock and sleeper for token expiry; tests inject a virtual one.
        public var timeSource: any TimeSource
        /// The jitter source; tests inject a seeded one.
        public var random: RandomSource

        /// The production API host.
        public static let productionAPI = URL(string: "https://api.viessmann-climatesolutions.com")!
        /// The production IAM server.
        public static let productionIAM = URL(string: "https://iam.viessmann-climatesolutions.com/idp/v3")!
        /// The scopes the API needs: `IoT User` and `offline_access`.
        public static let defaultScopes = ["IoT User", "offline_access"]
        /// One attempt, no retries.
        public static let noRetries = try! APIRetryPolicy(maxAttempts: 1)

        /// Creates a configuration.
        public init(
            clientID: String = "",
            redirectURI: String = "http://localhost:4200/",
            tokens: ViessmannTokenSource = .memory,
            apiBaseURL: URL = Configuration.productionAPI,
            iamBaseURL: URL = Configuration.productionIAM,
            scopes: [String] = Configuration.defaultScopes,
            refreshSkew: Duration = .seconds(60),
            timeout: Duration = .seconds(30),
            retryPolicy: APIRetryPolicy = Configuration.noRetries,
            maxConcurrentRequests: Int? = nil,
            timeSource: any TimeSource = SystemTimeSource(),
            random: RandomSource = .system
        ) {
            self.clientID = clientID
            self.redirectURI = redirectURI
            self.tokens = tokens
            self.apiBaseURL = apiBaseURL
            self.iamBaseURL = iamBaseURL
            self.scopes = scopes
            self.refreshSkew = refreshSkew
            self.timeout = timeout
            self.retryPolicy = retryPolicy
            self.maxConcurrentRequests = maxConcurrentRequests
            self.timeSource = timeSource
            self.random = random
        }

        /// Checks every value.
        func validate() throws {
            for (name, url) in [("apiBaseURL", apiBaseURL), ("iamBaseURL", iamBaseURL)] {
                guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
                    scheme == "https" || (scheme == "http" && Self.isLoopback(host)),
                    url.query == nil, url.user == nil
                else {
                    throw ViessmannError(
                        .invalidConfiguration, "\(name) must be an https URL (http only for loopback), got \(url)")
                }
            }
            guard timeout > .zero, timeout <= .seconds(3600) else {
                throw ViessmannError(
                    .invalidConfiguration, "timeout must be above 0 and at most 1 hour, got \(timeout)")
            }
            guard refreshSkew >= .zero, refreshSkew <= .seconds(3600) else {
                throw ViessmannError(.invalidConfiguration, "refreshSkew must be 0...3600 s, got \(refreshSkew)")
            }
            if let limit = maxConcurrentRequests, limit < 1 {
                throw ViessmannError(.invalidConfiguration, "maxConcurrentRequests must be at least 1, got \(limit)")
            }
            if tokens.needsClientID, clientID.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ViessmannError(.invalidConfiguration, "clientID is empty; get one at developer.viessmann.com")
            }
        }

        static func isLoopback(_ host: String) -> Bool {
            let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
        }
    }
}

/// Where a ``ViessmannClient`` gets its access tokens.
public struct ViessmannTokenSource: Sendable, CustomStringConvertible {
    enum Storage: Sendable {
        case store(any TokenStore, label: String)
        case provider(any AccessTokenProvider)
    }

    let storage: Storage

    /// Tokens kept in memory only (sign in with ``ViessmannClient/beginSignIn()`` each run).
    public static var memory: ViessmannTokenSource { .store(MemoryTokenStore()) }

    /// The token file (`access_token`, `refresh_token`, `expires_at`, …): read on first use, written
    /// atomically with mode 0600 after sign-in and every refresh; members it does not know (a
    /// `client_id`) are kept. A file that exists but is damaged is an error, never silently empty.
    public static func file(_ url: URL) -> ViessmannTokenSource {
        ViessmannTokenSource(storage: .store(FileTokenStore(url: url), label: "file"))
    }

    /// Any AuthCore token store (a keychain, the host's config entry).
    public static func store(_ store: any TokenStore) -> ViessmannTokenSource {
        ViessmannTokenSource(storage: .store(store, label: "store"))
    }

    /// The host app manages tokens itself and hands out valid ones (the "abstract auth" pattern).
    /// Sign-in through the client is then not available.
    public static func provider(_ provider: any AccessTokenProvider) -> ViessmannTokenSource {
        ViessmannTokenSource(storage: .provider(provider))
    }

    var needsClientID: Bool {
        if case .store = storage { return true }
        return false
    }

    /// `file`, `store` or `provider`; never a token.
    public var description: String {
        switch storage {
        case .store(_, let label): return label
        case .provider: return "provider"
        }
    }
}
