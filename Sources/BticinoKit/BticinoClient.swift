import AuthCore
import Foundation
import HTTPTypes
import Logging
import Synchronization

/// A BTicino Classe 100X/300X client on the Netatmo cloud: the Swift counterpart of pybticino's
/// `AuthHandler`, `AsyncAccount`, `WebsocketClient` and `SignalingClient`, on AuthCore.
///
/// - Auth: the password grant against `/oauth2/token` through AuthCore's `TokenManager`: lazy,
///   single-flight, refreshed 60 s before expiry, a new login only when the refresh is refused.
/// - REST: ``topology(deviceTypes:)``, ``homeStatus(homeID:deviceTypes:)``, ``homeState(homeID:)``,
///   ``setState(homeID:moduleID:state:timezone:bridgeID:)``, ``openDoor(homeID:moduleID:)``,
///   ``setLight(homeID:moduleID:on:)``, ``events(homeID:size:)``, ``turnServers()`` and module configuration.
/// - Push: ``pushEvents()`` delivers typed events from the push websocket, reconnecting on its own.
/// - Signaling: ``signaling()`` opens the WebRTC signaling channel.
///
/// A call throws an AuthCore `APIError` for everything that crossed HTTP (with
/// ``BticinoServiceError`` as its `vendorError`), or a ``BticinoError`` for what BticinoKit refused itself.
public struct BticinoClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// The settings the client was created with.
    public let configuration: Configuration
    /// Where the client logs; `nil` logs nothing.
    public let logger: Logger?
    /// The REST pipeline, built once.
    let api: APIClient
    /// The TURN pipeline (another host), built once.
    let turnAPI: APIClient
    /// Owns the tokens.
    let tokens: TokenManager
    /// The last topology loaded, for home and bridge lookups.
    let cache: BticinoTopologyCache

    /// Creates a client. Nothing is sent until the first call.
    ///
    /// - Throws: ``BticinoError`` with code `invalidConfiguration` naming the bad value (the default
    ///   configuration has no client secret, so `BticinoClient()` throws until you give one).
    public init(
        configuration: Configuration = Configuration(), transport: any HTTPTransport = URLSessionTransport.shared,
        logger: Logger? = nil
    ) throws {
        try configuration.validate()
        var tokenHeaders = HTTPFields()
        tokenHeaders[.accept] = "application/json"
        let tokenURL = configuration.baseURL.appending(path: "oauth2/token")
        let tokenClient: OAuth2TokenClient
        do {
            tokenClient = try OAuth2TokenClient(
                tokenURL: tokenURL, clientID: configuration.clientID, clientSecret: configuration.clientSecret,
                transport: transport, headers: tokenHeaders, responseDecoder: BticinoTokenResponse.decoder,
                timeSource: configuration.timeSource, logger: logger, timeout: configuration.tokenTimeout,
                errorDecoder: BticinoErrorEnvelope.netatmo)
        } catch {
            throw BticinoError(.invalidConfiguration, "the token URL cannot be used")
        }
        let grant = BticinoPasswordGrant(
            client: tokenClient, credentials: configuration.credentials, scope: configuration.scope,
            appVersion: configuration.appVersion)
        let tokens = TokenManager(
            grant: grant, store: configuration.tokenStore,
            configuration: TokenManager.Configuration(refreshSkew: configuration.refreshSkew, logger: logger),
            timeSource: configuration.timeSource, onChange: configuration.onTokenChange)
        var headers = HTTPFields()
        headers[.userAgent] = Self.userAgentHeader(for: configuration)
        headers[.accept] = "application/json"
        func pipeline(_ base: URL, _ timeout: Duration) -> APIClient.Configuration {
            APIClient.Configuration(
                baseURL: base, defaultHeaders: headers, authenticator: BticinoAuthenticator(provider: tokens),
                logger: logger, timeSource: configuration.timeSource, random: configuration.random, timeout: timeout,
                errorDecoder: BticinoErrorEnvelope.netatmo)
        }
        do {
            self.api = try APIClient(
                configuration: pipeline(configuration.baseURL, configuration.timeout), transport: transport)
            self.turnAPI = try APIClient(
                configuration: pipeline(configuration.turnURL, configuration.turnTimeout), transport: transport)
        } catch {
            throw BticinoError(.invalidConfiguration, "the base URL or TURN URL cannot be used")
        }
        self.configuration = configuration
        self.logger = logger
        self.tokens = tokens
        self.cache = BticinoTopologyCache()
    }

    /// `BticinoClient(baseURL: '<url>')`; never shows credentials or tokens.
    public var description: String { "BticinoClient(baseURL: '\(configuration.baseURL.absoluteString)')" }

    /// The hosts and the username; never the password, client secret or tokens.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": configuration.baseURL.absoluteString, "pushURL": configuration.pushURL.absoluteString,
                "username": configuration.credentials?.username as Any, "clientID": configuration.clientID,
            ],
            displayStyle: .struct)
    }

    /// Sends one endpoint; a ``BticinoError`` raised while reading an answer is handed on as it is.
    func send<Response>(_ endpoint: Endpoint<Response>, through client: APIClient? = nil) async throws -> Response {
        do {
            return try await (client ?? api).send(endpoint)
        } catch let error as APIError {
            if let own = Self.ownError(in: error) { throw own }
            throw error
        }
    }

    /// The ``BticinoError`` underneath an `APIError`, if any.
    static func ownError(in error: APIError) -> BticinoError? {
        var current: (any Error)? = error.underlying
        for _ in 0..<8 {
            if let own = current as? BticinoError { return own }
            guard let api = current as? APIError else { return nil }
            current = api.underlying
        }
        return nil
    }
}

/// The last topology loaded, shared by copies of a client.
final class BticinoTopologyCache: Sendable {
    private let state = Mutex<BticinoTopology?>(nil)

    var topology: BticinoTopology? { state.withLock { $0 } }

    /// Stores `topology`; an answer without homes does not wipe homes already known (Netatmo
    /// sometimes answers an empty topology for a moment).
    func store(_ topology: BticinoTopology) {
        state.withLock { current in
            if topology.homes.isEmpty, let known = current, !known.homes.isEmpty { return }
            current = topology
        }
    }
}
