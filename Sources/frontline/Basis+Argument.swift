import ArgumentParser
import FrontlineControl

extension Basis: ExpressibleByArgument {
    /// `--raw` beside `--basis admin`: one drops a rule the other does not have.
    static func check(raw: Bool, basis: Basis) throws {
        if raw && basis == .admin {
            throw ValidationError("--raw drops the coastline rule of the land basis; the admin basis has none: give one or the other")
        }
    }
}
