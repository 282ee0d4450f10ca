/// A value built once and shared by the tests of a class. A `static let x = try! ...` crashed
/// the whole run (every other test unreported) when the value could not be built; a Fixture
/// keeps the error, and each test that asks for the value fails with it.
// @unchecked: the result is set once, in init, and only read after.
public final class Fixture<T>: @unchecked Sendable {
    private let result: Result<T, any Error>

    public init(_ make: () throws -> T) { result = Result { try make() } }

    public var value: T { get throws { try result.get() } }
}
