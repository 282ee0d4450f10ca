import Foundation
import FrontlineControl

/// After `import` and `update`: the figures of the new snapshots, measured once and kept with
/// the dataset (figures.bin). The snapshots have landed either way, so a failure here is a
/// warning (`snapshots --check`, and any command measuring that date, will say what is wrong).
enum StoredFigures {
    static func refresh(_ folder: URL) {
        do {
            let dataset = try Dataset(folder: folder)
            let n = try dataset.storeFigures { done, total in Console.progress("measuring", done, total) }
            Console.endProgress()
            Console.note("figures of \(n) snapshots stored in \(dataset.figuresFile.path)")
        } catch {
            Console.endProgress()
            Console.warn("figures not stored: \(error)")
        }
    }
}
