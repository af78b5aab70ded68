import AuthCore
import Foundation

extension ViessmannClient {
    /// Writes one flat feature and returns the command's answer with the updated device.
    ///
    /// 1. The feature is looked up on `device` by name (so its command metadata is current); a
    ///    feature without a command is ``ViessmannError/Code/readOnlyFeature``.
    /// 2. The payload holds every parameter of the command: `value` for this feature's parameter,
    ///    the current value of each sibling (`<parent>.<param>`, for `setCurve` the `shift` beside
    ///    the `slope`) for the others. A sibling that is missing, disabled, not ready or null is an
    ///    error, unless the API marks its parameter `"required": false` (then it is left out).
    /// 3. Every value is checked against its parameter (``ViessmannCommandValidator``); nothing is
    ///    sent when one fails.
    /// 4. The command is posted once to its URI, which must be on the API's host.
    /// 5. On success the returned device has the new value (unit, control and siblings unchanged);
    ///    on `success: false` it is `device` unchanged. Chain the returned device: a second write
    ///    (the shift after the slope) then sends the value the first one set.
    ///
    /// - Throws: ``ViessmannError`` before sending (`featureNotFound`, `readOnlyFeature`,
    ///   `missingSiblingValue`, `validationFailed`, `untrustedCommandURI`); `APIError` from the API.
    public func setFeature(_ name: String, to value: JSONValue, on device: ViessmannDevice) async throws
        -> ViessmannSetResult
    {
        guard let feature = device.feature(named: name) else {
            throw ViessmannError(.featureNotFound, "the device has no feature '\(name)'")
        }
        let (control, payload) = try Self.commandPayload(for: feature, value: value, on: device)
        let response = try await postCommand(uri: control.uri, payload: payload)
        guard response.success else { return ViessmannSetResult(response: response, device: device) }
        var features = device.features
        if let index = features.firstIndex(where: { $0.name == feature.name }) {
            features[index] = features[index].with(value: value)
        }
        return ViessmannSetResult(response: response, device: device.with(features: features))
    }

    /// Runs a feature's command with an explicit, complete set of parameters and does not update
    /// any device. Every parameter the API marks required must be given, no unknown one may be,
    /// and each is validated.
    public func executeCommand(of feature: ViessmannFeature, parameters: [String: JSONValue]) async throws
        -> ViessmannCommandResponse
    {
        guard let control = feature.control else {
            throw ViessmannError(.readOnlyFeature, "'\(feature.name)' has no command")
        }
        for name in parameters.keys.sorted() where control.parameter(named: name) == nil {
            throw ViessmannError(
                .validationFailed, "\(name): not a parameter of \(control.commandName)", parameter: name,
                rule: .required)
        }
        for parameter in Self.definitions(of: control) {
            guard let value = parameters[parameter.name] else {
                guard !parameter.isRequired else {
                    throw ViessmannError(
                        .validationFailed, "\(parameter.name): required by \(control.commandName)",
                        parameter: parameter.name, rule: .required)
                }
                continue
            }
            try ViessmannCommandValidator.validate(value, for: parameter)
        }
        return try await postCommand(uri: control.uri, payload: parameters)
    }

    /// The control and the checked payload for writing `value` to `feature` (no I/O).
    static func commandPayload(for feature: ViessmannFeature, value: JSONValue, on device: ViessmannDevice) throws
        -> (ViessmannFeatureControl, [String: JSONValue])
    {
        guard let control = feature.control else {
            throw ViessmannError(.readOnlyFeature, "'\(feature.name)' is read-only: no command writes it")
        }
        var payload: [String: JSONValue] = [:]
        for parameter in definitions(of: control) {
            if parameter.name == control.paramName {
                try ViessmannCommandValidator.validate(value, for: parameter)
                payload[parameter.name] = value
                continue
            }
            let siblingName = control.parentFeatureName + "." + parameter.name
            guard let sibling = device.feature(named: siblingName), sibling.isAvailable, !sibling.value.isNull else {
                guard !parameter.isRequired else {
                    throw ViessmannError(
                        .missingSiblingValue,
                        "\(control.commandName) needs '\(parameter.name)', but '\(siblingName)' is missing, "
                            + "disabled, not ready or null on the device; read the device's features first",
                        parameter: parameter.name)
                }
                continue
            }
            // The sibling's value came from the server, which accepted it: no server pattern runs on it.
            try ViessmannCommandValidator.validate(sibling.value, for: parameter, matchingPattern: false)
            payload[parameter.name] = sibling.value
        }
        return (control, payload)
    }

    /// The command's parameters, the written one with the constraints resolved for its property.
    static func definitions(of control: ViessmannFeatureControl) -> [ViessmannCommandParameter] {
        var definitions = control.parameters
        if let index = definitions.firstIndex(where: { $0.name == control.paramName }) {
            definitions[index].constraints = control.constraints
            if control.constraints.schedule == nil {
                definitions[index].constraints.schedule = control.parameters[index].constraints.schedule
            }
        } else {
            definitions.append(
                ViessmannCommandParameter(
                    name: control.paramName, type: control.parameterType, constraints: control.constraints))
        }
        return definitions
    }

    func postCommand(uri: String, payload: [String: JSONValue]) async throws -> ViessmannCommandResponse {
        try checkCommandURI(uri)
        return try await send(ViessmannEndpoints.command(uri: uri, payload: payload))
    }

    /// A command URI must be an absolute URL on the API's scheme, host and port: it carries the token.
    func checkCommandURI(_ uri: String) throws {
        guard !uri.isEmpty else {
            throw ViessmannError(.untrustedCommandURI, "the command has no URI")
        }
        guard let url = URL(string: uri), let host = url.host?.lowercased(),
            url.scheme?.lowercased() == apiBase.scheme?.lowercased(), host == apiBase.host?.lowercased(),
            Self.port(of: url) == Self.port(of: apiBase)
        else {
            throw ViessmannError(.untrustedCommandURI, "the command URI is not on the API host \(apiBase.host ?? "")")
        }
    }

    private static func port(of url: URL) -> Int {
        url.port ?? (url.scheme?.lowercased() == "http" ? 80 : 443)
    }
}
