import AuthCore

/// Reads the profile, owner-details and revenue bodies, whose `id` is required.
enum OwnerParsers {
    /// The profile. Missing or non-object `address`/`installer` become empty values.
    ///
    /// - Throws: "expected dict", or "missing or invalid id".
    static func profile(_ json: JSONValue?) throws(PayloadIssue) -> AssetOwnerProfile {
        let object = try PayloadShape.object(json, "profile")
        let installer = Lenient.object(object["installer"])
        return AssetOwnerProfile(
            id: try requiredId(object, "profile"),
            firstName: Lenient.string(object["firstName"]),
            lastName: Lenient.string(object["lastName"]),
            mainEmail: Lenient.string(object["mainEmail"]),
            contactEmail: Lenient.string(object["contactEmail"]),
            phone: Lenient.string(object["phone"]),
            address: address(object["address"]),
            accountStatus: Lenient.string(object["accountStatus"]),
            installer: InstallerInfo(
                id: Lenient.int(installer["id"]),
                name: Lenient.string(installer["name"]),
                address: address(installer["address"])
            )
        )
    }

    /// The owner details. Missing or non-object sub-objects become empty values.
    ///
    /// - Throws: "expected dict", or "missing or invalid id".
    static func details(_ json: JSONValue?) throws(PayloadIssue) -> AssetOwnerDetails {
        let object = try PayloadShape.object(json, "asset-owner")
        let installer = Lenient.object(object["installer"])
        let distributor = Lenient.object(object["distributor"])
        let asset = Lenient.object(object["asset"])
        let model = Lenient.object(asset["assetModel"])
        let compensation = Lenient.object(object["compensation"])
        return AssetOwnerDetails(
            id: try requiredId(object, "asset-owner"),
            firstName: Lenient.string(object["firstName"]),
            lastName: Lenient.string(object["lastName"]),
            installer: SimpleInstaller(id: Lenient.int(installer["id"]), name: Lenient.string(installer["name"])),
            distributor: SimpleDistributor(
                id: Lenient.int(distributor["id"]), name: Lenient.string(distributor["name"])),
            asset: AssetInfo(
                id: Lenient.id(asset["id"]),
                serialNumber: Lenient.string(asset["serialNumber"]),
                assetModel: AssetModel(
                    id: Lenient.int(model["id"]), name: Lenient.string(model["name"]),
                    manufacturer: Lenient.string(model["manufacturer"])
                )
            ),
            compensation: Compensation(
                status: Lenient.string(compensation["status"]), message: Lenient.string(compensation["message"])),
            bessCompensationStartDate: Lenient.string(object["bessCompensationStartDate"])
        )
    }

    /// The revenue figures; numeric strings are read as numbers.
    ///
    /// - Throws: "expected dict", or "missing or invalid id".
    static func revenue(_ json: JSONValue?) throws(PayloadIssue) -> Revenue {
        let object = try PayloadShape.object(json, "revenue")
        return Revenue(
            id: try requiredId(object, "revenue"),
            minAvailablePower: Lenient.double(object["minAvailablePower"]),
            compensation: Lenient.double(object["compensation"]),
            compensationPerKW: Lenient.double(object["compensationPerKW"])
        )
    }

    static func address(_ json: JSONValue?) -> PostalAddress {
        let object = Lenient.object(json)
        return PostalAddress(
            street: Lenient.string(object["street"]),
            postalCode: Lenient.string(object["postalCode"]),
            city: Lenient.string(object["city"])
        )
    }

    /// The `id` every one of these bodies needs, as a valid id (``Lenient/id(_:)``).
    static func requiredId(_ object: [String: JSONValue], _ what: String) throws(PayloadIssue) -> Int {
        guard let id = Lenient.id(object["id"]) else { throw PayloadIssue("\(what): missing or invalid id") }
        return id
    }
}
