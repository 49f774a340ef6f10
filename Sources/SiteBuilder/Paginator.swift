/// Splits a list into pages the way Hugo does: page 1 at the list's URL, page N at
/// `…/page/N/` (`…/page/N.html` for a list with an ugly URL, `/posts.html`), and a redirect
/// from `…/page/1/` to the list.
struct Paginator {
    var listURL: String
    var pageSize: Int
    /// Pages at `…/page/N.html`.
    var ugly = false

    struct Pager {
        var number: Int
        var total: Int
        var url: String
        var range: Range<Int>
    }

    func url(ofPage number: Int) -> String {
        number <= 1 ? listURL : pageURL(number)
    }

    private func pageURL(_ number: Int) -> String {
        ugly ? URLPaths.folder(ofList: listURL) + "page/\(number).html" : listURL + "page/\(number)/"
    }

    /// The pagers for `count` items: always at least one (an empty list still has its page).
    func pagers(count: Int) -> [Pager] {
        let size = max(1, pageSize)
        let total = max(1, (count + size - 1) / size)
        return (1...total).map { number in
            let start = (number - 1) * size
            return Pager(number: number, total: total, url: url(ofPage: number), range: start..<min(count, start + size))
        }
    }

    /// The redirect Hugo writes from `…/page/1/` to the list itself.
    var firstPageAlias: String { pageURL(1) }
}
