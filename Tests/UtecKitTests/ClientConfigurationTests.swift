import AuthCore
import Foundation
import TestSupport
import Testing

@testable import UtecKit

@Suite("Client configuration")
struct ClientConfigurationTests {
    @Test("defaults: api.u-tec.com, 30 s, echo custom data, UUID message ids")
    func defaults() throws {
        let configuration = UtecClient.Configuration()
        #expect(configuration.baseURL.absoluteString == "https://api.u-tec.com/")
        #expect(configuration.timeout == .seconds(30))
        #expect(configuration.echoesCustomData)
        #expect(configuration.messageIDs() != configuration.messageIDs())
        #expect(UtecOAuth.defaultTokenURL.absoluteString == "https://oauth.u-tec.com/token")
        #expect(UtecOAuth.defaultAuthorizeURL.absoluteString == "https://oauth.u-tec.com/authorize")
        _ = try UtecClient()
    }

    @Test("bad values are refused with a named error")
    func validation() {
        let cases: [(UtecClient.Configuration, UtecError.Code)] = [
            (UtecClient.Configuration(baseURL: URL(string: "http://api.example.test/")!), .invalidURL),
            (UtecClient.Configuration(baseURL: URL(string: "https://user:pw@api.example.test/")!), .invalidURL),
            (UtecClient.Configuration(baseURL: URL(string: "https://api.example.test/?a=1")!), .invalidURL),
            (UtecClient.Configuration(timeout: .zero), .invalidTimeout),
            (UtecClient.Configuration(timeout: .seconds(90_000)), .invalidTimeout),
            (UtecClient.Configuration(maxConcurrentRequests: 0), .invalidConfiguration),
            (UtecClient.Configuration(maximumDevicesPerQuery: 0), .invalidConfiguration),
            (UtecClient.Configuration(maximumConfirmationDelay: .seconds(-1)), .invalidTimeout),
        ]
        for (configuration, code) in cases {
            #expect(UT.syncError { try UtecClient(configuration: configuration) }?.code == code)
        }
        #expect(
            UT.syncError { try UtecClient(configuration: .init(baseURL: URL(string: "http://127.0.0.1:8080/")!)) }
                == nil)
    }

    @Test("the message id comes from the configuration seam")
    func messageIDSeam() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        let client = try UT.client(transport: transport) { $0.messageIDs = { "fixed-id" } }
        _ = try await client.discoverDevices()
        #expect(UT.actions(transport).first?["header"]?["messageId"] == "fixed-id")
    }

    @Test("without authorization no Authorization header is sent")
    func noAuthorization() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        _ = try await UT.client(transport: transport, authorization: UtecAuthorization.none).discoverDevices()
        #expect(transport.requests.first?.headers[.authorization] == nil)
        #expect(UtecAuthorization.none.description == "UtecAuthorization.none")
    }
}
