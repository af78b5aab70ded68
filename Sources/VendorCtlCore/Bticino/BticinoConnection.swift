import AuthCore
import BticinoKit
import Foundation

/// A BticinoKit client for the CLI: the token kept in `bticino-token.json` (mode 0600) in the
/// config directory, the client secret from `BTICINO_CLIENT_SECRET`, the password from
/// `BTICINO_PASSWORD` or a prompt without echo (asked only when a login is needed).
struct BticinoConnection: Sendable {
    static let tokenFileName = "bticino-token.json"

    let client: BticinoClient
    let tokenFile: URL

    static func make(_ options: BticinoOptions, _ context: VendorCtlContext, needsPassword: Bool = false) throws
        -> BticinoConnection
    {
        let directory = try options.output.directory(context)
        try directory.create()
        let file = directory.file(tokenFileName)
        let secret = try SecretInput.read(
            variable: "BTICINO_CLIENT_SECRET", prompt: "Netatmo app client secret: ", context: context)
        let hasToken = FileManager.default.fileExists(atPath: file.path)
        var credentials: BticinoCredentials?
        if needsPassword || !hasToken {
            let username = options.username ?? context.environment["BTICINO_USERNAME"]
            guard let username, !username.isEmpty else {
                throw CommandFailure.authentication("no BTicino account: pass --username or set BTICINO_USERNAME")
            }
            let password = try SecretInput.read(
                variable: "BTICINO_PASSWORD", prompt: "Netatmo password for \(username): ", context: context)
            credentials = BticinoCredentials(username: username, password: password)
        }
        // The real clock, not the context's: push time-outs and reconnect delays must pass in real time.
        var configuration = BticinoClient.Configuration(
            credentials: credentials, clientSecret: secret, tokenStore: FileTokenStore(url: file))
        if let clientID = context.environment["BTICINO_CLIENT_ID"], !clientID.isEmpty {
            configuration.clientID = clientID
        }
        if let base = try options.requestedBaseURL() {
            configuration.baseURL = base
            configuration.turnURL = base.appendingPathComponent("api/getcredentials")
            if let push = Self.pushURL(for: base) { configuration.pushURL = push }
        }
        do {
            return BticinoConnection(
                client: try BticinoClient(configuration: configuration, transport: context.transport), tokenFile: file)
        } catch let error as BticinoError {
            throw CommandFailure.usage(error.message)
        }
    }

    /// `ws(s)://host:port/<base path>/ws/` for a sandbox-style base URL.
    static func pushURL(for base: URL) -> URL? {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else { return nil }
        components.scheme = components.scheme == "http" ? "ws" : "wss"
        let path = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = path + "/ws/"
        return components.url
    }

    /// Runs `body`, turning the kit's own errors into the CLI's failures.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as BticinoError {
            let code: VendorCtlExitCode =
                error.requiresReauthentication
                ? .authentication
                : ([.unknownHome, .invalidRequest, .invalidConfiguration].contains(error.code)
                    ? .usage : (error.isTransient ? .network : .refused))
            throw CommandFailure(code, error.description)
        }
    }
}
