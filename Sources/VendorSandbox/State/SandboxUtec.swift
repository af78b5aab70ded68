import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The emulated U-Tec cloud: one OAuth client, the codes and tokens it issued, the account's
/// devices with their live states, commands waiting for their deferred result, and the registered
/// notification webhook.
///
/// Devices start from `Fixtures/utec/discovery.json` and `query.json`: a lock with a door sensor,
/// a switch and a dimmable colour light. A command is acknowledged at once with
/// `st.deferredResponse` seconds; its effect lands when that much time has passed on the sandbox's
/// clock (or at ``completePendingCommands()``), and a `DeviceState` notification with the changed
/// values is then posted to the registered webhook.
///
/// ```swift
/// sandbox.utec.setOffline(lockID, true)        // the next query reports DEVICE_OFFLINE
/// sandbox.utec.invalidateAccessTokens()        // the next action answers INVALID_TOKEN inside HTTP 200
/// ```
public final class SandboxUtec: Sendable {
    /// Settings fixed when the sandbox starts.
    public struct Settings: Sendable {
        /// The OAuth client id.
        public var clientId: String
        /// The OAuth client secret.
        public var clientSecret: String
        /// How long an access token lives (`expires_in`), on the sandbox's clock.
        public var tokenLifetime: Duration
        /// The seconds a lock command's acknowledgement asks for.
        public var lockDeferredSeconds: Int
        /// The seconds a switch or light command's acknowledgement asks for.
        public var lightDeferredSeconds: Int

        /// Creates settings with U-Tec's 7-day token lifetime and 20 s / 5 s deferred answers.
        public init(
            clientId: String = "sandbox-utec-client", clientSecret: String = "sandbox-utec-secret",
            tokenLifetime: Duration = .seconds(601_200), lockDeferredSeconds: Int = 20, lightDeferredSeconds: Int = 5
        ) {
            self.clientId = clientId
            self.clientSecret = clientSecret
            self.tokenLifetime = tokenLifetime
            self.lockDeferredSeconds = lockDeferredSeconds
            self.lightDeferredSeconds = lightDeferredSeconds
        }
    }

    /// One state value: capability, name, value.
    struct Value: Sendable, Equatable {
        var capability: String
        var name: String
        var value: SandboxJSON
    }

    /// A command accepted and not yet in effect.
    struct Pending: Sendable {
        var deviceID: String
        var due: Date
        var changes: [Value]
    }

    /// A notification to post.
    struct Delivery: Sendable {
        var url: URL
        var secret: String
        var body: Data
    }

    private struct State {
        var codes: [String: String] = [:]
        var accessTokens: [String: Date] = [:]
        var refreshTokens: Set<String> = []
        var states: [String: [Value]] = [:]
        var offline: Set<String> = []
        var pending: [Pending] = []
        var webhook: (url: URL, secret: String)?
        var deliveries: [Int] = []
        var codeOrder: [String] = []
        var deliveryTasks: [Task<Void, Never>] = []
    }

    /// The most devices one Query or Command may name (more are refused with `INVALID_PARAMETER`).
    static let maximumDevicesPerRequest = 100
    /// The most commands waiting for their result, codes outstanding, and delivery statuses kept.
    static let maximumListSize = 1_000

    /// The settings in force.
    public let settings: Settings
    private let clock: SandboxClock
    private let state: Mutex<State>
    /// The discovery records, in order.
    let records: [SandboxJSON]

    init(settings: Settings, clock: SandboxClock) {
        self.settings = settings
        self.clock = clock
        self.records = SandboxFixtures.json("utec/discovery.json")["payload"]?["devices"]?.arrayValue ?? []
        self.state = Mutex(State(states: SandboxUtec.initialStates()))
    }

    private static func initialStates() -> [String: [Value]] {
        var states: [String: [Value]] = [:]
        for device in SandboxFixtures.json("utec/query.json")["payload"]?["devices"]?.arrayValue ?? [] {
            guard let id = device["id"]?.stringValue else { continue }
            states[id] = (device["states"]?.arrayValue ?? []).compactMap { entry in
                guard let capability = entry["capability"]?.stringValue, let name = entry["name"]?.stringValue else {
                    return nil
                }
                return Value(capability: capability, name: name, value: entry["value"] ?? .null)
            }
        }
        return states
    }

