import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import FlowerhubKit

/// A 2xx login or refresh whose body is not what the portal sends.
@Suite("Login and refresh bodies")
struct LoginValidationTests {
    /// 2xx login bodies that are not JSON at all: AuthCore's `APIError` of kind `invalidResponse`.
    static let nonJSONLogins: Set<String> = ["html page", "not JSON", "empty"]

    /// 2xx login bodies that are not a login.
    static let garbageLogins: [(String, MockResponse)] = [
        ("html page", fh("error-500.html", 200)),
        ("not JSON", .status(200, body: Data("Welcome back!".utf8), headers: [.contentType: "text/plain"])),
        ("empty", .status(200)),
        ("a list", .json(200, "[]")),
        ("user not an object", fh("login-user-not-object.json")),
        ("no user", fh("login-no-user.json")),
        ("owner id 0.5", fh("login-owner-id-fraction.json")),
        ("owner id 0", .json(200, #"{"user": {"assetOwnerId": 0}}"#)),
        ("owner id -1", .json(200, #"{"user": {"assetOwnerId": -1}}"#)),
        ("owner id 1e30", .json(200, #"{"user": {"assetOwnerId": 1e30}}"#)),
        ("owner id abc", .json(200, #"{"user": {"assetOwnerId": "abc"}}"#)),
        ("owner id true", .json(200, #"{"user": {"assetOwnerId": true}}"#)),
    ]

    @Test(
        "a 2xx login that is not a login throws invalidResponse and leaves no owner id, old or garbage",
        arguments: 0..<garbageLogins.count)
    func garbageLoginThrows(index: Int) async throws {
        let (name, response) = Self.garbageLogins[index]
        let harness = try await Harness()
        await harness.client.setAssetOwnerId(777)
        harness.transport.enqueue(response)
        let thrown = await #expect(throws: (any Error).self, "\(name)") {
            try await harness.client.login(username: "kim@example.test", password: "pw-for-tests")
        }
        if Self.nonJSONLogins.contains(name) {
            // Not JSON at all: AuthCore's typed answer for what crossed the network unreadable.
            let error = try #require(thrown as? APIError, "\(name)")
            #expect(error.kind == .invalidResponse, "\(name)")
            #expect(error.status == 200)
            #expect(error.url == "\(portalBase)/auth/login")
        } else {
            let error = try #require(thrown as? FlowerhubError, "\(name)")
            #expect(error.code == .invalidResponse, "\(name)")
            #expect(error.message.hasPrefix("login:"), "\(name)")
            #expect(error.status == 200)
            #expect(error.url == "\(portalBase)/auth/login")
        }
        #expect(await harness.client.assetOwnerId == nil, "\(name)")
        #expect(harness.apiErrors.count == 1)
    }

    @Test("without throwing, a garbage login is returned as invalidResponse and clears the owner id")
    func garbageLoginReturned() async throws {
        let harness = try await Harness()
        await harness.client.setAssetOwnerId(777)
        harness.transport.enqueue(fh("login-owner-id-fraction.json"))
        let result = try await harness.client.loginResult(username: "kim@example.test", password: "pw")
        #expect(message(of: result.error).contains("user.assetOwnerId is not a positive integer"))
        #expect(result.value == nil)
        #expect(result.statusCode == 200)
        #expect(await harness.client.assetOwnerId == nil)
    }

    @Test("a login for a user acting for no owner succeeds and clears the previous owner id")
    func installerLogin() async throws {
        let harness = try await Harness()
        await harness.client.setAssetOwnerId(777)
        harness.transport.enqueue(fh("login-installer.json"))
        let result = try await harness.client.loginResult(username: "installer@example.test", password: "pw")
        #expect(result.error == nil)
        #expect(result.value?.user?.installerId == 312)
        #expect(result.value?.user?.assetOwnerId == nil)
        #expect(await harness.client.assetOwnerId == nil)
    }

    @Test(
        "a refresh whose body names no valid owner id keeps the previous one, logged at debug without the body",
        arguments: [
            "refresh-ok.json", "refresh-owner-id-fraction.json", "error-500.html", "login-user-not-object.json",
        ])
    func refreshGarbageKeepsOwner(fixture: String) async throws {
        let capture = LogCapture()
        let harness = try await Harness(logger: capture.logger)
        await harness.client.setAssetOwnerId(40123)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset-owner/")
        harness.transport.enqueue(fh(fixture, 200), path: "/auth/refresh-token")
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/")
        let assetId = try await harness.client.fetchAssetId()
        #expect(assetId == 880045)
        #expect(await harness.client.assetOwnerId == 40123)
        let line = try #require(capture.text.split(separator: "\n").first { $0.contains("keeping the previous one") })
        #expect(line.hasPrefix("debug"))
        for bodyText in ["Bad gateway", "kim.andersson", "\"ok\""] {
            #expect(!capture.text.contains(bodyText))
        }
    }

    @Test("a refresh with a valid owner id in either shape still updates it")
    func refreshValidOwner() async throws {
        let harness = try await Harness()
        await harness.client.setAssetOwnerId(40123)
        harness.transport.enqueue(fh("error-401.json", 401), path: "/asset-owner/")
        harness.transport.enqueue(fh("refresh-flat.json"), path: "/auth/refresh-token")
        harness.transport.enqueue(fh("with-asset-id.json"), path: "/asset-owner/")
        try await harness.client.fetchAssetId()
        #expect(await harness.client.assetOwnerId == 40125)
    }

    @Test("the public readers give no owner id for an invalid one instead of a truncated number")
    func publicReaders() throws {
        let fraction = try JSONValue(jsonData: Fixture.data("flowerhub/login-owner-id-fraction.json"))
        #expect(FlowerhubParsers.loginResponse(from: fraction)?.user?.assetOwnerId == nil)
        #expect(FlowerhubParsers.loginResponse(from: fraction)?.user?.id == 551002)
        #expect(FlowerhubParsers.authenticatedUser(from: ["assetOwnerId": 0])?.assetOwnerId == nil)
        #expect(FlowerhubParsers.authenticatedUser(from: ["assetOwnerId": "12"])?.assetOwnerId == 12)
    }
}
