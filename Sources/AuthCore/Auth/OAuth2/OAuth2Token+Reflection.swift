extension OAuth2Token: CustomReflectable {
    /// What `dump` and debuggers show: the tokens redacted, and only the *names* of
    /// ``additionalFields``, whose values (an `id_token`, a session key) may be as secret as the tokens.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessToken": accessToken,
                "refreshToken": refreshToken as Any,
                "expiresAt": expiresAt as Any,
                "tokenType": tokenType as Any,
                "scope": scope as Any,
                "additionalFieldNames": additionalFields.keys.sorted(),
            ],
            displayStyle: .struct
        )
    }
}
