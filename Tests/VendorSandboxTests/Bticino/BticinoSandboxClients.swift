import AuthCore
import BticinoKit
import Foundation
import VendorSandbox

extension SandboxClients {
    /// A BticinoKit client for the sandbox's Netatmo account, over `transport`, on the real clock
    /// (push time-outs must not be compressed) with short reconnect delays.
    static func bticino(
        _ sandbox: VendorSandbox, over transport: SandboxTransport = .urlSession, password: String? = nil
    ) throws -> BticinoClient {
        let settings = sandbox.bticino.settings
        var configuration = BticinoClient.Configuration(
            credentials: BticinoCredentials(
                username: settings.username, password: Secret(password ?? settings.password)),
            clientID: settings.clientId, clientSecret: Secret(settings.clientSecret), baseURL: sandbox.bticinoBaseURL,
            turnURL: sandbox.bticinoTurnURL, pushURL: sandbox.bticinoPushURL, signalingURL: sandbox.bticinoPushURL,
            random: .seeded(3))
        configuration.timeout = .seconds(5)
        configuration.push.backoff = BticinoBackoff(initial: .milliseconds(20), maximum: .milliseconds(100), jitter: 0)
        return try BticinoClient(configuration: configuration, transport: transport.transport)
    }
}
