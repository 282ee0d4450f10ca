/// What an importer made of one input file: its snapshots (one per date it holds) and the
/// one line the CLI prints for it.
public struct ImportedFile {
    public let snapshots: [Snapshot]
    public let summary: String

    public init(snapshots: [Snapshot], summary: String) {
        self.snapshots = snapshots
        self.summary = summary
    }
}
