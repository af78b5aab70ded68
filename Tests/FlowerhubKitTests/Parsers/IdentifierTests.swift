import AuthCore
import Foundation
import Testing

@testable import FlowerhubKit

/// The identifier rule the kit's parsers apply to every id they store or send back in a path
/// (AuthCore's `JSONValue.positiveIdentifier`).
@Suite("Identifiers")
struct IdentifierTests {
    static func id(_ value: JSONValue?) -> Int? {
        value?.positiveIdentifier
    }

    /// Values no id may be read from.
    static let invalid: [JSONValue] = [
        0, -1, 0.5, 12.9, 1e30, -0.0, "abc", true, false, "", " ", "0", "-5", "+5", "1.0", "1e3", "0x10",
        "12abc", "99999999999999999999", .null, [], [:], [12], ["id": 12],
    ]

    @Test("an id is a positive integer in Int range, as a JSON integer or a string of digits")
    func accepted() throws {
        #expect(Self.id(1) == 1)
        #expect(Self.id(880045) == 880045)
        #expect(Self.id("12") == 12)
        #expect(Self.id(" 40123\n") == 40123)
        #expect(Self.id(.number(JSONNumber(Int.max))) == Int.max)
        #expect(Self.id(.string(String(Int.max))) == Int.max)
        #expect(Self.id(try JSONValue(jsonData: Data("12.0".utf8))) == 12)
        #expect(Self.id(try JSONValue(jsonData: Data("8.80045e5".utf8))) == 880045)
    }

    @Test("zero, negatives, fractions, huge numbers, booleans, words and containers are not ids")
    func refused() {
        for value in Self.invalid {
            #expect(Self.id(value) == nil, "\(value)")
        }
        #expect(Self.id(JSONNumber("9223372036854775808").map(JSONValue.number)) == nil)
        #expect(Self.id(JSONNumber("-9223372036854775808").map(JSONValue.number)) == nil)
    }

    @Test(
        "withAssetId refuses every invalid id, clears the stored one and never stores a truncated value",
        arguments: [#"0"#, #"-1"#, #"0.5"#, #"1e30"#, #""abc""#, #"true"#])
    func assetIdRefused(raw: String) async throws {
        let harness = try await Harness()
        await harness.client.setAssetId(111)
        harness.transport.enqueue(.json(200, #"{"id": 40123, "assetId": \#(raw)}"#))
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchAssetId(assetOwnerId: 40123)
        }
        #expect(error?.message.contains("Failed to parse assetId") == true)
        #expect(error?.message.contains("positive integer") == true)
        #expect(await harness.client.assetId == nil)
    }

    @Test(
        "profile, owner details and revenue refuse an id that is not a positive integer",
        arguments: [#"0"#, #"0.5"#, #"-3"#, #"true"#])
    func requiredIds(raw: String) async throws {
        let harness = try await Harness()
        for _ in 0..<3 { harness.transport.enqueue(.json(200, #"{"id": \#(raw)}"#)) }
        let client = harness.client
        let owner = 40123
        let profile = await #expect(throws: FlowerhubError.self) {
            try await client.fetchAssetOwnerProfile(assetOwnerId: owner)
        }
        let details = await #expect(throws: FlowerhubError.self) {
            try await client.fetchAssetOwner(assetOwnerId: owner)
        }
        let revenue = await #expect(throws: FlowerhubError.self) { try await client.fetchRevenue(assetId: 880045) }
        for error in [profile, details, revenue] {
            #expect(error?.message.contains("missing or invalid id") == true)
        }
    }

    @Test("an asset whose own id is not a valid id reads it as nil, not as a truncated number")
    func assetOwnId() throws {
        let body: JSONValue = ["id": 0.5, "flowerHubStatus": ["status": "Connected"]]
        let fetch = try FlowerhubParsers.assetFetch(from: body, now: Date())
        #expect(fetch.asset.id == nil)
    }
}
