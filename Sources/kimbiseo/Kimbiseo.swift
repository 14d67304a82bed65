import ArgumentParser
import Foundation

/// `kimbiseo` — the command line of 김비서 and its service daemon (`kimbiseo serve`).
@main
struct Kimbiseo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kimbiseo",
        abstract: "김비서 — customer store, anniversary texts, bulk SMS, reminder emails and DM labels.",
        discussion: """
            The store is ./var/kimbiseo.sqlite unless --store or $KIMBISEO_STORE says otherwise;
            settings come from --config, $KIMBISEO_CONFIG or config/kimbiseo.yaml. Both options
            may stand before or after the subcommand (kimbiseo --store X customers list).
            Every command migrates a new or older store first.
            """,
        subcommands: Kimbiseo.commands
    )

    /// Runs the command line, accepting `--store`/`--config` before the subcommand too.
    static func main() async {
        await main(GlobalOptionPlacement.normalized(Array(CommandLine.arguments.dropFirst())))
    }
}