    /// The device ids, in discovery order.
    public var deviceIds: [String] { records.compactMap { $0["id"]?.stringValue } }

    /// The id of the first device whose handle type contains `kind` (`lock`, `switch`, `light`).
    public func deviceId(handleTypeContaining kind: String) -> String? {
        records.first { ($0["handleType"]?.stringValue ?? "").contains(kind) }?["id"]?.stringValue
    }

    /// A device's current value for `capability`/`name` as text (`Locked`, `on`, `80`).
    public func value(of deviceId: String, _ capability: String, _ name: String) -> String? {
        state.withLock { state in
            guard let value = state.states[deviceId]?.first(where: { $0.capability == capability && $0.name == name })
            else { return nil }
            switch value.value {
            case .string(let text): return text
            case .number(let text): return text
            default: return String(decoding: value.value.data, as: UTF8.self)
            }
        }
    }

    /// Takes a device offline (queries and commands answer `DEVICE_OFFLINE`) or back online.
    public func setOffline(_ deviceId: String, _ offline: Bool) {
        state.withLock { state in
            if offline { state.offline.insert(deviceId) } else { state.offline.remove(deviceId) }
        }
    }

    /// Makes every access token issued so far invalid: the next action answers `INVALID_TOKEN`
    /// inside an HTTP 200, and a refresh gets a new one.
    public func invalidateAccessTokens() {
        state.withLock { $0.accessTokens.removeAll() }
    }

    /// The registered webhook URL, if any.
    public var webhookURL: URL? { state.withLock { $0.webhook?.url } }

    /// The statuses the webhook answered, one per notification posted (0 when it could not be reached).
    public var webhookDeliveries: [Int] { state.withLock { $0.deliveries } }

    /// How many commands wait for their deferred result.
    public var pendingCommands: Int { state.withLock { $0.pending.count } }

    /// Puts every command's effect in place now and posts the notifications.
    public func completePendingCommands() async {
        await deliver(applyDue(upTo: .distantFuture))
    }

    /// Forgets codes, tokens, changes and the webhook.
    func reset() {
        state.withLock { $0 = State(states: SandboxUtec.initialStates()) }
    }

    // MARK: - OAuth

    /// A fresh single-use authorization code for `redirectURI`, as the authorize page would hand
    /// out after the user consented: tests use it to skip the browser.
    public func issueAuthorizationCode(redirectURI: String) -> String {
        issueCode(redirectURI: redirectURI)
    }

    /// A fresh single-use authorization code for `redirectURI`.
    func issueCode(redirectURI: String) -> String {
        let code = "utec-code-" + SandboxTokens.randomHex(12)
        state.withLock { state in
            // Unused codes are bounded: the oldest is forgotten first.
            while state.codeOrder.count >= Self.maximumListSize {
                state.codes[state.codeOrder.removeFirst()] = nil
            }
            state.codes[code] = redirectURI
            state.codeOrder.append(code)
        }
        return code
    }

    /// Exchanges a code (single use) for tokens.
    func exchange(code: String, redirectURI: String?) -> (access: String, refresh: String)? {
        state.withLock { state in
            guard let expected = state.codes.removeValue(forKey: code) else { return nil }
            state.codeOrder.removeAll { $0 == code }
            if let redirectURI, redirectURI != expected { return nil }
            return Self.issue(&state, now: clock.now, lifetime: settings.tokenLifetime)
        }
    }

    /// Rotates a refresh token into new tokens.
    func refresh(_ token: String) -> (access: String, refresh: String)? {
        state.withLock { state in
            guard state.refreshTokens.remove(token) != nil else { return nil }
            return Self.issue(&state, now: clock.now, lifetime: settings.tokenLifetime)
        }
    }

