import AuthCore
import Foundation

extension BticinoClient {
    /// Modules' configuration (`getconfigs`, pybticino 1.9.0).
    ///
    /// - Throws: ``BticinoError`` `unknownHome` before anything is sent.
    public func moduleConfigs(homeID: String, moduleIDs: [String]) async throws -> [BticinoModuleConfig] {
        _ = try await requireHome(homeID)
        guard !moduleIDs.isEmpty, !moduleIDs.contains(where: \.isEmpty) else {
            throw BticinoError(.invalidRequest, "at least one non-empty module id is needed")
        }
        return try await send(BticinoEndpoints.getConfigs(homeID: homeID, moduleIDs: moduleIDs))
    }

    /// Writes one configuration object of a module (`setconfigs`).
    ///
    /// - Parameters:
    ///   - homeID: The home; refused locally when the topology does not have it.
    ///   - moduleID: The module.
    ///   - key: The configuration key, for example `do_not_disturb`.
    ///   - value: The configuration object to write.
    ///   - moduleType: The module type sent with it; default `BNC3`.
    ///   - lastConfigsUpdate: Milliseconds since 1970; default now.
    @discardableResult
    public func setModuleConfig(
        homeID: String, moduleID: String, key: String, value: JSONValue, moduleType: BticinoModuleType = .bnc3,
        lastConfigsUpdate: Int? = nil
    ) async throws -> BticinoSetStateResult {
        _ = try await requireHome(homeID)
        guard !moduleID.isEmpty, !key.isEmpty, !["id", "type", "last_configs_update"].contains(key) else {
            throw BticinoError(.invalidRequest, "a module id and a configuration key other than id/type are needed")
        }
        let stamp = lastConfigsUpdate ?? Int((configuration.timeSource.now.timeIntervalSince1970 * 1000).rounded())
        return try await send(
            BticinoEndpoints.setConfigs(
                homeID: homeID, moduleID: moduleID, type: moduleType, lastConfigsUpdate: stamp, key: key,
                value: value))
    }

    /// A module's do-not-disturb configuration, if it has one.
    public func doNotDisturb(homeID: String, moduleID: String) async throws -> BticinoConfigObject? {
        try await moduleConfigs(homeID: homeID, moduleIDs: [moduleID]).first { $0.id == moduleID }?.doNotDisturb
    }

    /// Writes a module's do-not-disturb configuration (module type `BNC3` unless given).
    @discardableResult
    public func setDoNotDisturb(
        homeID: String, moduleID: String, _ config: BticinoConfigObject, moduleType: BticinoModuleType = .bnc3
    ) async throws -> BticinoSetStateResult {
        try await setModuleConfig(
            homeID: homeID, moduleID: moduleID, key: "do_not_disturb", value: config.json, moduleType: moduleType)
    }

    /// A module's professional studio configuration, if it has one.
    public func professionalStudio(homeID: String, moduleID: String) async throws -> BticinoConfigObject? {
        try await moduleConfigs(homeID: homeID, moduleIDs: [moduleID]).first { $0.id == moduleID }?.professionalStudio
    }

    /// Writes a module's professional studio configuration (module type `BNC3` unless given).
    @discardableResult
    public func setProfessionalStudio(
        homeID: String, moduleID: String, _ config: BticinoConfigObject, moduleType: BticinoModuleType = .bnc3
    ) async throws -> BticinoSetStateResult {
        try await setModuleConfig(
            homeID: homeID, moduleID: moduleID, key: "professional_studio", value: config.json,
            moduleType: moduleType)
    }
}
