import Foundation

/// Canvases for painting an opaque image in bands, each lent to one thread at a time and given
/// back once its band is compressed: two threads painting six bands touch the memory of two
/// canvases, not six. A fresh canvas's first writes fault in every page of it (1.3 MB for a
/// 1600 × 200 band, about 0.6 ms of CPU), and so does a fresh scanline buffer; a canvas painted
/// again is covered first by the scene's opaque background, so its pixels are what a fresh one's
/// would be.
final class BandWorkspaces: @unchecked Sendable {
    /// A canvas of `rows` rows and the scanline buffer its bands are converted into.
    final class Workspace {
        let canvas: Canvas
        var scanlines: [UInt8] = []
        init(canvas: Canvas) { self.canvas = canvas }
    }

    private let width: Int, rows: Int
    // Guarded by `lock`; a workspace taken is used by the taking thread only.
    private let lock = NSLock()
    private var free: [Workspace] = []

    init(width: Int, rows: Int) {
        self.width = width
        self.rows = rows
    }

    func take() throws -> Workspace {
        if let w = lock.withLock({ free.popLast() }) { return w }
        return Workspace(canvas: try Canvas(format: .png, width: width, height: rows))
    }

    func give(_ w: Workspace) {
        w.canvas.resetTransform()
        lock.withLock { free.append(w) }
    }
}
