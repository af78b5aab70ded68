import Foundation
import ViessmannKit

// The README's ViessmannKit example, exactly as printed there (the README test compares them). It
// is compiled, not run; Tests/VendorSandboxTests/Viessmann runs the same flow against the sandbox.

enum ReadmeViessmannExamples {
    static func viessmann(openInBrowser: (URL) -> Void, waitForRedirect: () async throws -> URL) async throws {
        let tokenFile = URL(fileURLWithPath: "/var/lib/myapp/viessmann-tokens.json")
        let client = try ViessmannClient(
            configuration: .init(
                clientID: "<client-id>", redirectURI: "http://localhost:4200/", tokens: .file(tokenFile))
        )

        // Sign in once (PKCE S256 + state); the token file is read on first use, refreshed 60 s early.
        let pending = try client.beginSignIn()
        openInBrowser(pending.url)
        try await client.completeSignIn(pending, callbackURL: try await waitForRedirect())

        // List the devices of the first gateway, with their flat features.
        let gateway = try await client.gateways()[0]
        let devices = try await client.devices(
            installationID: gateway.installationID, gatewaySerial: gateway.serial, includeFeatures: true)
        guard let boiler = devices.first(where: { $0.id == "0" }) else { return }
        for feature in boiler.features {
            print(feature.isWritable ? "*" : " ", feature.name, feature.value, feature.unit?.rawValue ?? "")
        }

        // Set the heating curve: checked against min/max/step first; the shift is sent alongside.
        do {
            let result = try await client.setFeature("heating.circuits.0.heating.curve.slope", to: 1.4, on: boiler)
            let reread = try await client.updateDevice(result.device)
            print(
                result.response.success, reread.feature(named: "heating.circuits.0.heating.curve.slope")?.value ?? .null
            )
        } catch let error as ViessmannError where error.code == .validationFailed {
            print("not sent:", error.parameter ?? "-", error.rule?.description ?? "-")
        } catch let error as APIError where error.kind == .rateLimited {
            let body = error.vendorError(as: ViessmannServiceError.self)
            print("rate limited; retry after", error.retryAfter ?? .seconds(600), body?.limitReset ?? Date())
        }
    }
}
