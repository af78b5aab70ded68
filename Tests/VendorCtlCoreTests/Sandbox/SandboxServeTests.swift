import AuthCore
import Foundation
import Synchronization
import Testing
import VendorSandbox

@testable import VendorCtlCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("vendorctl sandbox serve")
struct SandboxServeTests {
    @Test("serve prints the URLs and account names, answers over HTTP until told to stop, then closes its port")
    func serveUntilStopped() async throws {
        let stdout = VendorCtlCapturedOutput()
        let context = VendorCtlContext(
            transport: URLSessionTransport.shared, standardOutput: stdout, standardError: VendorCtlCapturedOutput(),
            terminal: ScriptedTerminal())
        let seen = SeenSandbox()
        try await SandboxServe(port: 0, host: "127.0.0.1").serve(context) { sandbox in
            seen.set(sandbox.baseURL)
            let (data, response) = await fetch(sandbox.baseURL.appendingPathComponent("_sandbox"))
            #expect(response == 200)
            #expect(String(decoding: data, as: UTF8.self).contains(sandbox.flowerhubBaseURL.absoluteString))
        }
        let base = try #require(seen.url)
        let banner = stdout.text
        #expect(banner.contains("VendorSandbox listening on \(base.absoluteString)"))
        #expect(banner.contains("user kim.andersson@example.se"))
        #expect(banner.contains("\(base.absoluteString)/flowerhub"))
        #expect(banner.hasSuffix("sandbox stopped\n"))
        for secret in sandboxSecrets { #expect(!banner.contains(secret)) }
        // Stopped means the port no longer answers.
        let (_, after) = await fetch(base.appendingPathComponent("_sandbox"))
        #expect(after == nil)
    }

    @Test("a port out of range or an empty host is a usage error")
    func badOptions() async throws {
        let harness = CLIHarness()
        #expect(await harness.run("sandbox", "serve", "--port", "70000").code == .usage)
        #expect(await harness.run("sandbox", "serve", "--host", "").code == .usage)
    }
}

/// The sandbox URL the serve closure saw, read after serve returned.
final class SeenSandbox: Sendable {
    private let value = Mutex<URL?>(nil)
    var url: URL? { value.withLock { $0 } }
    func set(_ url: URL) { value.withLock { $0 = url } }
}

/// GETs `url` with URLSession; the status, or `nil` when nothing answered.
func fetch(_ url: URL) async -> (Data, Int?) {
    var request = URLRequest(url: url)
    request.timeoutInterval = 5
    do {
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode)
    } catch {
        return (Data(), nil)
    }
}
