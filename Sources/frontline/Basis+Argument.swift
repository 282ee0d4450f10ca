import ArgumentParser
import FrontlineControl

extension Basis: ExpressibleByArgument {}
