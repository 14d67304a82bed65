/// Global options given before the subcommand (`kimbiseo --store X customers list`).
///
/// The argument parser reads an option only on the command that declares it, and every
/// command declares ``GlobalOptions``; so `--store` and `--config` written before the
/// subcommand's name are moved to the end of the subcommand's own arguments (before a `--`,
/// which ends options). Anything else is left exactly as given.
enum GlobalOptionPlacement {
    /// The options that take a value and may stand before the subcommand.
    static let names: Set<String> = ["--store", "--config"]

    /// `arguments` (without the program name) with leading global options moved after the
    /// subcommand path.
    static func normalized(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if names.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init),
                      names.contains(name), argument.contains("=") {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: end)
        return rest
    }
}
