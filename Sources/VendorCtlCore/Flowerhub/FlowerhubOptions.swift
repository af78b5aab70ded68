import ArgumentParser
import FlowerhubKit
import Foundation

/// The options of the Flowerhub commands that use a saved session.
struct FlowerhubOptions: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The portal API (default: the saved session's, else \(FlowerhubClient.Configuration.defaultBaseURL)).",
            valueName: "url"))
    var baseURL: String?

    @Option(
        name: .customLong("asset-owner-id"),
        help: ArgumentHelp("Read this asset owner instead of the signed-in user's.", valueName: "id"))
    var assetOwnerId: Int?

    @Option(
        name: .customLong("asset-id"),
        help: ArgumentHelp("Read this asset instead of the owner's.", valueName: "id"))
    var assetId: Int?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        if let assetOwnerId, assetOwnerId <= 0 { throw ValidationError("--asset-owner-id must be a positive number") }
        if let assetId, assetId <= 0 { throw ValidationError("--asset-id must be a positive number") }
        _ = try Self.parseBaseURL(baseURL)
    }

    func requestedBaseURL() throws -> URL? {
        try Self.parseBaseURL(baseURL)
    }

    /// The `--base-url` given, checked.
    static func parseBaseURL(_ text: String?) throws -> URL? {
        guard let text else { return nil }
        return try BaseURLOption.parse(text)
    }
}

extension FlowerhubConnection {
    /// The stored asset id, discovering it first when the session has none.
    func assetId() async throws -> Int {
        if let id = await client.assetId { return id }
        guard let id = try await client.fetchAssetId() else {
            let owner = await client.assetOwnerId.map(String.init) ?? "-"
            throw CommandFailure(.refused, "Flowerhub reports no asset for asset owner \(owner)")
        }
        return id
    }
}
