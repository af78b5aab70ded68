import ArgumentParser
import Foundation
import OdynKit

/// How the Business Central commands reach the service and who they are.
struct BCOptions: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The API service root, for example https://…/v2.0/<tenant>/<environment>/api/v2.0/ "
                + "(default: BC_BASE_URL, else built from --tenant and --environment).",
            valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The Entra ID tenant: a GUID or a domain (default: BC_TENANT).", valueName: "tenant"))
    var tenant: String?

    @Option(
        help: ArgumentHelp(
            "The environment name (default: BC_ENVIRONMENT, else Production).", valueName: "name"))
    var environment: String?

    @Option(
        name: .customLong("client-id"),
        help: ArgumentHelp(
            "Sign in with client credentials as this app (default: BC_CLIENT_ID); the secret comes from "
                + "BC_CLIENT_SECRET or a prompt without echo.",
            valueName: "id"))
    var clientId: String?

    @Option(
        name: .customLong("authority-host"),
        help: ArgumentHelp(
            "The Entra ID host that issues tokens (default: BC_AUTHORITY_HOST, else "
                + "\(EntraClientCredentials.defaultAuthorityHost)).",
            valueName: "url"))
    var authorityHost: String?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        if let baseURL { _ = try BaseURLOption.parse(baseURL) }
        if let authorityHost { _ = try BaseURLOption.parse(authorityHost) }
    }
}

/// `--company`: an id, or a name looked up in `companies`.
struct BCCompanyOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The company: its id, or its name (default: BC_COMPANY; see 'vendorctl bc companies').",
            valueName: "id-or-name"))
    var company: String?
}

/// Where a create or update body comes from.
struct BCBodyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The JSON object to send.", valueName: "json"))
    var data: String?

    @Option(help: ArgumentHelp("Read the JSON object from a file ('-' for standard input).", valueName: "path"))
    var file: String?

    mutating func validate() throws {
        guard (data == nil) != (file == nil) else { throw ValidationError("give exactly one of --data and --file") }
    }

    /// The body, which must be a JSON object.
    func body(_ context: VendorCtlContext) throws -> JSONValue {
        let bytes: Data
        let source: String
        if let data {
            bytes = Data(data.utf8)
            source = "--data"
        } else {
            let path = file ?? "-"
            bytes = try InputFile.read(path, context: context)
            source = path == "-" ? "standard input" : path
        }
        guard let value = try? JSONValue(jsonData: bytes), case .object = value else {
            throw CommandFailure.usage("\(source) is not a JSON object")
        }
        return value
    }
}

/// Checks an entity set name such as `customers` or `salesOrders`.
enum BCEntityName {
    static func validate(_ name: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
        guard let first = name.first, first.isLetter, name.count <= 128, name.allSatisfy(allowed.contains) else {
            throw ValidationError("ENTITY must be an entity set name such as customers or salesOrders")
        }
    }
}
