import Foundation
import FrontlineControl

/// Everything a briefing on a period holds, before it is written as HTML, Markdown or PDF.
public struct Report: Sendable {
    public let title: String
    public let from: DayDate
    public let to: DayDate
    public let summary: String
    public let changes: ChangeSet
    /// Regions held in part at either date, sorted by the size of their net change.
    public let rows: [RegionChange]
    public let mapPNG: Data
    public let changeMapPNG: Data
    public let chartPNG: Data
    public let sources: [String]
    public let snapshotDates: [DayDate]
    public let methodNotes: [String]
    public let words: Wording

    /// What the vector (PDF) form draws again at page size.
    struct Inputs: Sendable {
        let state: ControlState
        let geometry: ControlGeometry
        let change: ChangeMeasurement
        let chart: ChartData
        let mapOptions: MapOptions
        let chartOptions: ChartRenderer.Options
        let dataset: Dataset
        let base: BaseMap
    }
    let inputs: Inputs
}
