import AuthCore
import Foundation

/// The payload readers the client uses, public for callers that obtain portal bodies some other
/// way (a cache, a proxy, a recorded session). The counterpart of the original `parsers` module.
///
/// Each reader takes the body parsed as ``JSONValue`` and applies the same lenient rules as the
/// client. A body of the wrong shape throws ``FlowerhubError/invalidResponse(message:status:url:payload:)``
/// with the same messages the client uses ("expected dict", "expected list", …), without status or URL;
/// its payload is the body only when small, with secret-named members replaced (see the error's documentation).
public enum FlowerhubParsers {
    /// The `assetId` of a `withAssetId` body; `nil` for `"assetId": null`.
    public static func assetId(from json: JSONValue?) throws(FlowerhubError) -> Int? {
        try run(json) { json throws(PayloadIssue) in try AssetParsers.assetId(json) }
    }

    /// A validated `flowerHubStatus` object, stamped with `now`.
    public static func flowerHubStatus(from json: JSONValue?, now: Date) throws(FlowerhubError) -> FlowerHubStatus {
        try run(json) { json throws(PayloadIssue) in try AssetParsers.flowerHubStatus(json, now: now) }
    }

    /// A validated asset body.
    public static func assetFetch(from json: JSONValue?, now: Date) throws(FlowerhubError) -> AssetFetch {
        try run(json) { json throws(PayloadIssue) in try AssetParsers.assetFetch(json, now: now) }
    }

    /// An electricity-agreement body.
    public static func electricityAgreement(from json: JSONValue?) throws(FlowerhubError) -> ElectricityAgreement {
        try run(json) { json throws(PayloadIssue) in try AgreementParser.agreement(json) }
    }

    /// An invoice list.
    public static func invoices(from json: JSONValue?) throws(FlowerhubError) -> [Invoice] {
        try run(json) { json throws(PayloadIssue) in try InvoiceParser.invoices(json) }
    }

    /// A consumption list.
    public static func consumption(from json: JSONValue?) throws(FlowerhubError) -> [ConsumptionRecord] {
        try run(json) { json throws(PayloadIssue) in try ConsumptionParser.records(json) }
    }

    /// A profile body.
    public static func profile(from json: JSONValue?) throws(FlowerhubError) -> AssetOwnerProfile {
        try run(json) { json throws(PayloadIssue) in try OwnerParsers.profile(json) }
    }

    /// An asset-owner details body.
    public static func assetOwnerDetails(from json: JSONValue?) throws(FlowerhubError) -> AssetOwnerDetails {
        try run(json) { json throws(PayloadIssue) in try OwnerParsers.details(json) }
    }

    /// A revenue body.
    public static func revenue(from json: JSONValue?) throws(FlowerhubError) -> Revenue {
        try run(json) { json throws(PayloadIssue) in try OwnerParsers.revenue(json) }
    }

    /// An available-months list.
    public static func uptimeMonths(from json: JSONValue?) throws(FlowerhubError) -> [UptimeMonth] {
        try run(json) { json throws(PayloadIssue) in try UptimeParsers.months(json) }
    }

    /// An uptime-history list.
    public static func uptimeHistory(from json: JSONValue?) throws(FlowerhubError) -> [UptimeHistoryEntry] {
        try run(json) { json throws(PayloadIssue) in try UptimeParsers.history(json) }
    }

    /// An uptime pie list.
    public static func uptimePie(from json: JSONValue?) throws(FlowerhubError) -> UptimePie {
        try run(json) { json throws(PayloadIssue) in try UptimeParsers.pie(json) }
    }

    /// A login body; `nil` when it is not an object.
    public static func loginResponse(from json: JSONValue?) -> LoginResponse? {
        AuthParsers.loginResponse(json)
    }

    /// The user of a login or refresh body, wrapped (`{"user": {...}}`) or flat.
    public static func authenticatedUser(from json: JSONValue?) -> User? {
        AuthParsers.authenticatedUser(json)
    }

    /// The lenient integer rule: integers, fractions truncated toward zero, integer text; nothing else.
    public static func lenientInt(_ value: JSONValue?) -> Int? {
        Lenient.int(value)
    }

    /// The lenient number rule: numbers and plain numeric text; no booleans, NaN, infinities or `"12,5"`.
    public static func lenientDouble(_ value: JSONValue?) -> Double? {
        Lenient.double(value)
    }

    private static func run<T>(_ json: JSONValue?, _ parse: (JSONValue?) throws(PayloadIssue) -> T)
        throws(FlowerhubError) -> T
    {
        do {
            return try parse(json)
        } catch {
            let payload = ErrorPayload.make(json, redactor: .default, secrets: [])
            throw FlowerhubError.invalidResponse(message: error.message, status: nil, url: nil, payload: payload)
        }
    }
}
