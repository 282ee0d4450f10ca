import Foundation
import FrontlineSupport
import XCTest
@testable import FrontlineRender

/// Cairo records its first error and then ignores all drawing: a canvas in that state must
/// refuse to hand out a picture.
final class CanvasTests: XCTestCase {
    func testAPictureCairoStoppedDrawingIsRefusedInEveryFormat() throws {
        for format in [OutputFormat.png, .svg, .pdf] {
            let canvas = try Canvas(format: format, width: 40, height: 30)
            canvas.fillRect(x: 0, y: 0, width: 40, height: 30, RGBA(1, 0, 0))
            canvas.restore()  // a restore without a save: CAIRO_STATUS_INVALID_RESTORE
            XCTAssertThrowsError(try canvas.finish(), format.rawValue) { error in
                XCTAssertEqual((error as? FrontlineError)?.exitCode, 73)
                XCTAssertTrue("\(error)".contains("restore"), "names Cairo's reason: \(error)")
            }
        }
    }

    func testPixelsOfAFailedCanvasAreRefused() throws {
        let canvas = try Canvas(format: .png, width: 8, height: 8)
        canvas.restore()
        XCTAssertThrowsError(try canvas.withPixels { _, _ in 0 })
    }

    func testAGoodPictureStillPasses() throws {
        let canvas = try Canvas(format: .png, width: 8, height: 8)
        canvas.save()
        canvas.fillRect(x: 0, y: 0, width: 8, height: 8, RGBA(0, 0, 1))
        canvas.restore()
        let png = try canvas.finish()
        XCTAssertEqual(try RasterImage(png: png).pixel(x: 4, y: 4)?.b ?? 0, 1, accuracy: 0.01)
    }
}
