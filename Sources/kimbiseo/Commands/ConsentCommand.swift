import ArgumentParser

/// `kimbiseo consent set|show` — the messaging consent ledger of one customer.
struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "수신동의: a customer's advertising, night-time and opt-out marks (정보통신망법 제50조).",
        discussion: """
            광고수신동의 (--ad) allows advertising texts; 야간광고수신동의 (--night) separately allows
            them between 21:00 and 08:00; 수신거부 (--opt-out) stops all texts. Each mark
            has the day it was given and where it came from (--source). Every change is
            kept in the customer's consent history.

            Examples:
              kimbiseo consent set 12 --ad 2026-03-01 --source "매장 동의서"
              kimbiseo consent set C000012 --opt-out today --source "080 수신거부"
              kimbiseo consent set 12 --clear night
              kimbiseo consent show 12
            """,
        subcommands: [ConsentSetCommand.self, ConsentShowCommand.self])
}
