// The building blocks of the HTML pages (check, score, rank): escaping, the
// page's head with its one inline stylesheet, badges that say an outcome with
// a mark, a word and a colour, and SVG bars. A page is one self-contained
// file: inline CSS and SVG, no fonts, images or scripts from anywhere (a
// Content-Security-Policy forbids them), a few lines of inline script only
// to sort tables.
#pragma once

#include <string>
#include <string_view>

#include "evaluate/evaluator.h"
#include "model/catalogue.h"
#include "report/report.h"

namespace ipz::html {

// Text for an HTML element or a quoted attribute: & < > " ' escaped, control
// and bidi characters other than tab and newline shown visibly (<U+202E>), and
// invalid UTF-8 shown as U+FFFD (report/sanitize.h).
std::string escape(std::string_view s);

// The page up to and including <body>, in the report's language.
std::string page_begin(Lang lang, std::string_view title);
// The sorting script, then </body></html>.
std::string page_end();

// <span class="badge o-fail"><span aria-hidden="true">✗</span> 不通过</span>
std::string outcome_badge(Outcome o, Lang lang, const Catalogue& cat);
// The verdict as the text report says it, with its mark: 不符合条件 (ineligible)
// after "结论：", 不符合条件 in a summary.
std::string verdict_badge(Verdict v, Lang lang, const Catalogue& cat, bool with_id = false);

// A gauge: the value against its bound, the shortfall marked between them
// (unless the rule's outcome is pass); named: the caption names the measure.
std::string gauge(const Gauge& g, Outcome rule, bool named, Lang lang, const Catalogue& cat);
// A bar of points against their maximum (score and rank); label is its accessible name.
std::string bar(double value, double max, std::string_view label, bool small = false);

}  // namespace ipz::html
