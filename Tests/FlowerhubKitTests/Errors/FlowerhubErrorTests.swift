import AuthCore
import FlowerhubKit
import Testing

/// The kit's one error type, as a caller sees it (no `@testable`).
@Suite("FlowerhubError")
struct FlowerhubErrorTests {
    @Test("codes compare by name, and the error answers the two questions a host app asks")
    func codes() {
        let error = FlowerhubError(
            code: .invalidResponse, message: "asset: expected dict (JSON object), got list", status: 200,
            url: "https://api.portal.flowerhub.se/asset/1", payload: [1])
        #expect(error.code == .invalidResponse)
        #expect(error.code != .invalidArgument)
        #expect(error.isTransient == false)
        #expect(error.requiresReauthentication == false)
        #expect(
            error.description
                == "FlowerhubError.invalidResponse: asset: expected dict (JSON object), got list; HTTP 200; "
                + "https://api.portal.flowerhub.se/asset/1")
        #expect(!error.description.contains("[1]"))
        #expect(FlowerhubError.Code.alreadyRunning.description == "alreadyRunning")
    }
}
