import CGIF
import Foundation
import FrontlineControl
import FrontlineSupport

/// Animated GIF through giflib. Frames are RGB pixels (0xRRGGBB) of one size. After the
/// first, each frame stores only the rectangle that differs from the one before (the rest is
/// kept from it), so a timelapse where the front moves a little costs little per frame.
enum GIFEncoder {
    static func encode(frames: [[UInt32]], width: Int, height: Int, delayCentiseconds: Int) throws -> Data {
        guard !frames.isEmpty else { throw FrontlineError.usage("an animation needs at least one frame") }
        var palette = GIFPalette(frames: frames)
        let indexed = frames.map { f in f.map { palette.index(of: $0) } }
        let sink = GIFSink()
        var error: Int32 = 0
        guard let gif = EGifOpen(Unmanaged.passUnretained(sink).toOpaque(), GIFSink.write, &error) else {
            throw FrontlineError.cannotWrite("GIF encoder failed to start (giflib error \(error))")
        }
        var closed = false
        defer { if !closed { EGifCloseFile(gif, &error) } }
        EGifSetGifVersion(gif, true)
        var colors = palette.colors.map { GifColorType(Red: UInt8($0 >> 16 & 0xFF), Green: UInt8($0 >> 8 & 0xFF), Blue: UInt8($0 & 0xFF)) }
        while colors.count < 256 { colors.append(GifColorType(Red: 0, Green: 0, Blue: 0)) }
        let map = colors.withUnsafeBufferPointer { GifMakeMapObject(256, $0.baseAddress) }
        defer { GifFreeMapObject(map) }
        try check(EGifPutScreenDesc(gif, Int32(width), Int32(height), 8, 0, map), gif, "screen")
        try loopForever(gif)
        var previous: [UInt8]?
        for frame in indexed {
            let box = previous.map { changedBox($0, frame, width, height) } ?? (x: 0, y: 0, w: width, h: height)
            var gcb = GraphicsControlBlock(DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false,
                                           DelayTime: Int32(delayCentiseconds), TransparentColor: NO_TRANSPARENT_COLOR)
            var ext = [UInt8](repeating: 0, count: 4)
            let n = EGifGCBToExtension(&gcb, &ext)
            try check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, Int32(n), ext), gif, "frame timing")
            try check(EGifPutImageDesc(gif, Int32(box.x), Int32(box.y), Int32(box.w), Int32(box.h), false, nil), gif, "frame")
            var row = [UInt8](repeating: 0, count: box.w)
            for y in box.y..<(box.y + box.h) {
                for x in 0..<box.w { row[x] = frame[y * width + box.x + x] }
                try check(EGifPutLine(gif, &row, Int32(box.w)), gif, "pixels")
            }
            previous = frame
        }
        closed = true
        guard EGifCloseFile(gif, &error) == GIF_OK else { throw FrontlineError.cannotWrite("GIF encoder failed (giflib error \(error))") }
        return sink.data
    }

    /// NETSCAPE2.0 application extension: play in a loop.
    private static func loopForever(_ gif: UnsafeMutablePointer<GifFileType>) throws {
        try check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), gif, "loop")
        var id = Array("NETSCAPE2.0".utf8)
        try check(EGifPutExtensionBlock(gif, 11, &id), gif, "loop")
        var loop: [UInt8] = [1, 0, 0]
        try check(EGifPutExtensionBlock(gif, 3, &loop), gif, "loop")
        try check(EGifPutExtensionTrailer(gif), gif, "loop")
    }

    /// The smallest rectangle holding every pixel that differs (1×1 when none does).
    static func changedBox(_ a: [UInt8], _ b: [UInt8], _ width: Int, _ height: Int) -> (x: Int, y: Int, w: Int, h: Int) {
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            let row = y * width
            for x in 0..<width where a[row + x] != b[row + x] {
                minX = min(minX, x); maxX = max(maxX, x)
                minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return (0, 0, 1, 1) }
        return (minX, minY, maxX - minX + 1, maxY - minY + 1)
    }

    private static func check(_ status: Int32, _ gif: UnsafeMutablePointer<GifFileType>, _ what: String) throws {
        guard status == GIF_OK else { throw FrontlineError.cannotWrite("GIF encoding failed writing the \(what) (giflib error \(gif.pointee.Error))") }
    }
}

/// Collects giflib's output.
final class GIFSink {
    var data = Data()

    static let write: OutputFunc = { gif, bytes, length in
        guard let gif, let bytes, let user = gif.pointee.UserData else { return 0 }
        Unmanaged<GIFSink>.fromOpaque(user).takeUnretainedValue().data.append(bytes, count: Int(length))
        return length
    }
}
