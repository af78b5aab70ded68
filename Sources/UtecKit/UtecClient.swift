import AuthCore
import Foundation
import HTTPTypes
import Logging

/// A U-Tec U-Home OpenAPI client: discovery, queries and commands for locks, switches and
/// lights, the signed-in user, and notification (webhook) registration, over the single
/// `/action` endpoint.
///
/// Every request is one ``UtecActionRequest`` sent through AuthCore's pipeline, built once per
/// client: redacted logging, a concurrency limit, retry of reads, bearer authentication with one
/// refresh and retry when U-Tec refuses the token (HTTP 401 or `INVALID_TOKEN` inside an HTTP
/// 200), and error mapping that reads `payload.error` from any answer.
///
/// ```swift
/// let client = try UtecClient(configuration: .init(authorization: .tokens(tokenManager)))
/// let found = try await client.discoverDevices()
/// ```
///
/// ## Coming from utec-py
/// `discover_devices` → ``discoverDevices()``; `query_device` / `get_device_state` →
/// ``state(of:)`` / ``query(_:)`` (one batched call, `customData` echoed); `send_command` →
/// ``send(_:to:)-(_,UtecDevice)`` or ``sendAndConfirm(_:to:)``; `set_push_status` →
/// ``registerWebhook(url:secret:)``; `validate_auth` → ``validateAuthentication()`` (also `false`
/// for `INVALID_TOKEN` inside HTTP 200); `BaseDevice.update` → ``refresh(_:)``;
/// `update_state_data` → ``UtecDevice/applying(_:)`` and ``UtecNotification/apply(to:)`` (merging);
/// lock/switch/light calls → ``lock(_:)``, ``unlock(_:)``, ``turnOn(_:)``, ``turnOff(_:)``,
/// ``setBrightness(_:to:)``, ``setColorTemperature(_:kelvin:)``, ``setColor(_:to:)``,
/// ``turnOn(_:brightness:colorTemperature:color:)``; `AbstractAuth.make_authenticated_request`
/// → ``perform(_:headers:)``; `UtecOAuth2` → ``UtecOAuth``.
///
/// ## Errors
/// A call throws an AuthCore `APIError` for everything that crossed the network (with
/// ``UtecServiceError`` as its `vendorError` when U-Tec sent one), or a ``UtecError`` for what
/// UtecKit refused or found itself (a bad argument, a device's own error).
public struct UtecClient: Sendable, CustomStringConvertible {
    /// The settings the client was created with.
    public let configuration: Configuration
    /// Where the client logs; `nil` logs nothing.
    public let logger: Logger?
    /// The pipeline every request goes through.
    let api: APIClient

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, token source, time-outs and options.
    ///   - transport: How requests reach the network; one shared `URLSession` by default.
    ///   - logger: Where to log (debug level, redacted); `nil` logs nothing.
    /// - Throws: ``UtecError`` naming the bad value (`invalidURL`, `invalidTimeout`, `invalidConfiguration`).
    public init(
        configuration: Configuration = Configuration(),
        transport: any HTTPTransport = URLSessionTransport.shared,
        logger: Logger? = nil
    ) throws {
        try configuration.validate()
        var headers = HTTPFields()
        headers[.accept] = "application/json"
        headers[.userAgent] = Self.userAgent
        let pipeline = APIClient.Configuration(
            baseURL: configuration.baseURL,
            defaultHeaders: headers,
            retryPolicy: configuration.retryPolicy,
            concurrencyLimiter: configuration.maxConcurrentRequests.map { ConcurrencyLimiter(limit: $0) },
            authenticator: configuration.authorization.provider.map { UtecAuthenticator(provider: $0) },
            logger: logger,
            timeSource: configuration.timeSource,
            random: configuration.random,
            timeout: configuration.timeout,
            errorDecoder: UtecErrorEnvelope.action
        )
        do {
            self.api = try APIClient(configuration: pipeline, transport: transport)
        } catch let error as APIError {
            throw UtecError(.invalidURL, error.message)
        }
        self.configuration = configuration
        self.logger = logger
    }

    /// `UtecClient(baseURL: '<url>', timeout: <duration>)`; never a token.
    public var description: String {
        "UtecClient(baseURL: '\(configuration.baseURL.absoluteString)', timeout: \(configuration.timeout))"
    }

    /// Sends one endpoint. A ``UtecError`` thrown while reading an accepted answer is handed on
    /// as it is, so callers see one error type per cause.
    func send<Response>(_ endpoint: Endpoint<Response>) async throws -> Response {
        do {
            return try await api.send(endpoint)
        } catch let error as APIError {
            if let own = error.underlying as? UtecError { throw own }
            throw error
        }
    }

    /// A request for `operation` with a fresh message id.
    func request(_ operation: UtecOperation, payload: JSONValue = [:]) -> UtecActionRequest {
        UtecActionRequest(operation: operation, payload: payload, messageID: configuration.messageIDs())
    }

    /// A reference to `device`, with its custom data when the configuration echoes it.
    func reference(_ device: UtecDevice) -> UtecDeviceReference {
        UtecDeviceReference(id: device.id, customData: configuration.echoesCustomData ? device.customData : nil)
    }
}

extension UtecClient: CustomReflectable {
    /// The base URL and settings; never the pipeline, its authenticator or tokens.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": configuration.baseURL.absoluteString,
                "authorization": configuration.authorization.description,
                "timeout": "\(configuration.timeout)",
                "maxConcurrentRequests": configuration.maxConcurrentRequests as Any,
            ],
            displayStyle: .struct
        )
    }
}
