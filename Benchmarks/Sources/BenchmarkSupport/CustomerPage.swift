import Foundation

/// Business Central `customers` pages as the service writes them (compact JSON, every API v2.0
/// field, the values varied from record to record), generated so that no large fixture is kept
/// in the repository.
public enum CustomerPage {
    /// The records a benchmark page holds: Business Central's default page size.
    public static let defaultRecordCount = 5_000

    /// A page of `records` customers numbered from `first`, with `nextLink` when more follow.
    public static func json(records: Int = defaultRecordCount, first: Int = 0, nextLink: String? = nil) -> Data {
        var text = #"{"@odata.context":"https://api.businesscentral.dynamics.com/v2.0/"#
        text += #"11111111-2222-3333-4444-555555555555/Production/api/v2.0/$metadata#companies("#
        text += #"9c4f2e10-0000-4a1b-8c3d-00000000c0de)/customers","value":["#
        text.reserveCapacity(records * 900)
        for index in first..<(first + records) {
            if index > first { text += "," }
            text += record(index)
        }
        text += "]"
        if let nextLink { text += #","@odata.nextLink":""# + nextLink + #"""# }
        text += "}"
        return Data(text.utf8)
    }

    /// One customer object.
    static func record(_ index: Int) -> String {
        let names = ["Northwind Bikes", "O'Brien & Sons", "Fabrikam Ltd", "Contoso Ä/S", "Tailspin Toys", "Adatum"]
        let cities = ["Springfield", "Göteborg", "Leeds", "München", "Lyon", "Toronto"]
        let blocked = [" ", " ", " ", " ", "Ship", "Invoice", "All"]
        let hex = String(index, radix: 16)
        let id = "5b0d8a6e-1a11-4e2f-9a01-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        let cents = (index &* 7_919) % 1_000_000
        let balance = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        let second = index % 60
        let fraction = index % 3 == 0 ? "" : ".\(100 + index % 900)"
        var fields: [String] = []
        fields.append(#""@odata.etag":"W/\"JzE5OzQ0MTIzNDU2Nzg5\#(index);MDA7Jw==\"""#)
        fields.append(#""id":"\#(id)""#)
        fields.append(#""number":"C\#(10_000 + index)""#)
        fields.append(#""displayName":"\#(names[index % names.count]) \#(index)""#)
        fields.append(#""type":"\#(index % 4 == 0 ? "Person" : "Company")""#)
        fields.append(#""addressLine1":"\#(index % 200) Harbour Rd""#)
        fields.append(#""addressLine2":"""#)
        fields.append(#""city":"\#(cities[index % cities.count])""#)
        fields.append(#""state":"IL""#)
        fields.append(#""country":"US""#)
        fields.append(#""postalCode":"\#(62_000 + index % 999)""#)
        fields.append(#""phoneNumber":"+1 555 \#(1_000 + index % 9_000)""#)
        fields.append(#""email":"ap\#(index)@northwind.test""#)
        fields.append(#""website":"""#)
        fields.append(#""salespersonCode":"JR""#)
        fields.append(#""balanceDue":\#(balance)"#)
        fields.append(#""creditLimit":\#((index % 10) * 5_000)"#)
        fields.append(#""taxLiable":\#(index % 2 == 0)"#)
        fields.append(#""taxAreaId":"00000000-0000-0000-0000-000000000000""#)
        fields.append(#""taxAreaDisplayName":"""#)
        fields.append(#""taxRegistrationNumber":"""#)
        fields.append(#""currencyId":"00000000-0000-0000-0000-000000000000""#)
        fields.append(#""currencyCode":"\#(index % 5 == 0 ? "EUR" : "USD")""#)
        fields.append(#""paymentTermsId":"7e1f0000-0000-0000-0000-0000000000aa""#)
        fields.append(#""shipmentMethodId":"00000000-0000-0000-0000-000000000000""#)
        fields.append(#""paymentMethodId":"00000000-0000-0000-0000-000000000000""#)
        fields.append(#""blocked":"\#(blocked[index % blocked.count])""#)
        let stamp = "2025-02-\(10 + index % 18)T09:\(10 + index % 50):\(second < 10 ? "0" : "")\(second)\(fraction)Z"
        fields.append(#""lastModifiedDateTime":"\#(stamp)""#)
        return "{" + fields.joined(separator: ",") + "}"
    }
}
