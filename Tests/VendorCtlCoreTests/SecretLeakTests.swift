import AuthCore
import Foundation
import TestSupport
import Testing

@testable import VendorCtlCore

@Suite("Secrets stay out of dumps and descriptions")
struct SecretLeakTests {
    @Test("dump() of a context shows environment variable names, never their values")
    func contextDump() {
        let context = VendorCtlContext(
            transport: MockTransport(), standardOutput: VendorCtlCapturedOutput(),
            standardError: VendorCtlCapturedOutput(),
            environment: ["FLOWERHUB_PASSWORD": Canary.password, "BC_CLIENT_SECRET": BCScript.clientSecret],
            terminal: ScriptedTerminal())
        var text = ""
        dump(context, to: &text)
        #expect(text.contains("FLOWERHUB_PASSWORD"))
        #expect(!text.contains(Canary.password))
        #expect(!text.contains(BCScript.clientSecret))
    }

    @Test("dump() and interpolation of a session show cookie names, never the cookies")
    func sessionDump() {
        let line = FlowerhubSessionFile.CookieLine(
            url: "https://api.portal.flowerhub.se/auth/login", receivedAt: 0,
            setCookie: "Authentication=\(Canary.accessCookie); Path=/")
        let session = FlowerhubSessionFile(
            format: 1, baseURL: "https://api.portal.flowerhub.se", username: "kim@example.se", assetOwnerId: 1,
            assetId: nil, savedAt: 0, cookies: [line])
        var text = ""
        dump(session, to: &text)
        text += "\(line) \(String(reflecting: line))"
        #expect(text.contains("Authentication"))
        #expect(!text.contains(Canary.accessCookie))
        let recorder = CookieRecorder(base: MockTransport(), timeSource: TestClock())
        var recorderText = ""
        dump(recorder, to: &recorderText)
        #expect(recorderText.contains("recorded"))
    }
}
