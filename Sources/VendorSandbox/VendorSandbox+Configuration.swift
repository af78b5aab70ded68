import Foundation

extension VendorSandbox {
    /// Everything a sandbox needs to start: where it listens and each vendor's settings.
    ///
    /// ```swift
    /// var configuration = VendorSandbox.Configuration()
    /// configuration.flowerhub.password = "canary-password"
    /// configuration.entra.clientSecret = "canary-secret"
    /// configuration.businessCentral.customers = 1_200
    /// ```
    public struct Configuration: Sendable {
        /// The address to listen on; loopback by default (the sandbox is for tests: never expose it).
        public var host: String
        /// Flowerhub's account and cookie lifetimes.
        public var flowerhub: SandboxFlowerhub.Settings
        /// Entra ID's tenant, application and token lifetime.
        public var entra: SandboxEntra.Settings
        /// Business Central's environment, data set and paging.
        public var businessCentral: SandboxBusinessCentral.Settings
        /// U-Tec's OAuth client, token lifetime and deferred command delays.
        public var utec: SandboxUtec.Settings = SandboxUtec.Settings()
        /// The largest request body accepted (larger ones are answered 413).
        public var maximumRequestBodySize: Int
        /// How long `stop()` waits for requests in progress (a delayed or trickled fault) before it
        /// cuts their connections.
        public var shutdownGracePeriod: Duration = .seconds(2)
        /// BTicino's account, client, token lifetime and door relock delay.
        public var bticino: SandboxBticino.Settings = SandboxBticino.Settings()
        /// Viessmann's registered client and token lifetimes.
        public var viessmann = SandboxViessmann.Settings()

        /// Creates a configuration; every value has a default.
        public init(
            host: String = "127.0.0.1",
            flowerhub: SandboxFlowerhub.Settings = SandboxFlowerhub.Settings(),
            entra: SandboxEntra.Settings = SandboxEntra.Settings(),
            businessCentral: SandboxBusinessCentral.Settings = SandboxBusinessCentral.Settings(),
            maximumRequestBodySize: Int = 16 * 1024 * 1024
        ) {
            self.host = host
            self.flowerhub = flowerhub
            self.entra = entra
            self.businessCentral = businessCentral
            self.maximumRequestBodySize = maximumRequestBodySize
        }
    }
}

extension SandboxControl {
    /// `GET /_sandbox`: where each vendor lives.
    static func describe(origin: String, configuration: VendorSandbox.Configuration) -> SandboxJSON {
        let tenant = configuration.entra.tenantId
        let environment = configuration.businessCentral.environment
        return .object(
            SandboxJSONObject([
                ("flowerhub", .string("\(origin)/flowerhub")),
                ("entraAuthority", .string("\(origin)/entra")),
                ("businessCentral", .string("\(origin)/bc/v2.0/\(tenant)/\(environment)/api/v2.0/")),
                ("bticino", .string("\(origin)/bticino")),
                ("viessmannAPI", .string("\(origin)/viessmann/api")),
                ("viessmannIAM", .string("\(origin)/viessmann/iam")),
                ("utec", .string("\(origin)/utec/")),
                ("control", .string("\(origin)\(SandboxControl.prefix)")),
            ]))
    }
}
