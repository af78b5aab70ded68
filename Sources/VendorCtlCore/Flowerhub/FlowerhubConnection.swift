import AuthCore
import FlowerhubKit
import Foundation

/// A Flowerhub client for one run of the tool, with the session it resumed and saves back.
struct FlowerhubConnection: Sendable {
    let client: FlowerhubClient
    let baseURL: URL
    let recorder: CookieRecorder
    let file: PrivateFile
    let directory: ConfigDirectory
    /// The session as loaded; `nil` for a new login.
    let saved: FlowerhubSessionFile?
    /// The portal user the session belongs to (shown by `status`, offered by `login`).
    var username: String?
    /// Whether the ids the client ends with are the session's own (not ones given with
    /// `--asset-owner-id` or `--asset-id` for this run), and so are saved.
    var keepsIds = true

    /// A client on `baseURL` whose answers' cookies are recorded, with no session yet.
    static func fresh(
        baseURL: URL, directory: ConfigDirectory, context: VendorCtlContext, saved: FlowerhubSessionFile? = nil
    ) throws -> FlowerhubConnection {
        let recorder = CookieRecorder(base: context.transport, timeSource: context.timeSource)
        let configuration = FlowerhubClient.Configuration(baseURL: baseURL, timeSource: context.timeSource)
        let client = try FlowerhubClient(configuration: configuration, transport: recorder)
        return FlowerhubConnection(
            client: client, baseURL: baseURL, recorder: recorder,
            file: PrivateFile(url: directory.file(FlowerhubSessionFile.fileName)), directory: directory,
            saved: saved, username: saved?.username)
    }

    /// The client of the saved session, its cookies back in the jar.
    ///
    /// Without a session file it signs in when `FLOWERHUB_USERNAME` and `FLOWERHUB_PASSWORD` are
    /// both set (for scripts), and otherwise asks for `vendorctl flowerhub login`.
    static func resume(options: FlowerhubOptions, context: VendorCtlContext) async throws -> FlowerhubConnection {
        let directory = try options.output.directory(context)
        let file = PrivateFile(url: directory.file(FlowerhubSessionFile.fileName))
        let requested = try options.requestedBaseURL()
        guard let session = try load(file) else {
            return try await signInFromEnvironment(
                baseURL: requested, directory: directory, file: file, options: options, context: context)
        }
        if let requested, FlowerhubSessionFile.normalized(requested) != FlowerhubSessionFile.normalized(session.baseURL)
        {
            throw CommandFailure.authentication(
                "the saved Flowerhub session is for \(session.baseURL), not \(requested.absoluteString); "
                    + "run 'vendorctl flowerhub login --base-url \(requested.absoluteString)'")
        }
        guard let baseURL = URL(string: session.baseURL) else {
            throw CommandFailure.authentication("the Flowerhub session file \(file.url.path) is damaged")
        }
        var connection = try fresh(baseURL: baseURL, directory: directory, context: context, saved: session)
        connection.keepsIds = options.assetOwnerId == nil && options.assetId == nil
        for line in session.cookies {
            guard let url = URL(string: line.url) else { continue }
            connection.client.cookieJar.store(
                setCookieHeaders: [line.setCookie], from: url, now: Date(timeIntervalSince1970: line.receivedAt))
        }
        await connection.client.setAssetOwnerId(options.assetOwnerId ?? session.assetOwnerId)
        await connection.client.setAssetId(options.assetId ?? session.assetId)
        return connection
    }

    private static func signInFromEnvironment(
        baseURL: URL?, directory: ConfigDirectory, file: PrivateFile, options: FlowerhubOptions,
        context: VendorCtlContext
    ) async throws -> FlowerhubConnection {
        guard let username = context.environment["FLOWERHUB_USERNAME"], !username.isEmpty,
            let password = context.environment["FLOWERHUB_PASSWORD"], !password.isEmpty
        else {
            throw CommandFailure.authentication(
                "not signed in to Flowerhub (no session file at \(file.url.path)); run 'vendorctl flowerhub login'")
        }
        var connection = try fresh(
            baseURL: baseURL ?? FlowerhubClient.Configuration.defaultBaseURL, directory: directory, context: context)
        connection.username = username
        try await connection.client.login(username: username, password: Secret(password))
        connection.keepsIds = options.assetOwnerId == nil && options.assetId == nil
        if let owner = options.assetOwnerId { await connection.client.setAssetOwnerId(owner) }
        if let asset = options.assetId { await connection.client.setAssetId(asset) }
        return connection
    }

    /// Reads and checks the session file; `nil` when there is none.
    static func load(_ file: PrivateFile) throws -> FlowerhubSessionFile? {
        guard case .data(let data) = try file.load() else { return nil }
        let session: FlowerhubSessionFile
        do {
            session = try JSONDecoder().decode(FlowerhubSessionFile.self, from: data)
        } catch {
            throw CommandFailure.authentication(
                "the Flowerhub session file \(file.url.path) is damaged (not a session); "
                    + "run 'vendorctl flowerhub login'")
        }
        return try session.validated(path: file.url.path)
    }

    /// Saves the session when this run changed it (new cookies, a new owner or asset id), or always
    /// with `force`.
    func save(force: Bool = false) async throws {
        let lines = recorder.lines
        let ownerId = keepsIds ? await client.assetOwnerId : saved?.assetOwnerId
        let assetId = keepsIds ? await client.assetId : saved?.assetId
        let changed = saved == nil || !lines.isEmpty || ownerId != saved?.assetOwnerId || assetId != saved?.assetId
        guard force || changed else { return }
        let session = FlowerhubSessionFile(
            format: FlowerhubSessionFile.currentFormat, baseURL: FlowerhubSessionFile.normalized(baseURL),
            username: username,
            assetOwnerId: ownerId, assetId: assetId,
            savedAt: client.configuration.timeSource.now.timeIntervalSince1970,
            cookies: FlowerhubSessionFile.merged(saved?.cookies ?? [], lines))
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(session)
        } catch {
            throw CommandFailure(.localFiles, "the Flowerhub session cannot be encoded")
        }
        try directory.create()
        try file.save(data)
    }

    /// Runs `body` on the resumed session and saves what changed, also when `body` fails.
    static func run<Value>(
        _ options: FlowerhubOptions, _ context: VendorCtlContext,
        _ body: (FlowerhubConnection) async throws -> Value
    ) async throws -> Value {
        let connection = try await resume(options: options, context: context)
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await body(connection))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success: try await connection.save()
        case .failure: try? await connection.save()
        }
        await connection.client.close()
        return try outcome.get()
    }
}
