import XCTest
import FrontlineSupport

/// Text and links written into pages.
final class MarkupTests: XCTestCase {
    func testOnlyWebLinksAreLinks() {
        for good in ["https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG/x"] {
            XCTAssertTrue(Markup.isWebLink(good), good)
        }
        // Fault: `embed --link 'javascript:...'` was written into an href.
        for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//example.org", "https:///x",
                    "http://", "https://exa mple.org", "https://example.org/\u{7}", "ftp://example.org", ""] {
            XCTAssertFalse(Markup.isWebLink(bad), bad)
        }
    }

    func testEscape() {
        XCTAssertEqual(Markup.escape(#"<a href="x">&</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    }
}