    private static func issue(_ state: inout State, now: Date, lifetime: Duration) -> (access: String, refresh: String)
    {
        let access = "utec-at-" + SandboxTokens.randomHex(16)
        let refresh = "utec-rt-" + SandboxTokens.randomHex(16)
        state.accessTokens[access] = now.addingTimeInterval(Double(lifetime.components.seconds))
        state.refreshTokens.insert(refresh)
        return (access, refresh)
    }

    /// Whether `token` is live.
    func isLive(_ token: String?) -> Bool {
        guard let token else { return false }
        let now = clock.now
        return state.withLock { state in state.accessTokens[token].map { $0 > now } ?? false }
    }

    /// Ends a token's life (`Uhome.User` / `Logout`).
    func revoke(_ token: String) {
        state.withLock { _ = $0.accessTokens.removeValue(forKey: token) }
    }

    // MARK: - Devices

    /// Whether the device is offline.
    func isOffline(_ deviceId: String) -> Bool { state.withLock { $0.offline.contains(deviceId) } }

    /// A device's states.
    func states(of deviceId: String) -> [Value]? { state.withLock { $0.states[deviceId] } }

    /// Accepts a command; returns its deferred seconds, or an error code.
    func accept(deviceId: String, capability: String, name: String, arguments: SandboxJSON?) -> Result<Int, Refusal> {
        guard let record = records.first(where: { $0["id"]?.stringValue == deviceId }) else {
            return .failure(Refusal(code: "DEVICE_NOT_FOUND", message: "No such device."))
        }
        guard !isOffline(deviceId) else {
            return .failure(Refusal(code: "DEVICE_OFFLINE", message: "Device is not reachable right now."))
        }
        let isLock = (record["handleType"]?.stringValue ?? "").contains("lock")
        guard let changes = Self.changes(capability: capability, name: name, arguments: arguments, isLock: isLock)
        else {
            return .failure(Refusal(code: "INVALID_COMMAND", message: "The command is not valid for this device."))
        }
        let seconds = isLock ? settings.lockDeferredSeconds : settings.lightDeferredSeconds
        let due = clock.now.addingTimeInterval(Double(seconds))
        let accepted = state.withLock { state in
            guard state.pending.count < Self.maximumListSize else { return false }
            state.pending.append(Pending(deviceID: deviceId, due: due, changes: changes))
            return true
        }
        guard accepted else {
            return .failure(Refusal(code: "DEVICE_BUSY", message: "Too many commands are waiting for a result."))
        }
        return .success(seconds)
    }

    /// A refused command or query: U-Tec's code and message.
    struct Refusal: Error, Sendable {
        let code: String
        let message: String
    }

    /// What a command changes, or `nil` when the device does not take it.
    static func changes(capability: String, name: String, arguments: SandboxJSON?, isLock: Bool) -> [Value]? {
        switch (capability, name, isLock) {
        case ("st.lock", "lock", true):
            return [Value(capability: "st.lock", name: "lockState", value: .string("Locked"))]
        case ("st.lock", "unlock", true):
            return [Value(capability: "st.lock", name: "lockState", value: .string("Unlocked"))]
        case ("st.lock", "setMode", true):
            guard let mode = arguments?["mode"]?.doubleValue, [0, 1, 2].contains(mode) else { return nil }
            return [Value(capability: "st.lock", name: "lockMode", value: .int(Int(mode)))]
        case ("st.switch", "on", false), ("st.switch", "off", false):
            return [Value(capability: "st.switch", name: "switch", value: .string(name))]
        case ("st.switchLevel", "setLevel", false):
            guard let level = arguments?["level"]?.doubleValue, (1...100).contains(level) else { return nil }
            return [
                Value(capability: "st.switchLevel", name: "level", value: .int(Int(level))),
                Value(capability: "st.switch", name: "switch", value: .string("on")),
            ]
        case ("st.colorTemperature", "temperature", false):
            guard let kelvin = arguments?["value"]?.doubleValue, (2700...6500).contains(kelvin) else { return nil }
            return [Value(capability: "st.colorTemperature", name: "temperature", value: .int(Int(kelvin)))]
        case ("st.color", "color", false):
            guard let color = arguments?["value"], color.objectValue != nil else { return nil }
            return [Value(capability: "st.color", name: "color", value: color)]
        default:
            return nil
        }
    }

