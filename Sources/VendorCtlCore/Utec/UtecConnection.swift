import AuthCore
import Foundation
import UtecKit

/// A U-Tec client for one command: the saved login, the token file and the client secret read
/// only when a refresh needs it (from `UTEC_CLIENT_SECRET` or a prompt without echo). With
/// `UTEC_ACCESS_TOKEN` set, that token is used as it is and nothing is read or saved.
struct UtecConnection {
    let client: UtecClient

    static func make(_ options: UtecOptions, context: VendorCtlContext) async throws -> UtecConnection {
        if let token = context.environment["UTEC_ACCESS_TOKEN"], !token.isEmpty {
            let base = try options.baseURL.map(BaseURLOption.parse) ?? UtecClient.Configuration.defaultBaseURL
            let configuration = UtecClient.Configuration(
                baseURL: base, authorization: .accessToken { Secret(token) }, timeSource: context.timeSource)
            return UtecConnection(client: try UtecClient(configuration: configuration, transport: context.transport))
        }
        let directory = try options.output.directory(context)
        let file = PrivateFile(url: directory.file(UtecLoginFile.fileName))
        let login: UtecLoginFile
        do {
            guard case .data(let data) = try file.load() else {
                throw CommandFailure.authentication("no U-Tec login: run 'vendorctl utec login'")
            }
            login = try JSONDecoder().decode(UtecLoginFile.self, from: data).validated(path: file.url.path)
        } catch is DecodingError {
            throw CommandFailure.authentication(
                "the U-Tec login file \(file.url.path) is damaged; run 'vendorctl utec login'")
        }
        let store = FileTokenStore(url: directory.file(UtecLoginFile.tokenFileName))
        let grant = UtecPromptingRefreshGrant(login: login, context: context)
        let tokens = TokenManager(
            grant: grant, store: store, configuration: TokenManager.Configuration(refreshSkew: .zero),
            timeSource: context.timeSource)
        let base = try options.baseURL.map(BaseURLOption.parse) ?? URL(string: login.apiBaseURL)!
        let configuration = UtecClient.Configuration(
            baseURL: base, authorization: .tokens(tokens), timeSource: context.timeSource)
        return UtecConnection(client: try UtecClient(configuration: configuration, transport: context.transport))
    }

    /// The discovered device with `id`, with its current state.
    func device(_ id: String) async throws -> UtecDevice {
        let found = try await client.discoverDevices()
        guard let device = found.device(id: id) else {
            throw CommandFailure(.refused, "no U-Tec device with id \(id) (see 'vendorctl utec devices')")
        }
        return device
    }
}

/// Refreshes with the saved client id and a secret read on first use; a first token needs `login`.
struct UtecPromptingRefreshGrant: TokenGrant {
    let login: UtecLoginFile
    let context: VendorCtlContext

    func obtainToken() async throws -> OAuth2Token {
        throw APIError(kind: .reauthenticationRequired, message: "no U-Tec token: run 'vendorctl utec login'")
    }

    func refresh(_ token: OAuth2Token) async throws -> OAuth2Token {
        let secret: Secret
        do {
            secret = try SecretInput.read(
                variable: "UTEC_CLIENT_SECRET", prompt: "Client secret for \(login.clientId): ", context: context)
        } catch let failure as CommandFailure {
            throw APIError(kind: .authenticationFailed, message: failure.message)
        }
        return try await UtecOAuthFactory.make(login, secret: secret, context: context).refresh(token)
    }

    var canObtainWithoutUser: Bool { false }
}

/// Builds the kit's OAuth client from a login file.
enum UtecOAuthFactory {
    static func make(_ login: UtecLoginFile, secret: Secret, context: VendorCtlContext) throws -> UtecOAuth {
        try UtecOAuth(
            clientID: login.clientId, clientSecret: secret, redirectURI: login.redirectURI,
            authorizeURL: URL(string: login.authorizeURL)!, tokenURL: URL(string: login.tokenURL)!,
            transport: context.transport, timeSource: context.timeSource)
    }
}
