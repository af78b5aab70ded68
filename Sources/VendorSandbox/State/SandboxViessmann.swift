import Crypto
import Foundation
import Synchronization

/// The emulated Viessmann IoT API's state: the registered client, authorization codes, tokens and
/// the devices' features, which commands change.
///
/// The IAM authorize endpoint approves at once (there is no browser) and redirects with a code
/// bound to the PKCE challenge and redirect URI; the token endpoint checks the verifier against
/// the challenge and issues an access token (lifetime on the sandbox clock) and a refresh token.
/// A command changes the device's properties, so the next read shows the new values.
///
/// ```swift
/// sandbox.viessmann.expireAccessTokens()   // the next API call gets a 401 and must refresh
/// ```
public final class SandboxViessmann: Sendable {
    /// Settings fixed when the sandbox starts.
    public struct Settings: Sendable {
        /// The registered client id.
        public var clientID: String
        /// How long an access token lives (sandbox clock).
        public var accessTokenLifetime: Duration
        /// How long an authorization code may wait for its exchange.
        public var codeLifetime: Duration

        /// Creates settings: client `sandbox-viessmann-client`, one-hour tokens, 20-second codes.
        public init(
            clientID: String = "sandbox-viessmann-client", accessTokenLifetime: Duration = .seconds(3600),
            codeLifetime: Duration = .seconds(20)
        ) {
            self.clientID = clientID
            self.accessTokenLifetime = accessTokenLifetime
            self.codeLifetime = codeLifetime
        }
    }

    struct PendingCode {
        let challenge: String
        let redirectURI: String
        let expiresAt: Date
    }

    private struct State {
        var codes: [String: PendingCode] = [:]
        var access: [String: Date] = [:]
        var refresh: Set<String> = []
        var features: [String: [SandboxJSON]]
        var commands = 0
    }

    /// The settings.
    public let settings: Settings
    private let clock: SandboxClock
    private let state: Mutex<State>

    init(settings: Settings, clock: SandboxClock) {
        self.settings = settings
        self.clock = clock
        self.state = Mutex(State(features: Self.initialFeatures()))
    }

    static let installationID = "4711"
    static let gatewaySerial = "7736100000000001"

    static func initialFeatures() -> [String: [SandboxJSON]] {
        let heating = SandboxFixtures.json("viessmann/features_heating_system.json")["data"]?.arrayValue ?? []
        let gateway = (SandboxFixtures.json("viessmann/gateway_features.json")["data"]?.arrayValue ?? []).filter {
            $0["deviceId"]?.stringValue == "gateway"
        }
        return ["0": heating, "gateway": gateway]
    }

    /// Makes every access token expire now; refresh tokens stay valid.
    public func expireAccessTokens() {
        let now = clock.now
        state.withLock { state in
            for key in state.access.keys { state.access[key] = now }
        }
    }

    /// How many commands were executed since the start or the last reset.
    public var executedCommands: Int { state.withLock { $0.commands } }

    func reset() {
        state.withLock { $0 = State(features: Self.initialFeatures()) }
    }

    // MARK: - IAM

    func issueCode(challenge: String, redirectURI: String) -> String {
        let code = SandboxTokens.randomHex(16)
        let expiry = clock.now.addingTimeInterval(Double(settings.codeLifetime.components.seconds))
        state.withLock {
            $0.codes[code] = PendingCode(challenge: challenge, redirectURI: redirectURI, expiresAt: expiry)
        }
        return code
    }

    /// Redeems a code once: `nil` when unknown, used, expired, for another redirect URI, or when
    /// the verifier does not hash to the challenge.
    func redeem(code: String, verifier: String, redirectURI: String) -> (access: String, refresh: String)? {
        let pending = state.withLock { $0.codes.removeValue(forKey: code) }
        guard let pending, pending.expiresAt > clock.now, pending.redirectURI == redirectURI,
            Self.challenge(for: verifier) == pending.challenge
        else { return nil }
        return issueTokens(refresh: nil)
    }

    func refresh(_ token: String) -> (access: String, refresh: String)? {
        guard state.withLock({ $0.refresh.contains(token) }) else { return nil }
        return issueTokens(refresh: token)
    }

    func isAuthorized(_ token: String?) -> Bool {
        guard let token else { return false }
        let now = clock.now
        return state.withLock { $0.access[token].map { $0 > now } ?? false }
    }

    private func issueTokens(refresh existing: String?) -> (access: String, refresh: String) {
        let now = clock.now
        let access = SandboxTokens.jwt(
            subject: settings.clientID, purpose: "access", issuedAt: now,
            expiresAt: now.addingTimeInterval(Double(settings.accessTokenLifetime.components.seconds)))
        let refresh = existing ?? "rt-" + SandboxTokens.randomHex(16)
        state.withLock { state in
            state.access[access] = now.addingTimeInterval(Double(settings.accessTokenLifetime.components.seconds))
            state.refresh.insert(refresh)
        }
        return (access, refresh)
    }

    /// `BASE64URL(SHA256(verifier))`.
    static func challenge(for verifier: String) -> String {
        SandboxTokens.base64URL(Data(SHA256.hash(data: Data(verifier.utf8))))
    }

    // MARK: - Features

    func features(of device: String) -> [SandboxJSON]? {
        state.withLock { $0.features[device] }
    }

    /// Applies a command to a feature's properties: each payload member sets the property of its
    /// name (`targetTemperature` sets `temperature`, `newSchedule` sets `entries`); a one-parameter
    /// command sets the property its name mentions, else `value`. `nil` when there is no such
    /// feature or command.
    func execute(device: String, feature name: String, command: String, payload: SandboxJSONObject) -> Bool {
        state.withLock { state in
            guard var list = state.features[device],
                let index = list.firstIndex(where: { $0["feature"]?.stringValue == name }),
                case .object(var feature) = list[index], case .object(var properties)? = feature["properties"],
                let parameters = feature["commands"]?[command]?["params"]?.objectValue
            else { return false }
            for (key, value) in payload.members {
                var target = key
                if properties[key] == nil {
                    if key == "targetTemperature", properties["temperature"] != nil {
                        target = "temperature"
                    } else if key == "newSchedule" {
                        target = "entries"
                    } else if parameters.keys.count == 1 {
                        target =
                            properties.keys.first { command.lowercased().contains($0.lowercased()) && $0 != "value" }
                            ?? "value"
                    }
                }
                guard case .object(var property)? = properties[target] else { continue }
                property["value"] = value
                properties[target] = .object(property)
            }
            feature["properties"] = .object(properties)
            list[index] = .object(feature)
            state.features[device] = list
            state.commands += 1
            return true
        }
    }
}
