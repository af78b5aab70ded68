import AuthCore
import AuthCoreAsyncHTTPClient
import FlowerhubKit
import Foundation

// The README's AuthCoreAsyncHTTPClient example, exactly as printed there. Compiled, not run.

enum ReadmeAsyncHTTPClientExamples {
    static func serverApp() async throws {
        // One transport for the whole process: AsyncHTTPClient on SwiftNIO, URLSession's rules.
        let transport = AsyncHTTPClientTransport.shared
        let api = try APIClient(
            configuration: .init(baseURL: URL(string: "https://api.example.com")!), transport: transport)
        let flowerhub = try FlowerhubClient(transport: transport)
        _ = (api, flowerhub)
    }
}