    /// Applies the commands due by `date` (the sandbox's now by default) and returns the
    /// notifications to post.
    func applyDue(upTo date: Date? = nil) -> [Delivery] {
        let limit = date ?? clock.now
        return state.withLock { state in
            let due = state.pending.filter { $0.due <= limit }
            state.pending.removeAll { $0.due <= limit }
            var deliveries: [Delivery] = []
            for command in due {
                var values = state.states[command.deviceID] ?? []
                for change in command.changes {
                    if let index = values.firstIndex(where: {
                        $0.capability == change.capability && $0.name == change.name
                    }) {
                        values[index] = change
                    } else {
                        values.append(change)
                    }
                }
                state.states[command.deviceID] = values
                if let webhook = state.webhook {
                    deliveries.append(
                        Delivery(
                            url: webhook.url, secret: webhook.secret,
                            body: Self.notification(deviceID: command.deviceID, changes: command.changes).data))
                }
            }
            return deliveries
        }
    }

    /// A partial `DeviceState` notification, with the vendor's `playloadVersion` spelling.
    static func notification(deviceID: String, changes: [Value]) -> SandboxJSON {
        let states = changes.map { change in
            SandboxJSON.object(
                SandboxJSONObject([
                    ("capability", .string(change.capability)), ("name", .string(change.name)), ("value", change.value),
                ]))
        }
        let header = SandboxJSONObject([
            ("namespace", .string("Uhome.Notification")), ("name", .string("DeviceState")),
            ("messageId", .string(SandboxIDs.guid(random: true).lowercased())), ("playloadVersion", .string("1")),
        ])
        let device = SandboxJSONObject([("id", .string(deviceID)), ("states", .array(states))])
        return .object(
            SandboxJSONObject([
                ("header", .object(header)),
                ("payload", .object(SandboxJSONObject([("devices", .array([.object(device)]))]))),
            ]))
    }

    /// Registers the webhook.
    func registerWebhook(url: URL, secret: String) {
        state.withLock { $0.webhook = (url, secret) }
    }

    /// Posts each notification with `Authorization: Bearer <secret>` over real HTTP and records the status.
    func deliver(_ deliveries: [Delivery]) async {
        for delivery in deliveries {
            var request = URLRequest(url: delivery.url)
            request.httpMethod = "POST"
            request.httpBody = delivery.body
            request.timeoutInterval = 5
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("Bearer \(delivery.secret)", forHTTPHeaderField: "Authorization")
            let status: Int
            do {
                let (_, response) = try await SandboxUtec.session.data(for: request)
                status = (response as? HTTPURLResponse)?.statusCode ?? 0
            } catch {
                status = 0
            }
            state.withLock { state in
                state.deliveries.append(status)
                if state.deliveries.count > Self.maximumListSize { state.deliveries.removeFirst() }
            }
        }
    }

    /// Posts `deliveries` in a task of its own, so a slow webhook never holds up an API answer.
    func scheduleDelivery(_ deliveries: [Delivery]) {
        guard !deliveries.isEmpty else { return }
        let task = Task { await self.deliver(deliveries) }
        state.withLock { state in
            state.deliveryTasks.append(task)
            if state.deliveryTasks.count > Self.maximumListSize { state.deliveryTasks.removeFirst() }
        }
    }

    /// Waits until every notification scheduled so far has been posted (or failed).
    public func waitForDeliveries() async {
        while true {
            let tasks = state.withLock { state in
                let tasks = state.deliveryTasks
                state.deliveryTasks.removeAll()
                return tasks
            }
            guard !tasks.isEmpty else { return }
            for task in tasks { await task.value }
        }
    }

    /// One session for every delivery (short-lived sessions misbehave on Linux).
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 5
        return URLSession(configuration: configuration)
    }()
}
