import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("A 401 that sets cookies still refreshes the session")
struct ChallengeCookieTests {
    @Test(
        "a 401 setting a load balancer cookie or clearing Authentication refreshes and retries",
        arguments: ["AWSALB=lb-2; Path=/", "Authentication=; Path=/; Max-Age=0"]
    )
    func challengeWithCookie(challengeCookie: String) async throws {
        let harness = try await Harness()
        let login = setCookies(
            "Authentication=acc-1; Path=/; Secure", "Refresh=ref-1; Path=/; Secure", "AWSALB=lb-1; Path=/"
        )
        let refreshed = setCookies("Authentication=acc-2; Path=/; Secure")
        harness.transport.enqueue(fh("login.json", headers: login), path: "/auth/login")
        harness.transport.enqueue(fh("error-401.json", 401, headers: setCookies(challengeCookie)), path: "/asset-owner")
        harness.transport.enqueue(fh("refresh-wrapped.json", headers: refreshed), path: "/auth/refresh-token")
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner")
        try await harness.client.login(username: "kim@example.test", password: "pw")
        let assetId = try await harness.client.fetchAssetId()
        #expect(assetId == 880045)
        let asset = "/asset-owner/40123/withAssetId"
        #expect(harness.paths == ["/auth/login", asset, "/auth/refresh-token", asset])
        let requests = harness.transport.requests
        try #require(requests.count == 4)
        #expect(requests[2].headers[.cookie]?.contains("Refresh=ref-1") == true)
        #expect(requests[3].headers[.cookie]?.contains("Authentication=acc-2") == true)
        #expect(harness.authFailures.count == 0)
    }
}
