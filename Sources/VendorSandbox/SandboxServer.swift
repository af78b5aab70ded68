import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A loopback server that behaves like the vendor clouds: Flowerhub's portal, Business Central's
/// API and the Entra ID token endpoint it needs, built from the same `Fixtures/` the unit tests
/// use, with faults on demand and every request recorded.
///
/// ```swift
/// let sandbox = try await VendorSandbox.start()
/// var configuration = FlowerhubClient.Configuration()
/// configuration.baseURL = sandbox.flowerhubBaseURL
/// // … exercise the client, inject faults, check sandbox.requests(for:) …
/// await sandbox.stop()
/// ```
///
/// Each vendor lives under its own path on one port (``flowerhubBaseURL``,
/// ``businessCentralBaseURL``, ``entraAuthorityURL``). Faults are set with ``faults`` or
/// `POST /_sandbox/faults`; ``requests(for:)`` and ``assertNoSecret(_:in:on:label:)`` check what clients
/// sent. Expiry runs on ``clock``, which a test moves forward instead of waiting.
///
/// Start as many as you like (each on its own ephemeral port); ``stop()`` closes the port and
/// ends every task the sandbox started.
public final class VendorSandbox: Sendable {
    /// The settings the sandbox started with.
    public let configuration: Configuration
    /// The port the sandbox listens on.
    public let port: Int
    /// `http://<host>:<port>`.
    public let baseURL: URL
    /// The clock cookies and tokens expire on.
    public let clock: SandboxClock
    /// The faults waiting for requests.
    public let faults: SandboxFaults
    /// Flowerhub's account, sessions and asset status.
    public let flowerhub: SandboxFlowerhub
    /// Entra ID's registered application and issued tokens.
    public let entra: SandboxEntra
    /// Business Central's company and records.
    public let businessCentral: SandboxBusinessCentral
    /// The Netatmo cloud's BTicino account, modules and push sockets.
    public let bticino: SandboxBticino
    /// Viessmann's client, tokens and device features.
    public let viessmann: SandboxViessmann
    /// U-Tec's OAuth client, tokens, devices and webhook.
    public let utec: SandboxUtec

    let recorder: SandboxRecorder
    private let resetAll: @Sendable () -> Void
    private let server: Mutex<Task<Void, any Error>?>
    private let services: ServiceGroup

    private init(
        configuration: Configuration, port: Int, baseURL: URL, clock: SandboxClock, faults: SandboxFaults,
        recorder: SandboxRecorder, flowerhub: SandboxFlowerhub, entra: SandboxEntra,
        businessCentral: SandboxBusinessCentral, bticino: SandboxBticino, viessmann: SandboxViessmann,
        utec: SandboxUtec, resetAll: @escaping @Sendable () -> Void,
        server: Task<Void, any Error>, services: ServiceGroup
    ) {
        self.configuration = configuration
        self.port = port
        self.baseURL = baseURL
        self.clock = clock
        self.faults = faults
        self.recorder = recorder
        self.flowerhub = flowerhub
        self.entra = entra
        self.businessCentral = businessCentral
        self.bticino = bticino
        self.viessmann = viessmann
        self.utec = utec
        self.resetAll = resetAll
        self.server = Mutex(server)
        self.services = services
    }

    deinit {
        server.withLock { $0?.cancel() }
    }

