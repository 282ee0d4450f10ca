/// What Control hands to Render for one date: the figures and the shapes a picture needs,
/// as plain values (lon/lat coordinates, no GEOS), so any thread may draw them.
public struct ControlMeasurement: Sendable {
    /// km² and shares per region and status, and which snapshot stood for the date.
    public let state: ControlState
    /// Land held per status (slivers reconciled, clipped to the regions), free parts, front line.
    public let geometry: ControlGeometry

    public init(state: ControlState, geometry: ControlGeometry) {
        self.state = state
        self.geometry = geometry
    }
}

/// What Control hands to Render for a period: the change per region and status, the changed
/// land as shapes, and the shapes at the end date (a change map draws the front line there).
public struct ChangeMeasurement: Sendable {
    public let changes: ChangeSet
    public let geometry: ChangeGeometry
    public let toGeometry: ControlGeometry

    public init(changes: ChangeSet, geometry: ChangeGeometry, toGeometry: ControlGeometry) {
        self.changes = changes
        self.geometry = geometry
        self.toGeometry = toGeometry
    }
}
