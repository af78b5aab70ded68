import AuthCore
import Foundation

/// A client that serves one named device's captured features offline, so an app can be built and
/// tested without an account: the counterpart of vi_api_client's `MockViClient`.
///
/// It is a ``ViessmannClient`` over a fixture adapter, so parsing, filtering and command
/// validation are exactly the live client's. It has one installation (`99999`, "Mock
/// Installation (<name>)"), one gateway (`MOCK_GATEWAY_SERIAL`) and one device (`"0"`, model
/// `<name>`). Writing a value is validated as for real and then succeeds without changing the
/// captured values.
///
/// ```swift
/// let mock = try ViessmannMockClient(device: "Vitocal250A", catalog: catalog)
/// let device = try await mock.device()
/// let slope = device.feature(named: "heating.circuits.0.heating.curve.slope")
/// ```
public struct ViessmannMockClient: Sendable {
    /// The device served.
    public let deviceName: String
    /// The client over the fixture adapter; every ``ViessmannClient`` call works on it.
    public let client: ViessmannClient
    private let hasAnalytics: Bool

    /// Creates a mock client for a device of the catalog.
    ///
    /// - Throws: ``ViessmannError`` `unknownMockDevice` listing the available devices.
    public init(device name: String, catalog: ViessmannMockCatalog) throws {
        let features = try catalog.features(of: name)
        let analytics = catalog.analytics(of: name)
        deviceName = name
        hasAnalytics = analytics != nil
        let transport = ViessmannFixtureTransport(deviceName: name, features: features, analytics: analytics)
        let provider = ClosureTokenProvider { Secret("mock_token") }
        client = try ViessmannClient(
            configuration: ViessmannClient.Configuration(tokens: .provider(provider)),
            transport: transport)
    }

    /// The one installation.
    public func installations() async throws -> [ViessmannInstallation] {
        try await client.installations()
    }

    /// The one gateway.
    public func gateways() async throws -> [ViessmannGateway] {
        try await client.gateways()
    }

    /// The one device, optionally with its features.
    public func devices(includeFeatures: Bool = false, onlyActiveFeatures: Bool = false) async throws
        -> [ViessmannDevice]
    {
        try await client.devices(
            installationID: ViessmannFixtureTransport.installationID,
            gatewaySerial: ViessmannFixtureTransport.gatewaySerial, includeFeatures: includeFeatures,
            onlyActiveFeatures: onlyActiveFeatures)
    }

    /// The device with all its features.
    public func device() async throws -> ViessmannDevice {
        guard let device = try await devices(includeFeatures: true).first else {
            throw ViessmannError(.unknownMockDevice, "the mock has no device")
        }
        return device
    }

    /// The device's features, filtered locally like the live client's.
    public func features(of device: ViessmannDevice, onlyEnabled: Bool = false, names: [String]? = nil)
        async throws -> [ViessmannFeature]
    {
        try await client.features(of: device, onlyEnabled: onlyEnabled, names: names)
    }

    /// One API feature, flattened.
    public func feature(named apiFeatureName: String, of device: ViessmannDevice) async throws -> [ViessmannFeature] {
        try await client.feature(named: apiFeatureName, of: device)
    }

    /// The device with its features read again.
    public func updateDevice(_ device: ViessmannDevice, onlyEnabled: Bool = true) async throws -> ViessmannDevice {
        try await client.updateDevice(device, onlyEnabled: onlyEnabled)
    }

    /// Validates and "writes" a value: the answer is a success and the returned device has the value.
    public func setFeature(_ name: String, to value: JSONValue, on device: ViessmannDevice) async throws
        -> ViessmannSetResult
    {
        try await client.setFeature(name, to: value, on: device)
    }

    /// Validates and "runs" a command with explicit parameters.
    public func executeCommand(of feature: ViessmannFeature, parameters: [String: JSONValue]) async throws
        -> ViessmannCommandResponse
    {
        try await client.executeCommand(of: feature, parameters: parameters)
    }

    /// The captured analytics as `analytics.*` features, or none when the catalog has no analytics
    /// for the device.
    public func consumption(
        of device: ViessmannDevice, start: String, end: String, metric: ViessmannConsumptionMetric = .summary,
        resolution: ViessmannResolution = .day
    ) async throws -> [ViessmannFeature] {
        guard hasAnalytics else { return [] }
        return try await client.consumption(of: device, start: start, end: end, metric: metric, resolution: resolution)
    }
}
