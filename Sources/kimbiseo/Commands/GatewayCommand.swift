import ArgumentParser

/// `kimbiseo gateway check|balance` — the SMS gateway account.
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "문자 게이트웨이: check the SMS gateway account before sending.",
        discussion: """
            The gateway is sms.gateway in the configuration (spool, aligo, solapi or http);
            secrets may come from the environment (KIMBISEO_ALIGO_USER_ID, KIMBISEO_ALIGO_KEY,
            KIMBISEO_SOLAPI_API_KEY, KIMBISEO_SOLAPI_API_SECRET) or sms.gateway.credentials_file.

            Examples:
              kimbiseo gateway check
              kimbiseo gateway check --json
              kimbiseo gateway balance
            """,
        subcommands: [GatewayCheckCommand.self, GatewayBalanceCommand.self])
}
