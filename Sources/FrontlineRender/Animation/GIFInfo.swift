import CGIF
import Foundation

/// Reads a GIF back through giflib: its size and frame count (for tests and checks).
public enum GIFInfo {
    public static func read(_ data: Data) -> (width: Int, height: Int, frames: Int)? {
        let source = GIFSource(data)
        var error: Int32 = 0
        guard let gif = DGifOpen(Unmanaged.passUnretained(source).toOpaque(), GIFSource.read, &error) else { return nil }
        defer { DGifCloseFile(gif, &error) }
        guard DGifSlurp(gif) == GIF_OK else { return nil }
        return (Int(gif.pointee.SWidth), Int(gif.pointee.SHeight), Int(gif.pointee.ImageCount))
    }
}

private final class GIFSource {
    let data: Data
    var offset = 0
    init(_ data: Data) { self.data = data }

    static let read: InputFunc = { gif, buffer, length in
        guard let gif, let buffer, let user = gif.pointee.UserData else { return 0 }
        let src = Unmanaged<GIFSource>.fromOpaque(user).takeUnretainedValue()
        let n = min(Int(length), src.data.count - src.offset)
        guard n > 0 else { return 0 }
        src.data.copyBytes(to: buffer, from: src.offset..<(src.offset + n))
        src.offset += n
        return Int32(n)
    }
}
