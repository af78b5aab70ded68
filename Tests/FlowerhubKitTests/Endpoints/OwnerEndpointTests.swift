import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

@Suite("Agreement, invoices, consumption, profile, details")
struct OwnerEndpointTests {
    @Test("the electricity agreement is read with both sides")
    func agreement() async throws {
        let harness = try await Harness()
        await harness.client.setAssetOwnerId(40123)
        harness.transport.enqueue(fh("electricity-agreement.json"))
        let agreement = try await harness.client.fetchElectricityAgreement()
        #expect(harness.paths == ["/asset-owner/40123/electricity-agreement"])
        #expect(
            agreement.consumption
                == FlowerhubAgreementState(
                    stateCategory: "Active", stateId: 2, siteId: 7_300_412, startDate: "2024-05-01T00:00:00.000Z",
                    terminationDate: nil))
        #expect(agreement.production?.siteId == 7_300_413)
    }

    @Test("agreement ids given as text are read and a side that is not an object is nil")
    func agreementPartial() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("electricity-agreement-partial.json"))
        let agreement = try await harness.client.fetchElectricityAgreement(assetOwnerId: 40123)
        #expect(agreement.consumption?.stateId == 5)
        #expect(agreement.consumption?.siteId == 7_300_412)
        #expect(agreement.consumption?.terminationDate == "2024-04-30T00:00:00.000Z")
        #expect(agreement.production == nil)
    }

    @Test("an agreement that is a list throws expected dict with the full URL; without throwing the error is reported")
    func agreementWrongShape() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(.json(200, "[]"))
        harness.transport.enqueue(.json(200, "[]"))
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchElectricityAgreement(assetOwnerId: 40123)
        }
        #expect(error?.message.contains("expected dict") == true)
        #expect(error?.url == "\(portalBase)/asset-owner/40123/electricity-agreement")
        let result = try await harness.client.fetchElectricityAgreementResult(assetOwnerId: 40123)
        #expect(result.value == nil)
        #expect(message(of: result.error).contains("expected dict"))
    }

    @Test("an HTTP error with a JSON body is never reported without an error, nor read as the payload")
    func agreementHTTPErrorNoThrow() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("error-404.json", 404))
        let result = try await harness.client.fetchElectricityAgreementResult(assetOwnerId: 40123)
        #expect(result.value == nil)
        #expect(result.json?["message"] == "Not Found")
        #expect((result.error as? APIError)?.status == 404)
        #expect((result.error as? APIError)?.vendorMessage == "Not Found")
    }

    @Test("invoices: nested sub-invoices and lines, empty lines get empty defaults, null lists become empty")
    func invoices() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("invoices.json"))
        let invoices = try await harness.client.fetchInvoices(assetOwnerId: 40123)
        #expect(harness.paths == ["/asset-owner/40123/invoice"])
        #expect(invoices.count == 2)
        let group = invoices[0]
        #expect(group.id == "9100231")
        #expect(group.ocr == "91002318")
        #expect(group.totalAmount == "-412.50")
        #expect(group.invoicePdf == "https://files.example.invalid/invoices/9100231.pdf")
        #expect(group.claimStatus == nil)
        #expect(group.currentPaymentTypeName == "Autogiro")
        #expect(
            group.invoiceLines == [
                FlowerhubInvoiceLine(
                    itemId: "501", name: "Flower balancing", description: "", price: "-0.85", volume: "485.3",
                    amount: "-412.50", settlements: [])
            ])
        #expect(group.subGroupInvoices.count == 2)
        #expect(group.subGroupInvoices[0].invoiceLines.first?.settlements == ["periods": []])
        #expect(group.subGroupInvoices[0].siteId == "7300412")
        #expect(group.subGroupInvoices[1].invoiceLines == [FlowerhubInvoiceLine()])
        #expect(group.subGroupInvoices[1].invoiceLines.first?.settlements == [])
        #expect(invoices[1].invoiceLines.isEmpty)
        #expect(invoices[1].subGroupInvoices.isEmpty)
        #expect(invoices[1].invoiceStatus == "Unpaid")
    }

    @Test("invoice nulls stay empty (never \"None\") and junk elements are skipped")
    func invoiceNulls() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("invoices-nulls.json"))
        let invoices = try await harness.client.fetchInvoices(assetOwnerId: 40123)
        #expect(invoices.count == 1)
        let invoice = invoices[0]
        #expect(invoice.id == "")
        #expect(invoice.totalAmount == "-12.5")
        #expect(invoice.subGroupInvoices.isEmpty)
        #expect(invoice.invoiceLines == [FlowerhubInvoiceLine(volume: "4")])
        let encoded = String(decoding: try JSONEncoder().encode(invoices), as: UTF8.self)
        #expect(!encoded.contains("None"))
    }

    @Test("consumption numbers and dates are read leniently")
    func consumption() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("consumption.json"))
        let records = try await harness.client.fetchConsumption(assetOwnerId: 40123)
        #expect(harness.paths == ["/asset-owner/40123/consumption"])
        #expect(records.map(\.volume) == [152.4, 98.0, nil])
        #expect(records.map(\.validTo) == ["2026-01-31", nil, nil])
        #expect(records.map(\.typeId) == [1, 2, nil])
        #expect(
            records[0]
                == FlowerhubConsumptionRecord(
                    siteId: "7300412", validFrom: "2026-01-01", validTo: "2026-01-31", invoicedMonth: "2026-01-01",
                    volume: 152.4, type: "Reading", typeId: 1))
    }

    @Test("consumption nulls become empty defaults and fractional type ids are truncated")
    func consumptionNulls() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("consumption-nulls.json"))
        let records = try await harness.client.fetchConsumption(assetOwnerId: 40123)
        #expect(
            records == [
                FlowerhubConsumptionRecord(
                    siteId: "", validFrom: "", validTo: "2026-04-30", invoicedMonth: "", volume: nil, type: "",
                    typeId: 4)
            ])
    }

    @Test("the profile is read with nested address and installer")
    func profile() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("profile.json"))
        let profile = try await harness.client.fetchAssetOwnerProfile(assetOwnerId: 40123)
        #expect(harness.paths == ["/asset-owner/40123/profile"])
        #expect(profile.id == 40123)
        #expect(profile.contactEmail == nil)
        #expect(
            profile.address == FlowerhubPostalAddress(street: "Exempelvägen 4", postalCode: "41101", city: "Göteborg"))
        #expect(profile.installer.id == 312)
        #expect(profile.installer.address.city == "Malmö")
        #expect(profile.accountStatus == "Verified")
    }

    @Test("a text profile id is read and non-object sub-objects become empty values")
    func profileLoose() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("profile-loose.json"))
        let profile = try await harness.client.fetchAssetOwnerProfile(assetOwnerId: 40123)
        #expect(profile.id == 40123)
        #expect(profile.address == FlowerhubPostalAddress())
        #expect(profile.installer == FlowerhubInstallerInfo())
    }

    @Test("a profile without id fails with missing or invalid id, thrown or reported")
    func profileNoId() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("profile-no-id.json"))
        harness.transport.enqueue(fh("profile-no-id.json"))
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchAssetOwnerProfile(assetOwnerId: 40123)
        }
        #expect(error?.message.contains("missing or invalid id") == true)
        let result = try await harness.client.fetchAssetOwnerProfileResult(assetOwnerId: 40123)
        #expect(result.value == nil)
        #expect(message(of: result.error).contains("missing or invalid id"))
    }

    @Test("owner details are read with every nested object")
    func details() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("asset-owner.json"), path: "/asset-owner/40123")
        let details = try await harness.client.fetchAssetOwner(assetOwnerId: 40123)
        #expect(harness.paths == ["/asset-owner/40123"])
        #expect(details.installer == FlowerhubSimpleInstaller(id: 312, name: "Solkraft Montage AB"))
        #expect(details.distributor == FlowerhubSimpleDistributor(id: 18, name: "Nordisk Elhandel AB"))
        #expect(
            details.asset
                == FlowerhubAssetInfo(
                    id: 880045, serialNumber: "FH-2024-00088045",
                    assetModel: FlowerhubAssetModel(id: 4, name: "Flower Hub v2", manufacturer: "Flower")))
        #expect(details.compensation == FlowerhubCompensation(status: "Qualified", message: "Qualified"))
        #expect(details.bessCompensationStartDate == "2024-06-01")
    }

    @Test("owner details: a text id is read, non-object sub-objects become empty, a missing id fails")
    func detailsVariants() async throws {
        let harness = try await Harness()
        harness.transport.enqueue(fh("asset-owner-loose.json"))
        harness.transport.enqueue(fh("asset-owner-no-id.json"))
        let loose = try await harness.client.fetchAssetOwner(assetOwnerId: 40123)
        #expect(loose.id == 40123)
        #expect(loose.installer == FlowerhubSimpleInstaller())
        #expect(loose.asset == FlowerhubAssetInfo())
        let error = await #expect(throws: FlowerhubError.self) {
            try await harness.client.fetchAssetOwner(assetOwnerId: 40123)
        }
        #expect(error?.message.contains("missing or invalid id") == true)
        #expect(harness.apiErrors.count == 1)
    }
}
