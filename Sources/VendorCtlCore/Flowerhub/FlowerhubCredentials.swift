import AuthCore
import Foundation

/// The user name and password for a Flowerhub login, from the environment or the terminal.
struct FlowerhubCredentials: Sendable {
    let username: String
    let password: Secret

    /// `--username`, else `FLOWERHUB_USERNAME`, else a prompt; the password from
    /// `FLOWERHUB_PASSWORD`, else a prompt without echo.
    static func resolve(username option: String?, context: VendorCtlContext) throws -> FlowerhubCredentials {
        let username: String
        if let option, !option.isEmpty {
            username = option
        } else if let variable = context.environment["FLOWERHUB_USERNAME"], !variable.isEmpty {
            username = variable
        } else {
            guard let typed = try context.terminal.readLine(prompt: "Flowerhub e-mail: ", echo: true),
                !typed.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                throw CommandFailure.authentication(
                    "no Flowerhub user name: pass --username or set FLOWERHUB_USERNAME")
            }
            username = typed.trimmingCharacters(in: .whitespaces)
        }
        let password = try SecretInput.read(
            variable: "FLOWERHUB_PASSWORD", prompt: "Flowerhub password for \(username): ", context: context)
        return FlowerhubCredentials(username: username, password: password)
    }
}

/// A secret from an environment variable or, failing that, a prompt without echo.
enum SecretInput {
    static func read(variable: String, prompt: String, context: VendorCtlContext) throws -> Secret {
        if let value = context.environment[variable], !value.isEmpty { return Secret(value) }
        guard let typed = try context.terminal.readLine(prompt: prompt, echo: false) else {
            throw CommandFailure.authentication(
                "no terminal to ask for the secret: set \(variable) (it is never taken on the command line)")
        }
        guard !typed.isEmpty else { throw CommandFailure.authentication("an empty secret was entered") }
        return Secret(typed)
    }
}
