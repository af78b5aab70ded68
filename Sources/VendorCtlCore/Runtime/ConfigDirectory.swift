import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder holding `vendorctl`'s session and token files.
///
/// Chosen in this order: `--config-dir`, the context's directory, `VENDORCTL_CONFIG_DIR`,
/// `$XDG_CONFIG_HOME/vendorctl`, `$HOME/.config/vendorctl`. It is created with mode 0700 the
/// first time a file is saved; a folder that already exists keeps its mode (it may be one the
/// user chose on purpose), while every file in it is written with mode 0600.
struct ConfigDirectory: Sendable {
    let url: URL

    init(option: String?, context: VendorCtlContext) throws {
        if let option, !option.isEmpty {
            url = URL(fileURLWithPath: option, isDirectory: true)
        } else if let directory = context.configDirectory {
            url = directory
        } else if let path = context.environment["VENDORCTL_CONFIG_DIR"], !path.isEmpty {
            url = URL(fileURLWithPath: path, isDirectory: true)
        } else if let base = context.environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            url = URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent("vendorctl", isDirectory: true)
        } else if let home = context.environment["HOME"], !home.isEmpty {
            url = URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".config/vendorctl", isDirectory: true)
        } else {
            throw CommandFailure.usage(
                "no config directory: set HOME, XDG_CONFIG_HOME or VENDORCTL_CONFIG_DIR, or pass --config-dir")
        }
    }

    func file(_ name: String) -> URL {
        url.appendingPathComponent(name, isDirectory: false)
    }

    /// Creates the folder (and its parents) if needed; a new folder gets mode 0700.
    func create() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CommandFailure(.localFiles, "the config directory \(url.path) is not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure(.localFiles, "cannot create the config directory \(url.path)")
        }
        // The umask may have taken bits away from, but never added any to, 0700; make it exact.
        chmod(url.path, 0o700)
    }
}
