import ArgumentParser
import AuthCore
import Foundation
import ViessmannKit

/// The options every Viessmann command shares: where the API is, who the client is, which device.
struct ViessmannOptions: ParsableArguments {
    @Option(
        name: .customLong("client-id"),
        help: ArgumentHelp(
            "The client id (default: $VIESSMANN_CLIENT_ID, else the one saved by login).", valueName: "id"))
    var clientID: String?

    @Option(
        name: .customLong("api-url"),
        help: ArgumentHelp(
            "The IoT API (default: saved by login, else \(ViessmannClient.Configuration.productionAPI)).",
            valueName: "url"))
    var apiURL: String?

    @Option(
        name: .customLong("iam-url"),
        help: ArgumentHelp(
            "The IAM server (default: saved by login, else \(ViessmannClient.Configuration.productionIAM)).",
            valueName: "url"))
    var iamURL: String?

    @Option(
        name: .customLong("installation-id"),
        help: ArgumentHelp("The installation (default: the first gateway's).", valueName: "id"))
    var installationID: String?

    @Option(
        name: .customLong("gateway-serial"),
        help: ArgumentHelp("The gateway (default: the first).", valueName: "serial"))
    var gatewaySerial: String?

    @Option(
        name: .customLong("device-id"), help: ArgumentHelp("The device (default: 0, else the first).", valueName: "id"))
    var deviceID: String?

    @Option(
        name: .customLong("mock-device"),
        help: ArgumentHelp(
            "Serve this captured device offline instead of the API (see 'mock-devices').", valueName: "name"))
    var mockDevice: String?

    @Option(
        name: .customLong("mock-dir"),
        help: ArgumentHelp(
            "The folder of captured devices (<name>.json or device-<name>.json; default $VIESSMANN_MOCK_DIR).",
            valueName: "path"))
    var mockDirectory: String?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        for text in [apiURL, iamURL].compactMap({ $0 }) {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host != nil
            else { throw ValidationError("--api-url and --iam-url must be http or https URLs with a host") }
        }
    }
}

/// What `login` saves beside the token file, so later commands need no options: the client id,
/// redirect URI and hosts (never a token).
struct ViessmannSettings: Codable, Sendable {
    var clientID: String
    var redirectURI: String
    var apiURL: String
    var iamURL: String

    enum CodingKeys: String, CodingKey {
        case clientID = "client_id"
        case redirectURI = "redirect_uri"
        case apiURL = "api_url"
        case iamURL = "iam_url"
    }

    static let fileName = "viessmann.json"
    static let tokenFileName = "viessmann-tokens.json"

    static func load(_ directory: ConfigDirectory) throws -> ViessmannSettings? {
        guard case .data(let data) = try PrivateFile(url: directory.file(fileName)).load() else { return nil }
        guard let settings = try? JSONDecoder().decode(ViessmannSettings.self, from: data) else {
            throw CommandFailure(
                .localFiles, "\(directory.file(fileName).path) is damaged; run 'vendorctl viessmann login'")
        }
        return settings
    }

    func save(_ directory: ConfigDirectory) throws {
        try directory.create()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try PrivateFile(url: directory.file(Self.fileName)).save(try encoder.encode(self))
    }
}

/// A client built from the options and the files `login` saved, and the device the command targets.
struct ViessmannConnection {
    let client: ViessmannClient
    let directory: ConfigDirectory

    static func open(_ options: ViessmannOptions, _ context: VendorCtlContext) throws -> ViessmannConnection {
        let directory = try options.output.directory(context)
        if let name = options.mockDevice {
            let catalog = try mockCatalog(options.mockDirectory, context)
            return ViessmannConnection(
                client: try ViessmannMockClient(device: name, catalog: catalog).client, directory: directory)
        }
        let saved = try ViessmannSettings.load(directory)
        let clientID = options.clientID ?? context.environment["VIESSMANN_CLIENT_ID"] ?? saved?.clientID
        let tokenFile = directory.file(ViessmannSettings.tokenFileName)
        guard FileManager.default.fileExists(atPath: tokenFile.path) else {
            throw CommandFailure.authentication("not signed in: run 'vendorctl viessmann login'")
        }
        let configuration = ViessmannClient.Configuration(
            clientID: clientID ?? "", redirectURI: saved?.redirectURI ?? "http://localhost:4200/",
            tokens: .file(tokenFile),
            apiBaseURL: try url(options.apiURL ?? saved?.apiURL, ViessmannClient.Configuration.productionAPI),
            iamBaseURL: try url(options.iamURL ?? saved?.iamURL, ViessmannClient.Configuration.productionIAM),
            timeSource: context.timeSource)
        return ViessmannConnection(
            client: try ViessmannClient(configuration: configuration, transport: context.transport),
            directory: directory)
    }

    /// The captured devices in `--mock-dir` (or `$VIESSMANN_MOCK_DIR`): `device-<name>.json` files
    /// when there are any, else every `<name>.json`.
    static func mockCatalog(_ option: String?, _ context: VendorCtlContext) throws -> ViessmannMockCatalog {
        guard let path = option ?? context.environment["VIESSMANN_MOCK_DIR"], !path.isEmpty else {
            throw CommandFailure.usage("--mock-device needs --mock-dir or VIESSMANN_MOCK_DIR")
        }
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw CommandFailure(.localFiles, "the mock folder \(path) cannot be read")
        }
        let prefix = names.contains { $0.hasPrefix("device-") } ? "device-" : ""
        do {
            return try ViessmannMockCatalog(directory: folder, prefix: prefix)
        } catch {
            throw CommandFailure(.localFiles, "the mock folder \(path) cannot be read")
        }
    }

    static func url(_ text: String?, _ fallback: URL) throws -> URL {
        guard let text else { return fallback }
        guard let url = URL(string: text) else { throw CommandFailure.usage("'\(text)' is not a URL") }
        return url
    }

    /// The device the options name, found like the original: the first gateway, device `0` or the first.
    func device(_ options: ViessmannOptions, withFeatures: Bool = true) async throws -> ViessmannDevice {
        var installation = options.installationID
        var serial = options.gatewaySerial
        if installation == nil || serial == nil {
            let gateways = try await client.gateways()
            guard let gateway = gateways.first(where: { serial == nil || $0.serial == serial }) else {
                throw CommandFailure(.refused, "the account has no gateway\(serial.map { " \($0)" } ?? "")")
            }
            installation = installation ?? gateway.installationID
            serial = gateway.serial
        }
        let devices = try await client.devices(installationID: installation ?? "", gatewaySerial: serial ?? "")
        let wanted = options.deviceID
        guard
            var device = wanted.map({ id in devices.first { $0.id == id } })
                ?? devices.first(where: { $0.id == "0" }) ?? devices.first
        else { throw CommandFailure(.refused, "no device\(wanted.map { " \($0)" } ?? "") on gateway \(serial ?? "-")") }
        if withFeatures { device = try await client.updateDevice(device, onlyEnabled: false) }
        return device
    }
}
