/// Every path in one place, relative to ``BticinoClient/Configuration/baseURL``.
enum BticinoPaths {
    /// `POST` form: password and refresh grants.
    static let token = "/oauth2/token"
    /// `POST` JSON: the topology.
    static let homesData = "/api/homesdata"
    /// `POST` JSON: a home's live status.
    static let homeStatus = "/syncapi/v1/homestatus"
    /// `POST` JSON: change a module's state.
    static let setState = "/syncapi/v1/setstate"
    /// `POST` JSON: the event history.
    static let events = "/api/getevents"
    /// `POST` JSON: modules' configuration.
    static let getConfigs = "/syncapi/v1/getconfigs"
    /// `POST` JSON: change a module's configuration.
    static let setConfigs = "/syncapi/v1/setconfigs"
}
