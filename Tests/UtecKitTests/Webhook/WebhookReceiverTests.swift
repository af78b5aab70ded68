import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("Webhook receiver: bearer secret, statuses")
struct WebhookReceiverTests {
    static let secret: Secret = "push-secret-abc123"

    @Test("the right bearer secret is accepted with 200 {success:true} and the parsed notification")
    func accepted() throws {
        let receiver = UtecWebhookReceiver(secret: Self.secret)
        let response = receiver.handle(
            method: "POST", authorization: "Bearer push-secret-abc123",
            body: try Fixture.data("utec/notification-device-state.json"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"success":true}"#)
        #expect(response.notification?.states.first?.deviceID == UT.lightID)
        #expect(
            receiver.handle(method: "post", authorization: "bearer push-secret-abc123", body: Data("[]".utf8)).status
                == 200)
    }

    @Test("forged, missing and malformed secrets are refused; no secret set refuses everything")
    func refused() throws {
        let body = try Fixture.data("utec/notification-bare-array.json")
        let receiver = UtecWebhookReceiver(secret: Self.secret)
        let cases: [(String?, Int)] = [
            ("Bearer push-secret-abc124", 403), ("Bearer push-secret-abc12", 403), ("Bearer push-secret-abc1234", 403),
            ("Bearer ", 401), (nil, 401), ("Basic cHVzaA==", 401), ("push-secret-abc123", 401),
            ("Bearer PUSH-SECRET-ABC123", 403),
        ]
        for (header, status) in cases {
            let response = receiver.handle(method: "POST", authorization: header, body: body)
            #expect(response.status == status, "\(header ?? "nil")")
            #expect(response.notification == nil)
        }
        #expect(
            UtecWebhookReceiver(secret: nil).handle(method: "POST", authorization: "Bearer x", body: body).status == 401
        )
        #expect(
            UtecWebhookReceiver(secret: "").handle(method: "POST", authorization: "Bearer ", body: body).status == 401)
    }

    @Test("non-POST is 405, a bad body with the right secret is 400, verification happens before parsing")
    func statuses() {
        let receiver = UtecWebhookReceiver(secret: Self.secret)
        #expect(receiver.handle(method: "GET", authorization: "Bearer push-secret-abc123", body: Data()).status == 405)
        #expect(
            receiver.handle(method: "POST", authorization: "Bearer push-secret-abc123", body: Data("{".utf8)).status
                == 400)
        #expect(receiver.handle(method: "POST", authorization: "Bearer wrong", body: Data("{".utf8)).status == 403)
        let refused = receiver.handle(method: "POST", authorization: "Bearer wrong", body: Data())
        #expect(String(decoding: refused.body, as: UTF8.self).contains("webhookForbidden"))
    }

    @Test("a body over 1 MiB is refused with 413 without being parsed")
    func oversized() {
        let receiver = UtecWebhookReceiver(secret: Self.secret)
        let huge = Data(repeating: 0x20, count: UtecWebhookReceiver.maximumBodySize + 1)
        #expect(receiver.handle(method: "POST", authorization: "Bearer push-secret-abc123", body: huge).status == 413)
    }

    @Test("verify throws typed errors; constant-time compare handles unequal lengths")
    func verify() throws {
        let receiver = UtecWebhookReceiver(secret: Self.secret)
        try receiver.verify(authorization: "Bearer push-secret-abc123")
        #expect(UT.syncError { try receiver.verify(authorization: "Bearer nope") }?.code == .webhookForbidden)
        #expect(UT.syncError { try receiver.verify(authorization: nil) }?.code == .webhookUnauthorized)
        // A longer or shorter guess that starts with the secret is refused too.
        #expect(
            UT.syncError { try receiver.verify(authorization: "Bearer push-secret-abc1234") }?.code == .webhookForbidden
        )
        #expect(
            UT.syncError { try receiver.verify(authorization: "Bearer push-secret-abc12") }?.code == .webhookForbidden)
    }

    @Test("secrets are fresh, long, and never printed")
    func secrets() {
        let first = UtecWebhookReceiver.makeSecret()
        let second = UtecWebhookReceiver.makeSecret()
        #expect(first != second && first.revealed.count == 64)
        let receiver = UtecWebhookReceiver(secret: first)
        var dumped = ""
        dump(receiver, to: &dumped)
        #expect(!dumped.contains(first.revealed) && !receiver.description.contains(first.revealed))
        let refused = receiver.handle(method: "POST", authorization: "Bearer \(first.revealed)x", body: Data())
        #expect(!(refused.error?.description.contains(first.revealed) ?? true))
    }
}
