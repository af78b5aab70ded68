import AuthCore
import Foundation

extension ViessmannClient {
    /// The error types that fail one device of a gateway refresh rather than the whole call.
    static let perDeviceErrorTypes: Set<String> = [
        "DEVICE_COMMUNICATION_ERROR", "DEVICE_NOT_FOUND", "PACKAGE_NOT_PAID_FOR",
    ]

    /// Refreshes the enabled, ready features of several devices of one gateway with one request,
    /// keeping the others when one device fails.
    ///
    /// One `POST` to the gateway-level filter reads every device's features; they are grouped by
    /// the device id in each feature's `uri`. Devices missing from that answer are read one by one,
    /// and so are all of them when the bulk call fails with `DEVICE_COMMUNICATION_ERROR`. A device
    /// whose read fails with `DEVICE_COMMUNICATION_ERROR`, `DEVICE_NOT_FOUND` or
    /// `PACKAGE_NOT_PAID_FOR`, or whose answer cannot be read (not JSON, truncated, the wrong shape),
    /// keeps its old features and has its error in ``ViessmannGatewayRefresh/errors``; anything else (a refused token, a 429, a 5xx, no
    /// network) ends the whole call.
    ///
    /// - Throws: ``ViessmannError`` `invalidArgument` before any request when the list is empty,
    ///   the devices are not all of one installation and gateway, or two have the same id.
    public func updateGatewayDevices(_ devices: [ViessmannDevice]) async throws -> ViessmannGatewayRefresh {
        guard let first = devices.first else {
            throw ViessmannError(.invalidArgument, "no devices to refresh")
        }
        guard
            devices.allSatisfy({ $0.installationID == first.installationID && $0.gatewaySerial == first.gatewaySerial })
        else {
            throw ViessmannError(.invalidArgument, "the devices are not all of one installation and gateway")
        }
        guard Set(devices.map(\.id)).count == devices.count else {
            throw ViessmannError(.invalidArgument, "two devices have the same id")
        }
        try Self.requireIDs(["installationID": first.installationID, "gatewaySerial": first.gatewaySerial])
        var grouped: [String: [JSONValue]] = [:]
        do {
            let features = try await send(
                ViessmannEndpoints.gatewayFeatures(
                    installationID: first.installationID, gatewaySerial: first.gatewaySerial))
            for feature in features {
                guard let id = Self.deviceID(of: feature) else { continue }
                grouped[id, default: []].append(.object(feature))
            }
        } catch let error as APIError where Self.serviceError(error)?.isDeviceCommunicationError == true {
            grouped = [:]
        }
        var result = ViessmannGatewayRefresh(devices: [], errors: [:])
        for device in devices {
            if let raw = grouped[device.id], let features = try? ViessmannFeatureFlattener.features(in: raw) {
                result.devices.append(
                    device.with(features: Self.filter(features, onlyEnabled: true, names: nil)))
                continue
            }
            do {
                result.devices.append(try await updateDevice(device, onlyEnabled: true))
            } catch  where Self.failsOneDevice(error) {
                result.devices.append(device)
                result.errors[device.id] = error
            }
        }
        return result
    }

    /// Whether `error` from one device's read is that device's failure rather than the whole call's:
    /// its `DEVICE_COMMUNICATION_ERROR`, `DEVICE_NOT_FOUND` or `PACKAGE_NOT_PAID_FOR`, or an answer
    /// that could not be read (`APIError` `invalidResponse`/`decoding`, ``ViessmannError`` `invalidResponse`).
    static func failsOneDevice(_ error: any Error) -> Bool {
        switch error {
        case let error as APIError:
            if error.kind == .invalidResponse || error.kind == .decoding { return true }
            return serviceError(error)?.errorType.map(perDeviceErrorTypes.contains) == true
        case let error as ViessmannError:
            return error.code == .invalidResponse
        default:
            return false
        }
    }

    static func serviceError(_ error: APIError) -> ViessmannServiceError? {
        error.vendorError(as: ViessmannServiceError.self)
    }

    /// The device id in a feature's `uri` (`…/devices/<id>/features/…`, percent-decoded), else `deviceId`.
    static func deviceID(of feature: [String: JSONValue]) -> String? {
        if let uri = feature["uri"]?.stringValue, let path = URLComponents(string: uri)?.percentEncodedPath {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            if let index = segments.firstIndex(of: "devices"), segments.index(after: index) < segments.endIndex {
                let raw = String(segments[segments.index(after: index)])
                if !raw.isEmpty { return raw.removingPercentEncoding ?? raw }
            }
        }
        return ViessmannResponseReader.text(feature["deviceId"])
    }
}
