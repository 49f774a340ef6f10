/* The floor of `make bench`: the least a site generator must do with a site's posts.
 *
 *     floor SITE OUT        (cc -O2 bench/floor.c -o floor -lcmark-gfm-extensions -lcmark-gfm)
 *
 * Walks SITE/content; for every .md file cuts the front matter (a `---` YAML or `+++` TOML
 * block at the top), parses the body with cmark-gfm, renders it to HTML and writes it to
 * OUT/<same path>.html. One thread, nothing else: no templates, lists, taxonomies, feeds or
 * sitemaps, no draft or language handling (drafts are rendered too), and shortcodes stay in
 * the text as they are (a few lines per post). The options and extensions are what Chronicle
 * derives from the generated corpus' config (`unsafe = true`, goldmark's defaults otherwise;
 * see Sources/MarkdownRendering/MarkdownRenderer.swift). Prints the number of files written.
 */
#define _XOPEN_SOURCE 700
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const int options = CMARK_OPT_UNSAFE | CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES
                         | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
static const char *extensions[] = {"table", "strikethrough", "autolink", "tasklist"};
static char out_root[4096];
static size_t content_length; /* strlen("SITE/content") */
static long written;

/* The body after a front matter block opened and closed by `---` or `+++` lines. */
static const char *body(const char *text) {
    if (strncmp(text, "---\n", 4) != 0 && strncmp(text, "+++\n", 4) != 0) return text;
    char fence[6] = {'\n', text[0], text[0], text[0], 0};
    const char *end = strstr(text + 3, fence);
    if (!end) return text;
    end = strchr(end + 4, '\n');
    return end ? end + 1 : text + strlen(text);
}

static int visit(const char *path, const struct stat *info, int kind, struct FTW *ftw) {
    (void)ftw;
    char out[8192];
    snprintf(out, sizeof out, "%s%s", out_root, path + content_length);
    if (kind == FTW_D && mkdir(out, 0755) != 0 && errno != EEXIST) {
        perror(out);
        return 1;
    }
    size_t length = strlen(out);
    if (kind != FTW_F || length < 3 || strcmp(out + length - 3, ".md") != 0) return 0;

    FILE *file = fopen(path, "rb");
    if (!file) {
        perror(path);
        return 1;
    }
    char *text = malloc(info->st_size + 1);
    size_t size = fread(text, 1, info->st_size, file);
    text[size] = 0;
    fclose(file);

    const char *markdown = body(text);
    cmark_parser *parser = cmark_parser_new(options);
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[i]));
    cmark_parser_feed(parser, markdown, size - (markdown - text));
    cmark_node *root = cmark_parser_finish(parser);
    char *html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser));

    strcpy(out + length - 3, ".html");
    FILE *output = fopen(out, "wb");
    if (!output) {
        perror(out);
        return 1;
    }
    fwrite(html, 1, strlen(html), output);
    fclose(output);
    written++;

    free(html);
    cmark_node_free(root);
    cmark_parser_free(parser);
    free(text);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s SITE OUT\n", argv[0]);
        return 2;
    }
    char content[4096];
    snprintf(content, sizeof content, "%s/content", argv[1]);
    snprintf(out_root, sizeof out_root, "%s", argv[2]);
    content_length = strlen(content);
    cmark_gfm_core_extensions_ensure_registered();
    if (nftw(content, visit, 32, FTW_PHYS) != 0) {
        fprintf(stderr, "%s: stopped after %ld files\n", content, written);
        return 1;
    }
    printf("%ld files written\n", written);
    return 0;
}
