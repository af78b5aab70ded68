import AuthCore
import Foundation
import HTTPTypes
import TestSupport

/// Canary secrets: tests assert they never show up in logs or error descriptions.
enum Canary {
    static let password = "pw-CANARY-&+=|ü 9"
    static let clientSecret = "cs-CANARY-5d41402a"
    static let cookieValue = "ck-CANARY-7e2b"
    static let code = "code-CANARY-0c1d"
    static let accessToken = "at-canary-1f0e7d2c9b8a"
    static let refreshToken = "rt-canary-77aa55cc33ee"
    static let refreshedAccessToken = "at-canary-2b3c4d5e6f70"
}

/// An API client authenticated by a token manager, both over scripted transports.
struct TokenRig {
    let clock: TestClock
    let tokenTransport: MockTransport
    let apiTransport: MockTransport
    let tokenClient: OAuth2TokenClient
    let manager: TokenManager
    let client: APIClient

    static let tokenURL = URL(string: "https://auth.example.test/oauth2/token")!

    init(
        grant makeGrant: (OAuth2TokenClient) -> any TokenGrant = {
            PasswordGrant(client: $0, username: "user@example.test", password: Secret(Canary.password), scope: "read")
        },
        initialToken: OAuth2Token? = nil,
        store: (any TokenStore)? = nil,
        configuration: TokenManager.Configuration = .init(),
        apiTransport: MockTransport = MockTransport(),
        tokenTransport: MockTransport = MockTransport(),
        logger: LogCapture? = nil,
        onChange: (@Sendable (OAuth2Token?) async -> Void)? = nil
    ) throws {
        let clock = TestClock()
        self.clock = clock
        self.tokenTransport = tokenTransport
        self.apiTransport = apiTransport
        self.tokenClient = try OAuth2TokenClient(
            tokenURL: TokenRig.tokenURL, clientID: "client-1", clientSecret: Secret(Canary.clientSecret),
            transport: tokenTransport, timeSource: clock, logger: logger?.logger
        )
        self.manager = TokenManager(
            grant: makeGrant(tokenClient), store: store, initialToken: initialToken, configuration: configuration,
            timeSource: clock, onChange: onChange
        )
        let manager = self.manager
        self.client = try TestHelpers.client(transport: apiTransport, clock: clock) {
            $0.authenticator = BearerTokenAuthenticator(provider: manager)
            $0.logger = logger?.logger
        }
    }

    /// A token that expired an hour before the clock's start.
    static func expiredToken(refresh: Bool = true) -> OAuth2Token {
        OAuth2Token(
            accessToken: Secret("at-old-expired"), refreshToken: refresh ? Secret("rt-old") : nil,
            expiresAt: TestClock.defaultStart.addingTimeInterval(-3600)
        )
    }

    /// A token valid for another hour.
    static func validToken(_ value: String = "at-valid") -> OAuth2Token {
        OAuth2Token(
            accessToken: Secret(value), refreshToken: Secret("rt-valid"),
            expiresAt: TestClock.defaultStart.addingTimeInterval(3600))
    }
}

extension RecordedRequest {
    /// The bearer token the request carried.
    var bearer: String? {
        headers[.authorization].map { $0.replacingOccurrences(of: "Bearer ", with: "") }
    }
}
