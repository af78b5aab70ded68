import AuthCore
import Foundation
import Testing

@testable import FlowerhubKit

/// The lenient rules the kit's parsers read the portal's inconsistent fields with (AuthCore's
/// `JSONValue.lenientInt`, `lenientDouble` and `lenientString`), as the kit relies on them.
@Suite("Lenient number and text conversion")
struct LenientTests {
    static func int(_ value: JSONValue) -> Int? { value.lenientInt }
    static func double(_ value: JSONValue) -> Double? { value.lenientDouble }
    static func string(_ value: JSONValue) -> String? { value.lenientString }

    @Test("int accepts integers, truncates fractions and reads integer text")
    func ints() {
        #expect(Self.int(42) == 42)
        #expect(Self.int(42.9) == 42)
        #expect(Self.int(-4.7) == -4)
        #expect(Self.int(" 42 ") == 42)
        #expect(Self.int("-7") == -7)
    }

    @Test("int rejects fractional text, words, booleans, null and containers")
    func intRejects() {
        for value: JSONValue in ["4.2", "abc", "", true, .null, [], [:], 1e30] {
            #expect(Self.int(value) == nil, "\(value)")
        }
    }

    @Test("double accepts numbers and plain numeric text")
    func doubles() {
        #expect(Self.double(42) == 42.0)
        #expect(Self.double("3.14") == 3.14)
        #expect(Self.double(" 1.5 ") == 1.5)
        #expect(Self.double("-3e2") == -300)
    }

    @Test("double rejects commas, nan, inf, hex, booleans and null")
    func doubleRejects() {
        for value: JSONValue in ["12,5", "nan", "inf", "0x1p3", "", true, .null, ["1"]] {
            #expect(Self.double(value) == nil, "\(value)")
        }
    }

    @Test("string writes numbers and booleans as text and keeps null as nil, never None")
    func strings() {
        #expect(Self.string("a") == "a")
        #expect(Self.string(12) == "12")
        #expect(Self.string(-412.5) == "-412.5")
        #expect(Self.string(false) == "false")
        #expect(Self.string(.null) == nil)
        #expect(Self.string(["a": 1]) == #"{"a":1}"#)
    }
}

@Suite("Payload parsers, called directly")
struct ParserTests {
    @Test("the refresh user is found in the wrapped and the flat shape, and not in an ok body")
    func authenticatedUser() {
        #expect(AuthParsers.authenticatedUser(["user": ["assetOwnerId": "5"]])?.assetOwnerId == 5)
        #expect(AuthParsers.authenticatedUser(["id": 1, "assetOwnerId": 6])?.assetOwnerId == 6)
        #expect(AuthParsers.authenticatedUser(["ok": true]) == nil)
        #expect(AuthParsers.authenticatedUser(nil) == nil)
        #expect(AuthParsers.loginResponse(.array([])) == nil)
    }

    @Test("status validation needs an object with a non-blank status")
    func statusValidation() throws {
        let now = Date(timeIntervalSince1970: 1_000)
        #expect(throws: PayloadIssue.self) { try AssetParsers.flowerhubStatus(nil, now: now) }
        #expect(throws: PayloadIssue.self) { try AssetParsers.flowerhubStatus(["status": .null], now: now) }
        let status = try AssetParsers.flowerhubStatus(["status": "Connected", "message": 3], now: now)
        #expect(status == FlowerhubStatus(status: "Connected", message: "3", updatedAt: now))
    }

    @Test("an empty agreement object has both sides nil")
    func emptyAgreement() throws {
        #expect(try AgreementParser.agreement([:]) == FlowerhubElectricityAgreement(consumption: nil, production: nil))
    }

    @Test("pie ratios are nil without any category")
    func pieRatios() {
        let pie = FlowerhubUptimePie(uptime: 0, downtime: 0, noData: nil)
        #expect(pie.uptimeRatioTotal == nil)
        #expect(pie.uptimeRatioActual == nil)
        #expect(
            FlowerhubUptimePie(uptime: 2_500_000, downtime: 5_000, noData: nil).uptimeRatioTotal.map { $0 > 99 } == true
        )
    }
}
