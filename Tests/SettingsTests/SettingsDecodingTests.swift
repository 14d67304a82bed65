import Testing
@testable import Settings

@Suite("Settings decoding")
struct SettingsDecodingTests {
    @Test("an empty file gives the embedded defaults")
    func emptyFileGivesDefaults() throws {
        let s = try Settings.decode(yaml: "")
        #expect(s == Settings())
        #expect(s.store.path == "./var/kimbiseo.sqlite")
        #expect(s.sms.gateway.kind == "spool")
        #expect(s.mail.kind == "spool")
    }

    @Test("a partial section keeps the other defaults")
    func partialSection() throws {
        let s = try Settings.decode(yaml: "sms:\n  sender: '0212345678'\n  quiet_hours: {start: '22:00'}\n")
        #expect(s.sms.sender == "0212345678")
        #expect(s.sms.quietHours.start == "22:00")
        #expect(s.sms.quietHours.end == "08:00")
    }

    @Test("an unknown key is an error naming it and the file")
    func unknownKey() {
        #expect {
            try Settings.decode(yaml: "sms:\n  sendr: x\n", file: "k.yaml")
        } throws: { error in
            "\(error)" == "k.yaml: unknown setting 'sms.sendr'"
        }
    }

    @Test("a wrong type names the setting")
    func wrongType() {
        #expect {
            try Settings.decode(yaml: "sms:\n  rate_per_second: fast\n", file: "k.yaml")
        } throws: { error in
            "\(error)".contains("sms.rate_per_second")
        }
    }
}