    /// Starts a sandbox listening on `configuration.host` and `port` (0 picks a free port).
    ///
    /// - Parameters:
    ///   - port: The port; 0 (the default) asks the system for a free one.
    ///   - configuration: Accounts, lifetimes, data set size and the other settings.
    ///   - logger: Where the HTTP server logs; `nil` logs nothing.
    /// - Throws: The server's error when it cannot listen (the port is taken, the host is not local).
    public static func start(
        port: Int = 0, configuration: Configuration = Configuration(), logger: Logger? = nil
    ) async throws -> VendorSandbox {
        let clock = SandboxClock()
        let faults = SandboxFaults()
        let recorder = SandboxRecorder()
        let flowerhub = SandboxFlowerhub(settings: configuration.flowerhub, clock: clock)
        let entra = SandboxEntra(settings: configuration.entra, clock: clock)
        let businessCentral = SandboxBusinessCentral(settings: configuration.businessCentral)
        let bticino = SandboxBticino(settings: configuration.bticino, clock: clock)
        let viessmann = SandboxViessmann(settings: configuration.viessmann, clock: clock)
        let utec = SandboxUtec(settings: configuration.utec, clock: clock)
        // Every vendor the sandbox emulates: a new kit adds its module here.
        let modules: [any SandboxVendorModule] = [
            FlowerhubRoutes(state: flowerhub),
            EntraRoutes(state: entra, clock: clock),
            BusinessCentralRoutes(state: businessCentral, entra: entra, clock: clock),
            BticinoRoutes(state: bticino),
            ViessmannRoutes(state: viessmann),
            UtecRoutes(state: utec, clock: clock),
        ]
        let bound = Mutex<String>("http://\(configuration.host):\(port)")
        let resetAll: @Sendable () -> Void = {
            faults.clear()
            recorder.clear()
            clock.reset()
            for module in modules { module.reset() }
        }
        let control = SandboxControl(
            faults: faults, recorder: recorder, clock: clock,
            index: { SandboxControl.describe(origin: bound.withLock { $0 }, configuration: configuration) },
            resetAll: resetAll)
        let responder = SandboxResponder(
            router: SandboxRouter(modules: modules), faults: faults, recorder: recorder, clock: clock,
            control: control, maximumBodySize: configuration.maximumRequestBodySize,
            fallbackOrigin: { bound.withLock { $0 } })
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            responder: responder,
            // HTTP/1.1; BTicino's push socket upgrades on its own path, every other request is plain HTTP.
            server: .http1WebSocketUpgrade { request, channel, _ in
                guard request.path?.hasPrefix(BticinoPushServer.path) == true else { return .dontUpgrade }
                return .upgrade([:], BticinoPushServer.handler(state: bticino, channel: channel))
            },
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? port)
                continuation.finish()
            },
            logger: logger ?? Logger(label: "VendorSandbox", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        // The server runs in a service group of its own so that `stop()` can shut it down
        // gracefully: the listening socket closes first and every connection already accepted is
        // served or closed before the server's tasks end. (Cancelling a Hummingbird server
        // outright can drop a connection accepted at that moment, which SwiftNIO traps on.)
        var groupConfiguration = ServiceGroupConfiguration(services: [application], logger: application.logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownGracePeriod
        let services = ServiceGroup(configuration: groupConfiguration)
        let server = Task {
            defer { continuation.finish() }
            try await services.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let actual = await iterator.next() else {
            // The server ended before listening: its error says why.
            try await server.value
            throw SandboxStartError(message: "the sandbox server stopped before it listened")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let origin = "http://\(host):\(actual)"
        guard let baseURL = URL(string: origin) else {
            server.cancel()
            _ = await server.result
            throw SandboxStartError(message: "the host \(configuration.host) does not form a URL")
        }
        bound.withLock { $0 = origin }
        return VendorSandbox(
            configuration: configuration, port: actual, baseURL: baseURL, clock: clock, faults: faults,
            recorder: recorder, flowerhub: flowerhub, entra: entra, businessCentral: businessCentral,
            bticino: bticino, viessmann: viessmann, utec: utec, resetAll: resetAll, server: server,
            services: services)
    }

    /// Stops the server: the port is closed, requests in progress are answered (a connection a
    /// fault holds open is cut after `Configuration.shutdownGracePeriod`), and every task the
    /// sandbox started has ended when this returns. Calling it again does nothing.
    public func stop() async {
        guard
            let task = server.withLock({ task -> Task<Void, any Error>? in
                defer { task = nil }
                return task
            })
        else { return }
        await services.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Clears faults and the recording, puts the clock back to real time and every vendor's state
    /// back to how it started (sessions, tokens and changed records are forgotten).
    public func reset() {
        resetAll()
    }

    /// Flowerhub's base URL: `FlowerhubClient.Configuration.baseURL`.
    public var flowerhubBaseURL: URL { baseURL.appendingPathComponent("flowerhub") }

    /// BTicino's REST and OAuth base URL: `BticinoClient.Configuration.baseURL`.
    public var bticinoBaseURL: URL { baseURL.appendingPathComponent("bticino") }

    /// BTicino's TURN endpoint: `BticinoClient.Configuration.turnURL`.
    public var bticinoTurnURL: URL { bticinoBaseURL.appendingPathComponent("api/getcredentials") }

    /// BTicino's push websocket: `BticinoClient.Configuration.pushURL`.
    public var bticinoPushURL: URL {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
        components?.scheme = "ws"
        components?.path = BticinoPushServer.path + "/"
        return components?.url ?? baseURL
    }

    /// Viessmann's API base: `ViessmannClient.Configuration.apiBaseURL`.
    public var viessmannAPIURL: URL { baseURL.appendingPathComponent("viessmann/api") }

    /// Viessmann's IAM base: `ViessmannClient.Configuration.iamBaseURL`.
    public var viessmannIAMURL: URL { baseURL.appendingPathComponent("viessmann/iam") }

    /// Entra ID's authority host: `EntraClientCredentials(…, authorityHost:)`.
    public var entraAuthorityURL: URL { baseURL.appendingPathComponent("entra") }

    /// Entra ID's token endpoint for the configured tenant.
    public var entraTokenURL: URL {
        entraAuthorityURL.appendingPathComponent(entra.settings.tenantId).appendingPathComponent("oauth2/v2.0/token")
    }

    /// Business Central's environment root (`…/v2.0/{tenant}/{environment}/`).
    public var businessCentralEnvironmentURL: URL {
        baseURL.appendingPathComponent("bc/v2.0").appendingPathComponent(entra.settings.tenantId)
            .appendingPathComponent(businessCentral.settings.environment, isDirectory: true)
    }

    /// Business Central's API root (`…/api/v2.0/`): `OdynClient.Configuration.baseURL`.
    public var businessCentralBaseURL: URL {
        businessCentralEnvironmentURL.appendingPathComponent("api/v2.0", isDirectory: true)
    }

    /// U-Tec's API root: `UtecClient.Configuration.baseURL` (the action endpoint is `action` below it).
    public var utecBaseURL: URL { baseURL.appendingPathComponent("utec/", isDirectory: true) }

    /// U-Tec's authorization endpoint: `UtecOAuth(…, authorizeURL:)`.
    public var utecAuthorizeURL: URL { baseURL.appendingPathComponent("utec/oauth/authorize") }

    /// U-Tec's token endpoint: `UtecOAuth(…, tokenURL:)`.
    public var utecTokenURL: URL { baseURL.appendingPathComponent("utec/oauth/token") }

    /// Every request received since the start (or the last reset) to `route`, in order.
    public func requests(for route: SandboxRoute = .any) -> [SandboxRecordedRequest] {
        recorder.requests(for: route)
    }

    /// How many requests `route` received.
    public func requestCount(for route: SandboxRoute = .any) -> Int {
        recorder.requests(for: route).count
    }

    /// Forgets the recorded requests (faults and state stay).
    public func clearRecording() {
        recorder.clear()
    }
}

/// The sandbox could not start.
public struct SandboxStartError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// `SandboxStartError: <message>`.
    public var description: String { "SandboxStartError: \(message)" }
}
