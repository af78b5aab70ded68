import Foundation
import Synchronization

/// The emulated Netatmo cloud for BTicino intercoms: one account, its tokens, one home with a
/// bridge, an external unit, a door lock that relocks itself and a staircase light, and the
/// push websocket connections.
///
/// ```swift
/// sandbox.bticino.ring()                          // an incoming call on every subscribed socket
/// sandbox.bticino.expireTokens()                  // the next REST call is a 403 "Access token expired"
/// sandbox.bticino.setReachable(false, module: id) // commands to it fail
/// ```
public final class SandboxBticino: Sendable {
    /// Settings fixed when the sandbox starts.
    public struct Settings: Sendable {
        /// The account e-mail.
        public var username: String
        /// The account password.
        public var password: String
        /// The OAuth client id.
        public var clientId: String
        /// The OAuth client secret.
        public var clientSecret: String
        /// How long access tokens live (`expires_in`), on the sandbox's clock. Short on purpose.
        public var tokenLifetime: Duration
        /// How long the door lock stays open before it relocks itself.
        public var relockAfter: Duration

        /// Creates settings.
        public init(
            username: String = "tester@example.org", password: String = "sandbox-bticino-password",
            clientId: String = "na_client_android_welcome", clientSecret: String = "sandbox-bticino-client-secret",
            tokenLifetime: Duration = .seconds(600), relockAfter: Duration = .seconds(5)
        ) {
            self.username = username
            self.password = password
            self.clientId = clientId
            self.clientSecret = clientSecret
            self.tokenLifetime = tokenLifetime
            self.relockAfter = relockAfter
        }
    }

    /// The home, bridge and modules of the fixtures.
    public enum IDs {
        /// The home with modules.
        public static let home = "6100000000000000000000b1"
        /// The bridge.
        public static let bridge = "00:03:50:12:34:56"
        /// The external unit.
        public static let externalUnit = "123456-a001-000000000001"
        /// The door lock.
        public static let lock = "123456-a001-000000000002"
        /// The staircase light.
        public static let light = "123456-0500-000000000003"
    }

    /// What a token check found.
    enum TokenCheck: Sendable, Equatable {
        case valid
        case expired
        case invalid
    }

    struct PushConnection: Sendable {
        let id: Int
        let commands: AsyncStream<PushCommand>.Continuation
    }

    /// What the sandbox tells a push socket to do.
    enum PushCommand: Sendable {
        case send(String)
        case ping
        case drop
    }

    private struct State {
        var settings: Settings
        var tokens: [String: Date] = [:]
        var refreshTokens: Set<String> = []
        var issued: [String] = []
        var unlockedUntil: Date?
        var lightOn = false
        var unreachable: Set<String> = []
        var configs: [String: String] = [:]
        var pushConnections: [PushConnection] = []
        var nextConnection = 0
        var subscribeFrames: [String] = []
        var rings = 0
        var refuseSubscriptions = false
    }

    private let state: Mutex<State>
    private let initial: Settings
    private let clock: SandboxClock

    init(settings: Settings, clock: SandboxClock) {
        self.initial = settings
        self.clock = clock
        self.state = Mutex(State(settings: settings))
    }

    /// The settings in force.
    public var settings: Settings { state.withLock { $0.settings } }

    /// Changes the lifetime of tokens issued from now on.
    public func setTokenLifetime(_ lifetime: Duration) {
        state.withLock { $0.settings.tokenLifetime = lifetime }
    }

    /// Ends every access token issued so far (refresh tokens stay valid).
    public func expireTokens() {
        let past = clock.now.addingTimeInterval(-1)
        state.withLock { state in
            for key in state.tokens.keys { state.tokens[key] = past }
        }
    }

    /// Forgets every refresh token: the next refresh is refused with `invalid_grant`.
    public func revokeRefreshTokens() {
        state.withLock { $0.refreshTokens.removeAll() }
    }

    /// Every access and refresh token issued, for leak checks.
    public var issuedTokens: [String] { state.withLock { $0.issued } }

    /// Whether the door lock is locked now (it relocks itself ``Settings/relockAfter`` after opening).
    public var isLocked: Bool {
        let now = clock.now
        return state.withLock { state in
            guard let until = state.unlockedUntil else { return true }
            return now >= until
        }
    }

    /// Whether the staircase light is on.
    public var isLightOn: Bool { state.withLock { $0.lightOn } }

    /// Makes a module reachable or not; commands to an unreachable module fail.
    public func setReachable(_ reachable: Bool, module: String) {
        state.withLock { state in
            if reachable { state.unreachable.remove(module) } else { state.unreachable.insert(module) }
        }
    }

