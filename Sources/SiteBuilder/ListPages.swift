import ContentParsing
import Foundation
import SiteCore

/// The list pages of each language: the home page and the year archive.
struct ListPages {
    var site: SiteIndex
    var templates: TemplateData

    private var config: SiteConfig { site.config }

    func files(diagnostics: inout [Diagnostic]) -> [OutputFile] {
        var files: [OutputFile] = []
        for language in config.languages.map(\.language.code) {
            let prefix = URLPaths.languagePrefix(language, config: config)
            let posts = site.pages.filter { $0.language == language && $0.isPost }
                .sorted { ($0.displayDate?.date ?? .distantPast) > ($1.displayDate?.date ?? .distantPast) }
            var context: [String: Any] = [
                "site": templates.siteContext(language: language),
                "t": site.theme.translations.table(for: language),
                "language": language,
                "title": config.language(language)?.language.title ?? config.title,
                "isHome": true,
                "pages": posts.map(templates.summaryContext),
                "relPermalink": site.relativeLink(prefix + "/"),
            ]
            if let html = site.theme.render("home", context) ?? site.theme.render("list", context) {
                files.append(OutputFile(path: URLPaths.outputFile(forURL: prefix + "/"), text: html))
            } else {
                diagnostics.append(missingTemplate("home"))
            }
            context["isHome"] = false
            context["title"] = site.theme.translations.text("archives", language: language)
            context["years"] = Dictionary(grouping: posts) { $0.displayDate?.components.year ?? 0 }
                .sorted { $0.key > $1.key }
                .map { year, pages in ["year": year, "pages": pages.map(templates.summaryContext)] as [String: Any] }
            if let html = site.theme.render("archives", context) {
                files.append(OutputFile(path: URLPaths.outputFile(forURL: prefix + "/archives/"), text: html))
            }
        }
        return files
    }

    private func missingTemplate(_ name: String) -> Diagnostic {
        Diagnostic(
            .error, code: "template.missing",
            message: "the theme has no '\(name)' or 'list' template (layouts/\(name).mustache)",
            location: SourceLocation(path: "layouts/\(name).mustache"))
    }
}
