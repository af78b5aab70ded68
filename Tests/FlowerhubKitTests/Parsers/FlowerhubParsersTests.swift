import AuthCore
import FlowerhubKit
import Foundation
import Testing
import VendorFixtures

/// The public parser facade, used without `@testable` as a caller would.
@Suite("Public parsers")
struct FlowerhubParsersTests {
    func body(_ name: String) throws -> JSONValue {
        try JSONValue(jsonData: Fixture.data("flowerhub/\(name)"))
    }

    @Test("every reader accepts its fixture")
    func readersAcceptFixtures() throws {
        let now = Date(timeIntervalSince1970: 1_773_576_000)
        #expect(try FlowerhubParsers.assetId(from: body("with-asset-id.json")) == 880045)
        #expect(try FlowerhubParsers.assetFetch(from: body("asset.json"), now: now).flowerhubStatus.updatedAt == now)
        #expect(
            try FlowerhubParsers.flowerhubStatus(from: body("asset.json")["flowerHubStatus"], now: now).status
                == "Connected")
        #expect(
            try FlowerhubParsers.electricityAgreement(from: body("electricity-agreement.json")).production?.stateId == 2
        )
        #expect(try FlowerhubParsers.invoices(from: body("invoices.json")).count == 2)
        #expect(try FlowerhubParsers.consumption(from: body("consumption.json")).count == 3)
        #expect(try FlowerhubParsers.profile(from: body("profile.json")).installer.name == "Solkraft Montage AB")
        #expect(
            try FlowerhubParsers.assetOwnerDetails(from: body("asset-owner.json")).asset.serialNumber
                == "FH-2024-00088045")
        #expect(try FlowerhubParsers.revenue(from: body("revenue-strings.json")).compensation == 351.9)
        #expect(try FlowerhubParsers.uptimeMonths(from: body("uptime-months.json")).count == 3)
        #expect(try FlowerhubParsers.uptimeHistory(from: body("uptime-history.json")).count == 3)
        #expect(try FlowerhubParsers.uptimePie(from: body("uptime-pie.json")).uptimeRatioActual == 96)
        #expect(FlowerhubParsers.loginResponse(from: try body("login.json"))?.user?.assetOwnerId == 40123)
        #expect(FlowerhubParsers.authenticatedUser(from: try body("refresh-flat.json"))?.assetOwnerId == 40125)
        #expect(JSONValue.string("42").lenientInt == 42)
        #expect(JSONValue.string("12,5").lenientDouble == nil)
    }

    @Test("a wrong shape throws invalidResponse with the payload and no request context")
    func wrongShape() throws {
        let list: JSONValue = [1]
        #expect(
            throws: FlowerhubError(
                code: .invalidResponse, message: "invoice: expected list (JSON array), got dict", payload: ["a": 1])
        ) {
            try FlowerhubParsers.invoices(from: ["a": 1])
        }
        let error = #expect(throws: FlowerhubError.self) { try FlowerhubParsers.profile(from: list) }
        #expect(error?.message.contains("expected dict") == true)
        #expect(error?.status == nil)
        #expect(error?.url == nil)
        #expect(String(describing: error).contains("FlowerhubError.invalidResponse"))
        #expect(throws: FlowerhubError.self) {
            try FlowerhubParsers.assetFetch(from: try body("asset-status-string.json"), now: Date())
        }
    }
}