    /// Makes the push server refuse subscriptions with code 11 "Internal error".
    public func setRefusesSubscriptions(_ refuses: Bool) {
        state.withLock { $0.refuseSubscriptions = refuses }
    }

    /// Every subscribe frame the push server received, exactly as sent.
    public var subscribeFrames: [String] { state.withLock { $0.subscribeFrames } }

    /// How many push sockets are subscribed now.
    public var pushConnectionCount: Int { state.withLock { $0.pushConnections.count } }

    /// Sends a text frame to every subscribed push socket; returns how many got it.
    @discardableResult
    public func sendPush(_ text: String) -> Int {
        let connections = state.withLock { $0.pushConnections }
        for connection in connections { connection.commands.yield(.send(text)) }
        return connections.count
    }

    /// Rings: an `incoming_call` push (from the fixtures, with a fresh event id) to every subscribed socket.
    @discardableResult
    public func ring() -> Int {
        let count = state.withLock { state -> Int in
            state.rings += 1
            return state.rings
        }
        var text = SandboxFixtures.text("bticino/push-incoming-call.json")
        text = text.replacingOccurrences(
            of: "6200000000000000000000c1", with: "62000000000000000000\(String(format: "%04d", count))")
        return sendPush(text)
    }

    /// Sends a protocol ping to every subscribed push socket.
    public func pingPushConnections() {
        for connection in state.withLock({ $0.pushConnections }) { connection.commands.yield(.ping) }
    }

    /// Cuts every push socket without a close frame.
    public func dropPushConnections() {
        for connection in state.withLock({ $0.pushConnections }) { connection.commands.yield(.drop) }
    }

    func reset() {
        let connections = state.withLock { state -> [PushConnection] in
            let connections = state.pushConnections
            state = State(settings: initial)
            return connections
        }
        for connection in connections { connection.commands.yield(.drop) }
    }

    // MARK: - Tokens

    /// Issues a token pair.
    func issue() -> (access: String, refresh: String, lifetime: Int) {
        let access = "5f00aa00aa00aa00aa00aa01|" + SandboxBticino.hex(32)
        let refresh = "5f00aa00aa00aa00aa00aa01|" + SandboxBticino.hex(32)
        let now = clock.now
        return state.withLock { state in
            let lifetime = Int(state.settings.tokenLifetime.components.seconds)
            state.tokens[access] = now.addingTimeInterval(TimeInterval(lifetime))
            state.refreshTokens.insert(refresh)
            state.issued += [access, refresh]
            return (access, refresh, lifetime)
        }
    }

    /// Consumes a refresh token; `false` when it is unknown.
    func useRefreshToken(_ token: String) -> Bool {
        state.withLock { $0.refreshTokens.remove(token) != nil }
    }

    func check(_ token: String?) -> TokenCheck {
        guard let token else { return .invalid }
        let now = clock.now
        return state.withLock { state in
            guard let expiry = state.tokens[token] else { return .invalid }
            return now < expiry ? .valid : .expired
        }
    }

    // MARK: - Modules

    /// Applies one module of a `setstate`; returns an error code when the module refuses.
    func apply(module: String, state changes: [String: SandboxJSON]) -> Int? {
        let now = clock.now
        return state.withLock { state -> Int? in
            if state.unreachable.contains(module) { return 6 }
            switch module {
            case IDs.lock:
                guard case .bool(let locked)? = changes["lock"] else { return 5 }
                state.unlockedUntil =
                    locked ? nil : now.addingTimeInterval(TimeInterval(state.settings.relockAfter.components.seconds))
                return nil
            case IDs.light:
                guard case .bool(let on)? = changes["on"] else { return 5 }
                state.lightOn = on
                return nil
            default:
                return 5
            }
        }
    }

    func isReachable(_ module: String) -> Bool {
        state.withLock { !$0.unreachable.contains(module) }
    }

    func config(_ module: String) -> String? {
        state.withLock { $0.configs[module] }
    }

    func setConfig(_ module: String, json: String) {
        state.withLock { $0.configs[module] = json }
    }

    // MARK: - Push

    func register(commands: AsyncStream<PushCommand>.Continuation) -> Int {
        state.withLock { state in
            state.nextConnection += 1
            state.pushConnections.append(PushConnection(id: state.nextConnection, commands: commands))
            return state.nextConnection
        }
    }

    func unregister(_ id: Int) {
        state.withLock { $0.pushConnections.removeAll { $0.id == id } }
    }

    func recordSubscribe(_ frame: String) {
        state.withLock { $0.subscribeFrames.append(frame) }
    }

    var refusesSubscriptions: Bool { state.withLock { $0.refuseSubscriptions } }

    private static func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement() ?? "0" })
    }
}
