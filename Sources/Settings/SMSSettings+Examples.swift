/// The example sender, shop name and 080 number the shipped `config/kimbiseo.yaml` carries, so
/// that a new installation sees the whole path work on the `spool` gateway (nothing leaves the
/// machine) — and that no real gateway ever sends with them.
extension SMSSettings {
    /// `sms.sender` in the shipped configuration: not anyone's registered number.
    public static let exampleSender = "0200001234"
    /// `sms.shop_name` in the shipped configuration.
    public static let exampleShopName = "김비서 예시상점"
    /// `sms.optout_number` in the shipped configuration.
    public static let exampleOptoutNumber = "0800001234"

    /// Refuses the shipped example values with any gateway but `spool`: texts would go out
    /// signed by a shop that does not exist, from a number the gateway has not registered.
    /// - Throws: ``SettingsError`` naming the first setting still at its example value.
    public func refuseExamplesForRealGateways() throws {
        guard gateway.kind != "spool" else { return }
        let examples: [(String, String?, String)] = [
            ("sms.sender", sender, Self.exampleSender),
            ("sms.shop_name", shopName, Self.exampleShopName),
            ("sms.optout_number", optoutNumber, Self.exampleOptoutNumber),
        ]
        for (key, value, example) in examples where value == example {
            throw SettingsError(message:
                "setting '\(key)': '\(example)' is the shipped example; set your own before using gateway '\(gateway.kind)'")
        }
    }
}
