// The cost per code block of GNU Source-highlight 3.1.9 (Debian's libsource-highlight-dev), as
// a shim around it would use it: its line highlighter with formatters that write Chroma's span
// classes, each language's states and the formatters made once. Kept to back the choice in
// docs/ARCHITECTURE.md ("Code highlighting"); Chronicle does not link it.
//   sudo apt-get install -y libsource-highlight-dev
//   g++ -O2 -std=c++17 bench/source-highlight.cpp -o .build/hl-bench/source-highlight \
//       -lsource-highlight -lboost_regex
//   .build/hl-bench/source-highlight .build/hl-bench/blocks.bin   (blocks: scripts/code_blocks.py)
#include <srchilite/sourcehighlighter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatter.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/langmap.h>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <vector>
static std::string out;
static void esc(const std::string &s) {
    for (char c : s) { if (c == '<') out += "&lt;"; else if (c == '&') out += "&amp;"; else if (c == '>') out += "&gt;"; else out += c; }
}
struct SpanFormatter : srchilite::Formatter {
    std::string cls;
    SpanFormatter(std::string c) : cls(std::move(c)) {}
    void format(const std::string &s, const srchilite::FormatterParams *) override {
        if (s.empty()) return;
        if (cls.empty()) { esc(s); return; }
        out += "<span class=\"" + cls + "\">"; esc(s); out += "</span>";
    }
};
int main(int argc, char **argv) {
    std::ifstream in(argc > 1 ? argv[1] : "blocks.bin", std::ios::binary);
    std::string all((std::istreambuf_iterator<char>(in)), {});
    std::vector<std::pair<std::string, std::string>> blocks;
    size_t p = 0;
    while (p < all.size()) {
        size_t a = all.find('\0', p), b = all.find('\0', a + 1);
        blocks.push_back({all.substr(p, a - p), all.substr(a + 1, b - a - 1)});
        p = b + 1;
    }
    srchilite::LangMap langMap("/usr/share/source-highlight", "lang.map");
    langMap.open();
    srchilite::RegexRuleFactory factory;
    srchilite::LangDefManager langDefs(&factory);
    auto def = srchilite::FormatterPtr(new SpanFormatter(""));
    srchilite::FormatterManager formatters(def);
    std::map<std::string, std::string> classes = {{"keyword", "k"}, {"type", "kt"}, {"string", "s"}, {"comment", "c"},
        {"preproc", "cp"}, {"number", "m"}, {"function", "nf"}, {"variable", "nv"}, {"specialchar", "se"}, {"symbol", "o"}};
    for (auto &[e, c] : classes) formatters.addFormatter(e, srchilite::FormatterPtr(new SpanFormatter(c)));
    std::map<std::string, std::unique_ptr<srchilite::SourceHighlighter>> highlighters;
    std::vector<std::pair<srchilite::SourceHighlighter *, std::string>> usable;
    auto t0 = std::chrono::steady_clock::now();
    for (auto &[lang, code] : blocks) {
        std::string file = langMap.getFileName(lang == "console" ? "sh" : lang);
        if (file.empty()) continue;
        auto &h = highlighters[file];
        if (!h) {
            h.reset(new srchilite::SourceHighlighter(langDefs.getHighlightState("/usr/share/source-highlight", file)));
            h->setFormatterManager(&formatters);
            h->setOptimize(true);
        }
        usable.push_back({h.get(), code});
    }
    auto t1 = std::chrono::steady_clock::now();
    auto run = [&]() {
        for (auto &[h, code] : usable) {
            h->clearStateStack();  // a new block starts in the main state
            h->setCurrentState(h->getMainState());
            size_t s = 0;
            while (s < code.size()) {
                size_t e = code.find('\n', s); if (e == std::string::npos) e = code.size();
                h->highlightParagraph(code.substr(s, e - s));
                out += '\n';
                s = e + 1;
            }
        }
    };
    run();
    size_t bytes = out.size();
    int rounds = 500;
    auto t2 = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; r++) { out.clear(); run(); }
    auto t3 = std::chrono::steady_clock::now();
    std::cout << usable.size() << " blocks; loading " << highlighters.size() << " .lang files "
              << std::chrono::duration<double, std::micro>(t1 - t0).count() << " us; steady "
              << std::chrono::duration<double, std::micro>(t3 - t2).count() / (rounds * usable.size())
              << " us/block; output " << bytes << " bytes\n";
}
