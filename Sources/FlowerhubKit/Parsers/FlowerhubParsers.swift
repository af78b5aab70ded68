import AuthCore
import Foundation

/// The payload readers the client uses, public for callers that obtain portal bodies some other
/// way (a cache, a proxy, a recorded session). The counterpart of the original `parsers` module.
///
/// Each reader takes the body parsed as `JSONValue` and applies the same lenient rules as the
/// client (AuthCore's `JSONValue.lenientInt`, `JSONValue.lenientDouble`, `JSONValue.lenientString`
/// and `JSONValue.positiveIdentifier`). A body of the wrong shape throws a ``FlowerhubError`` of code
/// ``FlowerhubError/Code/invalidResponse`` with the same messages the client uses ("expected dict",
/// "expected list", …), without status or URL; its payload is the body only when small, with
/// secret-named members replaced (see ``FlowerhubError/payload``).
public enum FlowerhubParsers {
    /// The `assetId` of a `withAssetId` body; `nil` for `"assetId": null`.
    public static func assetId(from json: JSONValue?) throws(FlowerhubError) -> Int? {
        try run(json) { json throws(PayloadIssue) in try AssetParsers.assetId(json) }
    }

    /// A validated `flowerHubStatus` object, stamped with `now`.
    public static func flowerhubStatus(from json: JSONValue?, now: Date) throws(FlowerhubError) -> FlowerhubStatus {
        try run(json) { json throws(PayloadIssue) in try AssetParsers.flowerhubStatus(json, now: now) }
    }

    /// A validated asset body.
    public static func assetFetch(from json: JSONValue?, now: Date) throws(FlowerhubError) -> FlowerhubAssetFetch {
        try run(json) { json throws(PayloadIssue) in try AssetParsers.assetFetch(json, now: now) }
    }

    /// An electricity-agreement body.
    public static func electricityAgreement(from json: JSONValue?) throws(FlowerhubError)
        -> FlowerhubElectricityAgreement
    {
        try run(json) { json throws(PayloadIssue) in try AgreementParser.agreement(json) }
    }

    /// An invoice list.
    public static func invoices(from json: JSONValue?) throws(FlowerhubError) -> [FlowerhubInvoice] {
        try run(json) { json throws(PayloadIssue) in try InvoiceParser.invoices(json) }
    }

    /// A consumption list.
    public static func consumption(from json: JSONValue?) throws(FlowerhubError) -> [FlowerhubConsumptionRecord] {
        try run(json) { json throws(PayloadIssue) in try ConsumptionParser.records(json) }
    }

    /// A profile body.
    public static func profile(from json: JSONValue?) throws(FlowerhubError) -> FlowerhubAssetOwnerProfile {
        try run(json) { json throws(PayloadIssue) in try OwnerParsers.profile(json) }
    }

    /// An asset-owner details body.
    public static func assetOwnerDetails(from json: JSONValue?) throws(FlowerhubError) -> FlowerhubAssetOwnerDetails {
        try run(json) { json throws(PayloadIssue) in try OwnerParsers.details(json) }
    }

    /// A revenue body.
    public static func revenue(from json: JSONValue?) throws(FlowerhubError) -> FlowerhubRevenue {
        try run(json) { json throws(PayloadIssue) in try OwnerParsers.revenue(json) }
    }

    /// An available-months list.
    public static func uptimeMonths(from json: JSONValue?) throws(FlowerhubError) -> [FlowerhubUptimeMonth] {
        try run(json) { json throws(PayloadIssue) in try UptimeParsers.months(json) }
    }

    /// An uptime-history list.
    public static func uptimeHistory(from json: JSONValue?) throws(FlowerhubError) -> [FlowerhubUptimeHistoryEntry] {
        try run(json) { json throws(PayloadIssue) in try UptimeParsers.history(json) }
    }

    /// An uptime pie list.
    public static func uptimePie(from json: JSONValue?) throws(FlowerhubError) -> FlowerhubUptimePie {
        try run(json) { json throws(PayloadIssue) in try UptimeParsers.pie(json) }
    }

    /// A login body; `nil` when it is not an object.
    public static func loginResponse(from json: JSONValue?) -> FlowerhubLoginResponse? {
        AuthParsers.loginResponse(json)
    }

    /// The user of a login or refresh body, wrapped (`{"user": {...}}`) or flat.
    public static func authenticatedUser(from json: JSONValue?) -> FlowerhubUser? {
        AuthParsers.authenticatedUser(json)
    }

    private static func run<T>(_ json: JSONValue?, _ parse: (JSONValue?) throws(PayloadIssue) -> T)
        throws(FlowerhubError) -> T
    {
        do {
            return try parse(json)
        } catch {
            let payload = ErrorPayload.make(json, redactor: .default, secrets: [])
            throw FlowerhubError(code: .invalidResponse, message: error.message, payload: payload)
        }
    }
}
