import AuthCore

/// Reads the profile, owner-details and revenue bodies, whose `id` is required.
enum OwnerParsers {
    /// The profile. Missing or non-object `address`/`installer` become empty values.
    ///
    /// - Throws: "expected dict", or "missing or invalid id".
    static func profile(_ json: JSONValue?) throws(PayloadIssue) -> FlowerhubAssetOwnerProfile {
        let object = try PayloadShape.object(json, "profile")
        let installer = object["installer"]?.objectValue ?? [:]
        return FlowerhubAssetOwnerProfile(
            id: try requiredId(object, "profile"),
            firstName: object["firstName"]?.lenientString,
            lastName: object["lastName"]?.lenientString,
            mainEmail: object["mainEmail"]?.lenientString,
            contactEmail: object["contactEmail"]?.lenientString,
            phone: object["phone"]?.lenientString,
            address: address(object["address"]),
            accountStatus: object["accountStatus"]?.lenientString,
            installer: FlowerhubInstallerInfo(
                id: installer["id"]?.lenientInt,
                name: installer["name"]?.lenientString,
                address: address(installer["address"])
            )
        )
    }

    /// The owner details. Missing or non-object sub-objects become empty values.
    ///
    /// - Throws: "expected dict", or "missing or invalid id".
    static func details(_ json: JSONValue?) throws(PayloadIssue) -> FlowerhubAssetOwnerDetails {
        let object = try PayloadShape.object(json, "asset-owner")
        let installer = object["installer"]?.objectValue ?? [:]
        let distributor = object["distributor"]?.objectValue ?? [:]
        let asset = object["asset"]?.objectValue ?? [:]
        let model = asset["assetModel"]?.objectValue ?? [:]
        let compensation = object["compensation"]?.objectValue ?? [:]
        return FlowerhubAssetOwnerDetails(
            id: try requiredId(object, "asset-owner"),
            firstName: object["firstName"]?.lenientString,
            lastName: object["lastName"]?.lenientString,
            installer: FlowerhubSimpleInstaller(
                id: installer["id"]?.lenientInt, name: installer["name"]?.lenientString),
            distributor: FlowerhubSimpleDistributor(
                id: distributor["id"]?.lenientInt, name: distributor["name"]?.lenientString),
            asset: FlowerhubAssetInfo(
                id: asset["id"]?.positiveIdentifier,
                serialNumber: asset["serialNumber"]?.lenientString,
                assetModel: FlowerhubAssetModel(
                    id: model["id"]?.lenientInt, name: model["name"]?.lenientString,
                    manufacturer: model["manufacturer"]?.lenientString
                )
            ),
            compensation: FlowerhubCompensation(
                status: compensation["status"]?.lenientString, message: compensation["message"]?.lenientString),
            bessCompensationStartDate: object["bessCompensationStartDate"]?.lenientString
        )
    }

    /// The revenue figures; numeric strings are read as numbers.
    ///
    /// - Throws: "expected dict", or "missing or invalid id".
    static func revenue(_ json: JSONValue?) throws(PayloadIssue) -> FlowerhubRevenue {
        let object = try PayloadShape.object(json, "revenue")
        return FlowerhubRevenue(
            id: try requiredId(object, "revenue"),
            minAvailablePower: object["minAvailablePower"]?.lenientDouble,
            compensation: object["compensation"]?.lenientDouble,
            compensationPerKW: object["compensationPerKW"]?.lenientDouble
        )
    }

    static func address(_ json: JSONValue?) -> FlowerhubPostalAddress {
        let object = json?.objectValue ?? [:]
        return FlowerhubPostalAddress(
            street: object["street"]?.lenientString,
            postalCode: object["postalCode"]?.lenientString,
            city: object["city"]?.lenientString
        )
    }

    /// The `id` every one of these bodies needs, as a valid id (``JSONValue/positiveIdentifier``).
    static func requiredId(_ object: [String: JSONValue], _ what: String) throws(PayloadIssue) -> Int {
        guard let id = object["id"]?.positiveIdentifier else { throw PayloadIssue("\(what): missing or invalid id") }
        return id
    }
}
