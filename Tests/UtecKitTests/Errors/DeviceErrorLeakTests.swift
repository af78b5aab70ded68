import AuthCore
import Foundation
import TestSupport
import Testing

@testable import UtecKit

/// A device error inside an accepted answer (`payload.devices[].error`) is built by UtecKit, not
/// by the pipeline: it must be scrubbed of the request's secrets all the same.
@Suite("Device errors echoing the bearer token are scrubbed")
struct DeviceErrorLeakTests {
    static let canary = "at-canary-devices-3c4d5e6f7a8b"

    /// A server that answers 200 with a device error echoing the Authorization header.
    static func echoingTransport() -> MockTransport {
        MockTransport { request in
            let echoed = request.headers[.authorization] ?? ""
            return .json(
                200,
                #"{"payload":{"devices":[{"id":"\#(UT.lockID)","error":{"code":"E-\#(echoed)","#
                    + #""message":"token \#(echoed) refused"}}]}}"#)
        }
    }

    static func expectClean(_ error: UtecError?, sourceLocation: SourceLocation = #_sourceLocation) {
        var dumped = ""
        dump(error, to: &dumped)
        let text = "\(String(describing: error)) \(error?.message ?? "") \(error?.vendorCode ?? "") \(dumped)"
        #expect(error?.code == .deviceError, sourceLocation: sourceLocation)
        #expect(!text.contains(canary), "the token leaked: \(text.count) characters", sourceLocation: sourceLocation)
    }

    @Test("a query whose devices[].error echoes the token gives a clean deviceError")
    func query() async throws {
        let client = try UT.client(
            transport: Self.echoingTransport(), authorization: .accessToken { Secret(Self.canary) })
        let result = try await client.query(deviceIDs: [UT.lockID])
        #expect(result.failures.count == 1)
        Self.expectClean(result.failures.first)
        #expect(result.failures.first?.message.contains(Redactor.placeholder) == true)
        Self.expectClean(await UT.utecError { try await client.state(of: try UT.device(UT.lockID)) })
    }

    @Test("a command whose devices[].error echoes the token throws a clean deviceError")
    func command() async throws {
        let client = try UT.client(
            transport: Self.echoingTransport(), authorization: .accessToken { Secret(Self.canary) })
        Self.expectClean(await UT.utecError { try await client.send(.unlock, to: try UT.device(UT.lockID)) })
    }
}
