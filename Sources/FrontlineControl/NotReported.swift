extension ControlState {
    /// The statuses the source reports (dataset.json `reports`) that this snapshot lacks: a
    /// partial snapshot (DeepState's daily files after its last full export hold occupied land
    /// only). Empty for a complete snapshot or a source that lists nothing. Land held abroad
    /// counts as not reported only in a partial snapshot: in a complete one, none is none.
    func withNotReported(_ info: DatasetInfo) -> ControlState {
        guard let reports = info.sources.first(where: { $0.id == source })?.reports else { return self }
        let present = Set(statuses + (abroad.isEmpty ? [] : [.heldAbroad]))
        let missing = reports.compactMap(ControlStatus.init(rawValue:)).filter { !present.contains($0) }.sorted()
        var s = self
        s.notReported = missing.contains(where: { !$0.isAbroad }) ? missing : []
        return s
    }
}
