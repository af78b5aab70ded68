import AuthCore
import Foundation
import TestSupport
import Testing

@testable import BticinoKit

@Suite("Configuration")
struct ClientConfigurationTests {
    @Test("defaults: hosts, client id, scope, app version, user agent")
    func defaults() {
        let configuration = BticinoClient.Configuration(clientSecret: "s")
        #expect(configuration.baseURL.absoluteString == "https://app.netatmo.net")
        #expect(configuration.pushURL.absoluteString == "wss://app-ws.netatmo.net/ws/")
        #expect(configuration.signalingURL.absoluteString == "wss://app-ws.netatmo.net/appws/")
        #expect(configuration.turnURL.absoluteString == "https://app-turn.netatmo.net/api/getcredentials")
        #expect(configuration.clientID == "na_client_android_welcome")
        #expect(configuration.scope == "security_scopes")
        #expect(configuration.appVersion == "4.1.1.3")
        #expect(configuration.refreshSkew == .seconds(60))
        #expect(
            configuration.userAgent == "NetatmoApp(Security/v4.1.1.3/4401103) Android(13/Google/sdk_gphone64_arm64)")
    }

    @Test("bad values are refused with a typed error naming them")
    func invalid() {
        func refuse(_ change: (inout BticinoClient.Configuration) -> Void) {
            var configuration = BticinoClient.Configuration(clientSecret: "s")
            change(&configuration)
            #expect(throws: BticinoError.self) { try BticinoClient(configuration: configuration) }
        }
        refuse { $0.clientSecret = "" }
        let error = try? #require(throws: BticinoError.self) { try BticinoClient() }
        #expect(error?.message == "clientSecret must not be empty")
        refuse { $0.clientID = " " }
        refuse { $0.baseURL = URL(string: "http://example.com")! }
        refuse { $0.pushURL = URL(string: "ws://example.com/ws/")! }
        refuse { $0.timeout = .zero }
        refuse { $0.push.bufferCapacity = 0 }
        refuse { $0.push.backoff.jitter = 2 }
        refuse { $0.push.fullResetAfterFailures = 0 }
        var loopback = BticinoClient.Configuration(clientSecret: "s")
        loopback.baseURL = URL(string: "http://127.0.0.1:8080/netatmo")!
        loopback.pushURL = URL(string: "ws://127.0.0.1:8080/ws/")!
        #expect(throws: Never.self) { try BticinoClient(configuration: loopback) }
    }
}

extension ClientConfigurationTests {
    @Test("REST calls add the kit's and AuthCore's versions after the app's User-Agent, unless told not to")
    func kitVersionInUserAgent() async throws {
        let app = "NetatmoApp(Security/v4.1.1.3/4401103) Android(13/Google/sdk_gphone64_arm64)"
        for sends in [true, false] {
            let transport = MockTransport()
            let client = try await BT.signedIn(transport) { $0.sendsKitVersion = sends }
            transport.enqueue(.fixture(200, "bticino/homesdata.json"), path: "/api/homesdata")
            _ = try await client.topology()
            let expected =
                sends ? app + " BticinoKit/\(BticinoKitVersion.current) AuthCore/\(AuthCoreVersion.current)" : app
            #expect(transport.requests.first?.headers[.userAgent] == expected)
        }
    }
}
