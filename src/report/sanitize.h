// The one sanitiser: every string that leaves ipzone (a report in any format,
// a message on the terminal) passes through here, for the place it goes to.
// Whatever the bytes of a name, a path or a value, the output stays valid:
//  - invalid UTF-8 becomes U+FFFD (one per maximal invalid subsequence);
//  - control characters (C0 but tab and newline, DEL, C1), the bidirectional
//    marks, embeddings, overrides and isolates, and the line and paragraph
//    separators, and U+FFFE and U+FFFF, are shown visibly as <U+202E> in text for people (terminal,
//    text, Markdown, HTML, workbooks, CSV), escaped in JSON (\u202e), and in
//    XML as a character reference (&#x202E;) or, where XML 1.0 cannot carry
//    one (C0 controls, U+FFFE, U+FFFF), visibly;
//  - a CSV cell that starts with = + - @, a tab or a carriage return is
//    neutralised as OWASP recommends (a leading apostrophe), so that a
//    spreadsheet never runs it as a formula.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ipz {

// Where a string goes.
enum class Sink {
  text,       // for people, several lines: tab and newline kept
  text_line,  // for people, one line (a name, a path, a table cell): tab, newline, CR shown visibly too
  json,       // the inside of a JSON string literal (no quotes): " \ and controls escaped
  xml,        // XML character data or a quoted attribute: & < > " ' escaped too
  html,       // HTML text or a quoted attribute: & < > " ' escaped, nothing invisible
};

// s made safe for sink.
std::string sanitize(std::string_view s, Sink sink);
// Appends sanitize(s, sink) to out.
void sanitize_into(std::string& out, std::string_view s, Sink sink);

// A CSV field (RFC 4180): made visible as text, neutralised when a
// spreadsheet would read it as a formula (a number such as -12 or -1.5 is
// kept), and quoted when it holds a comma, a quote or a line break.
std::string csv_cell(std::string_view s);

// A Markdown table cell: one line of visible text, | escaped.
std::string markdown_cell(std::string_view s);

// At most max_chars code points of s (valid UTF-8 afterwards), with "…" when
// cut: what a message may quote of an input.
inline constexpr std::size_t kExcerptChars = 120;
std::string excerpt(std::string_view s, std::size_t max_chars = kExcerptChars);

// True for a code point that sanitize never lets through as it is (outside
// text's tab and newline).
bool is_hazardous(char32_t c);

// One code point as UTF-8.
void append_utf8(std::string& out, char32_t c);

}  // namespace ipz
