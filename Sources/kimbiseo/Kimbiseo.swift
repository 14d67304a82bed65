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
            settings come from --config, $KIMBISEO_CONFIG or config/kimbiseo.yaml.
            Every command migrates a new or older store first.
            """,
        subcommands: Kimbiseo.commands
    )
}
