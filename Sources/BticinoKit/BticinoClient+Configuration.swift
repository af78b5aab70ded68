import AuthCore
import Foundation

extension BticinoClient {
    /// Everything a ``BticinoClient`` needs besides its transport and logger.
    ///
    /// The client id, client secret, scope and app version are configuration: BticinoKit ships no
    /// client secret. The values are those of the Netatmo "Home + Security" app the account is
    /// registered with; see the README for where users get them. The client checks every value
    /// when it is created and throws a ``BticinoError`` with code `invalidConfiguration` naming the bad one.
    public struct Configuration: Sendable {
        /// The REST and OAuth host, `https://app.netatmo.net`.
        public var baseURL: URL
        /// The TURN credentials endpoint, `https://app-turn.netatmo.net/api/getcredentials`.
        public var turnURL: URL
        /// The push websocket, `wss://app-ws.netatmo.net/ws/`.
        public var pushURL: URL
        /// The WebRTC signaling websocket, `wss://app-ws.netatmo.net/appws/`.
        public var signalingURL: URL
        /// The account to log in with; `nil` when tokens are restored only (see ``BticinoClient/restore(_:)``).
        public var credentials: BticinoCredentials?
        /// The OAuth client id; default `na_client_android_welcome`.
        public var clientID: String
        /// The OAuth client secret (required: an empty one is refused when the client is created;
        /// never shipped with the kit).
        public var clientSecret: Secret
        /// The OAuth scope; default `security_scopes`.
        public var scope: String
        /// The app version sent in the login form, every REST body and the push subscription; default `4.1.1.3`.
        public var appVersion: String
        /// The app build number, part of the `User-Agent`; default `4401103`.
        public var buildNumber: String
        /// The Android version, part of the `User-Agent`; default `13`.
        public var androidVersion: String
        /// The device description, part of the `User-Agent`; default `Google/sdk_gphone64_arm64`.
        public var deviceInfo: String
        /// Whether REST calls add this kit's and AuthCore's versions after the app's `User-Agent`
        /// (`… BticinoKit/1.0.0 AuthCore/1.0.0`), so a support request can name the release. `false`
        /// sends the app's template alone.
        public var sendsKitVersion: Bool = true
        /// The platform named in the push subscription; default `Android`.
        public var platform: String
        /// Where tokens are loaded from and saved to; `nil` keeps them in memory.
        public var tokenStore: (any TokenStore)?
        /// Called after every token change (login, refresh, sign-out with `nil`).
        public var onTokenChange: (@Sendable (OAuth2Token?) async -> Void)?
        /// How long before expiry a token is refreshed; default 60 s.
        public var refreshSkew: Duration
        /// The longest a REST attempt may take; default 30 s.
        public var timeout: Duration
        /// The longest a token request may take; default 10 s.
        public var tokenTimeout: Duration
        /// The longest the TURN request may take; default 15 s.
        public var turnTimeout: Duration
        /// The push client's settings.
        public var push: BticinoPushSettings
        /// The signaling client's settings.
        public var signaling: BticinoSignalingSettings
        /// The clock and sleeper for token expiry, backoff and time-outs; tests inject a virtual one.
        public var timeSource: any TimeSource
        /// The jitter source; tests inject a seeded one.
        public var random: RandomSource

        /// The default REST and OAuth host.
        public static let defaultBaseURL = URL(string: "https://app.netatmo.net")!
        /// The default TURN credentials endpoint.
        public static let defaultTurnURL = URL(string: "https://app-turn.netatmo.net/api/getcredentials")!
        /// The default push websocket.
        public static let defaultPushURL = URL(string: "wss://app-ws.netatmo.net/ws/")!
        /// The default signaling websocket.
        public static let defaultSignalingURL = URL(string: "wss://app-ws.netatmo.net/appws/")!

        /// Creates a configuration. Give at least the client secret (and credentials, unless tokens are restored).
        public init(
            credentials: BticinoCredentials? = nil,
            clientID: String = "na_client_android_welcome",
            clientSecret: Secret = Secret(""),
            scope: String = "security_scopes",
            appVersion: String = "4.1.1.3",
            baseURL: URL = Configuration.defaultBaseURL,
            turnURL: URL = Configuration.defaultTurnURL,
            pushURL: URL = Configuration.defaultPushURL,
            signalingURL: URL = Configuration.defaultSignalingURL,
            tokenStore: (any TokenStore)? = nil,
            timeSource: any TimeSource = SystemTimeSource(),
            random: RandomSource = .system
        ) {
            self.credentials = credentials
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.scope = scope
            self.appVersion = appVersion
            self.baseURL = baseURL
            self.turnURL = turnURL
            self.pushURL = pushURL
            self.signalingURL = signalingURL
            self.buildNumber = "4401103"
            self.androidVersion = "13"
            self.deviceInfo = "Google/sdk_gphone64_arm64"
            self.platform = "Android"
            self.tokenStore = tokenStore
            self.onTokenChange = nil
            self.refreshSkew = .seconds(60)
            self.timeout = .seconds(30)
            self.tokenTimeout = .seconds(10)
            self.turnTimeout = .seconds(15)
            self.push = BticinoPushSettings()
            self.signaling = BticinoSignalingSettings()
            self.timeSource = timeSource
            self.random = random
        }

        /// Checks every value.
        func validate() throws {
            try Self.checkHTTPS(baseURL, "baseURL")
            try Self.checkHTTPS(turnURL, "turnURL")
            try Self.checkWebSocket(pushURL, "pushURL")
            try Self.checkWebSocket(signalingURL, "signalingURL")
            for (name, value) in [
                ("clientID", clientID), ("scope", scope), ("appVersion", appVersion), ("platform", platform),
            ] where value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw BticinoError(.invalidConfiguration, "\(name) must not be empty")
            }
            guard !clientSecret.isEmpty else {
                throw BticinoError(.invalidConfiguration, "clientSecret must not be empty")
            }
            for (name, value) in [
                ("timeout", timeout), ("tokenTimeout", tokenTimeout), ("turnTimeout", turnTimeout),
                ("push.subscribeTimeout", push.subscribeTimeout), ("signaling.ackTimeout", signaling.ackTimeout),
            ] where value <= .zero || value > .seconds(86_400) {
                throw BticinoError(.invalidConfiguration, "\(name) must be above 0 and at most one day, got \(value)")
            }
            guard refreshSkew >= .zero else {
                throw BticinoError(.invalidConfiguration, "refreshSkew must not be negative")
            }
            try push.validate()
        }

        static func isLoopback(_ host: String?) -> Bool {
            guard let host = host?.lowercased() else { return false }
            return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        }

        private static func checkHTTPS(_ url: URL, _ name: String) throws {
            let scheme = url.scheme?.lowercased()
            guard url.host?.isEmpty == false,
                scheme == "https" || (scheme == "http" && isLoopback(url.host))
            else {
                throw BticinoError(
                    .invalidConfiguration, "\(name) must be an https URL (http only to a loopback host)")
            }
        }

        private static func checkWebSocket(_ url: URL, _ name: String) throws {
            let scheme = url.scheme?.lowercased()
            guard url.host?.isEmpty == false,
                scheme == "wss" || (scheme == "ws" && isLoopback(url.host))
            else {
                throw BticinoError(.invalidConfiguration, "\(name) must be a wss URL (ws only to a loopback host)")
            }
        }
    }
}
