#ifndef CHRONICLE_CMARK_GATE_H
#define CHRONICLE_CMARK_GATE_H

// Lets several cmark-gfm parsers run `cmark_parser_finish` at once.
//
// cmark-gfm 0.29.0.gfm.6 keeps two process-wide tables of special inline characters
// (SPECIAL_CHARS, SKIP_CHARS in src/inlines.c). `cmark_parser_finish` adds the attached
// extensions' characters (`~`, `:`, `w`) before its inline pass and removes them after it
// (`cmark_manage_extensions_special_characters(parser, 1 / 0)`), so one parser's removal while
// another is in its inline pass turns that one's `~~strike~~` and autolinks into plain text.
// Nothing else a parse does touches shared state (extension registration aside, done once).
//
// Two parts make parallel parses safe:
//
// - The table writes are reference-counted: the real add happens only for the first parser that
//   needs a character and the real remove only for the last, so the tables never change while a
//   parser with those characters is in its inline pass. Statically linked (release build), the
//   linker routes blocks.c.o's calls of `cmark_inlines_add_special_character` /
//   `cmark_inlines_remove_special_character` to `__wrap_…` here (`-Wl,--wrap=…`, set in
//   Package.swift); counted per character. With the shared library (debug builds, `swift test`)
//   those two are internal to libcmark-gfm.so, but its call of
//   `cmark_manage_extensions_special_characters` goes through the PLT, so the definition here
//   interposes it (the real one is found with dlsym(RTLD_NEXT)); counted per call.
// - The gate: parsers with the same extension set (the same characters) may be inside
//   `cmark_parser_finish` together; a parser with another set waits until they have all left, so
//   no parser ever reads the tables while characters it does not expect are added or removed.
//   Until `chronicle_cmark_gate_set_parallel(…, true)` (MarkdownRendering's start-up self-test,
//   once it has seen one of the two routes work) the gate admits one parser at a time.
//
// Linux/ELF only; elsewhere the counters never move and the self-test keeps one parse at a time.

#include <stdbool.h>
#include <stdint.h>

/// A gate around `cmark_parser_finish`.
typedef struct chronicle_cmark_gate chronicle_cmark_gate;

/// The key of a parser that shares the tables with no one (admitted only into an empty gate).
#define CHRONICLE_CMARK_GATE_EXCLUSIVE 0xFFFFFFFFFFFFFFFFULL

/// The process-wide gate every cmark-gfm parse goes through. Starts admitting one at a time.
chronicle_cmark_gate *chronicle_cmark_gate_shared(void);

/// A separate gate (for tests of the gate itself); starts admitting one at a time.
chronicle_cmark_gate *chronicle_cmark_gate_create(void);
void chronicle_cmark_gate_destroy(chronicle_cmark_gate *gate);

/// true: parsers with the same key may be inside together; false: one parser at a time.
void chronicle_cmark_gate_set_parallel(chronicle_cmark_gate *gate, bool parallel);

/// Waits until the gate admits a parser whose attached extensions are the set `key` (the same
/// set, the same key; CHRONICLE_CMARK_GATE_EXCLUSIVE for one that must be alone).
void chronicle_cmark_gate_enter(chronicle_cmark_gate *gate, uint64_t key);

/// Leaves the gate (after `cmark_parser_finish`).
void chronicle_cmark_gate_leave(chronicle_cmark_gate *gate);

/// A snapshot of a gate, for tests.
typedef struct {
    long inside;       ///< parsers inside now
    long waiting;      ///< parsers waiting to get in now
    long most_inside;  ///< the most parsers that were ever inside at once
} chronicle_cmark_gate_state;

chronicle_cmark_gate_state chronicle_cmark_gate_get_state(chronicle_cmark_gate *gate);

/// What the special-character wrappers have done since the process started.
typedef struct {
    uint64_t wrapped_calls;     ///< calls of the static build's __wrap_cmark_inlines_…_special_character
    uint64_t interposed_calls;  ///< calls of the interposed cmark_manage_extensions_special_characters
    uint64_t table_writes;      ///< how many of those reached the real function (wrote the tables)
    int64_t outstanding;        ///< additions not yet removed (0 whenever no parse is running)
} chronicle_cmark_special_stats;

chronicle_cmark_special_stats chronicle_cmark_special_characters_stats(void);

#endif
