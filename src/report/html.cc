// HTML building blocks (see html.h).
#include "report/html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/sanitize.h"

namespace ipz::html {

namespace {

// The stylesheet of every page. Colours come in pairs, --NAME-fg on
// --NAME-bg, each with a contrast of at least 4.5:1 (a test computes it);
// an outcome is never told by its colour alone: a mark and a word go with it.
constexpr std::string_view kStyle = R"CSS(
:root{--fg:#1a1a1a;--bg:#ffffff;--muted-fg:#4a4a4a;--muted-bg:#ffffff;--link-fg:#0b4f9c;--link-bg:#ffffff;
--pass-fg:#1b5e20;--pass-bg:#e6f4e7;--fail-fg:#a31515;--fail-bg:#fdecec;--review-fg:#7a3e00;--review-bg:#fff1dc;
--missing-fg:#5a1d8c;--missing-bg:#f2e9fa;--na-fg:#4a4a4a;--na-bg:#f0f0f0;--note-fg:#3b2a00;--note-bg:#fff2bf;--head-fg:#1a1a1a;--head-bg:#eef1f5;
--track:#e4e4e4;--edge:#6b6b6b}
*{box-sizing:border-box}
html{color:var(--fg);background:var(--bg)}
body{margin:0 auto;max-width:72rem;padding:1.2rem 1.4rem 3rem;font:15px/1.5 "Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Noto Sans",system-ui,sans-serif;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:0}h3{font-size:1.05rem;margin:1rem 0 .4rem;padding-bottom:.15rem;border-bottom:1px solid var(--edge)}
h4{font-size:.98rem;margin:0 0 .3rem;font-weight:600;display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:baseline}
a{color:var(--link-fg)}code{font-family:"Noto Sans Mono CJK SC","DejaVu Sans Mono",monospace;font-size:.9em}
.muted,.generated,.params,.rule-id{color:var(--muted-fg)}
.run{margin-bottom:1rem}.generated{margin:0;font-size:.88rem}
.note{border:2px solid var(--note-fg);color:var(--note-fg);background:var(--note-bg);padding:.6rem .8rem;margin:.8rem 0;font-weight:500}
.note strong{display:block;font-size:1.05rem}
.badge{display:inline-block;padding:0 .45rem;border:1px solid currentColor;border-radius:.3rem;font-weight:600;white-space:nowrap}
.o-pass{color:var(--pass-fg);background:var(--pass-bg)}.o-fail{color:var(--fail-fg);background:var(--fail-bg)}
.o-review{color:var(--review-fg);background:var(--review-bg)}.o-missing{color:var(--missing-fg);background:var(--missing-bg)}
.o-not-applicable{color:var(--na-fg);background:var(--na-bg)}
.dossier{margin-top:2rem;border-top:3px solid var(--edge);padding-top:.8rem}
.run+.dossier{border-top:0;margin-top:0}.run+.dossier .back{display:none}
.dossier-head dl{display:flex;flex-wrap:wrap;gap:.1rem 1.6rem;margin:.4rem 0}
.dossier-head dl div{display:flex;gap:.4rem}dt{color:var(--muted-fg)}dd{margin:0}
.verdict{font-size:1.05rem;margin:.3rem 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(21rem,1fr));gap:.6rem}
.card{border:1px solid var(--edge);border-left-width:.45rem;border-radius:.3rem;padding:.5rem .7rem;background:var(--bg);color:var(--fg);min-width:0}
.card.o-pass{border-left-color:var(--pass-fg)}.card.o-fail{border-left-color:var(--fail-fg)}
.card.o-review{border-left-color:var(--review-fg)}.card.o-missing{border-left-color:var(--missing-fg)}
.card.o-not-applicable{border-left-color:var(--na-fg)}
.card p{margin:.15rem 0}.values{font-size:.93rem}.params{font-size:.8rem}.rule-id{font-size:.8rem;margin-left:auto}
.gauge{margin:.3rem 0}.gauge svg{display:block;width:100%;max-width:26rem;height:auto}
.gauge figcaption{font-size:.86rem}.gauge .short{font-weight:600;color:var(--fail-fg)}
.gauge .track{fill:var(--track);stroke:var(--edge)}.gauge .bound{stroke:var(--fg);stroke-width:2}
.gauge .gap{fill:var(--bg);stroke:var(--fail-fg);stroke-dasharray:4 2;stroke-width:1.5}
.gauge .tick{font-size:11px;fill:var(--fg)}
.fill-pass{fill:var(--pass-fg)}.fill-fail{fill:var(--fail-fg)}.fill-review{fill:var(--review-fg)}.fill-missing{fill:var(--missing-fg)}
.fill-other{fill:var(--muted-fg)}.fill-bar{fill:var(--link-fg)}
details{margin-top:.3rem;font-size:.9rem}summary{cursor:pointer;color:var(--link-fg)}
blockquote{margin:.3rem 0 0;padding:.3rem .6rem;border-left:3px solid var(--edge);white-space:pre-wrap}
.diagnostics{padding-left:1.2rem}.diagnostics li{margin:.15rem 0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid var(--edge);padding:.2rem .35rem;text-align:left;vertical-align:top}
thead th{color:var(--head-fg);background:var(--head-bg)}
th button{font:inherit;color:inherit;background:none;border:0;padding:0;margin:0;text-align:inherit;cursor:pointer;display:block;width:100%}
table .badge{white-space:normal}
th button::after{content:" \2195";color:var(--muted-fg)}
table.matrix th.crit{writing-mode:vertical-rl;white-space:nowrap;font-weight:600;font-size:.8rem;vertical-align:bottom;padding:.3rem 0}
table.matrix td.mark{text-align:center;font-weight:700;padding:.2rem 0}
table.matrix col.c{width:1.9rem}table.matrix col.n{width:2.8rem}table.matrix col.v{width:9.5rem}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}
.legend{font-size:.88rem}.legend span{margin-right:.6rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.score-total{font-size:1.25rem;font-weight:700;margin:.4rem 0}
.bar svg{display:block;width:100%;max-width:22rem;height:auto}.bar.small svg{max-width:7rem}
.bar .track{fill:var(--track);stroke:var(--edge)}
table.scores td.num,table.scores th.num{text-align:right}
@page{size:A4;margin:10mm 10mm 11mm}
@media print{
 html{font-size:7.8pt}body{max-width:none;padding:0;font-size:7.8pt;line-height:1.25}
 h1{font-size:1.3rem}h2{font-size:1.15rem}.run{margin-bottom:.4rem}.dossier-head dl{margin:.15rem 0}.verdict{margin:.1rem 0}
 .diagnostics{font-size:.92em;margin:.1rem 0}.diagnostics li{margin:0}
 th button::after,.back{display:none}a{color:inherit;text-decoration:none}
 .dossier{break-before:page;border-top:0;margin-top:0;padding-top:0}.run+.dossier,.note+.dossier{break-before:auto}
 .articles{columns:2;column-gap:4mm}.cards{display:block}.card{break-inside:avoid;padding:.15rem .35rem;margin:0 0 .25rem}
 h3{margin:.3rem 0 .15rem;break-after:avoid}h4{display:block;break-after:avoid}h4 .rule-id{float:right;margin-left:.4rem}.gauge{margin:.1rem 0}.gauge svg{max-width:14rem}
 details{display:none}tr{break-inside:avoid}thead{display:table-header-group}
}
)CSS";

// A few lines to sort a table by a column: a click on its heading's button
// sorts by each cell's data-v (or its text), again to reverse.
constexpr std::string_view kSortScript = R"JS(
for(const b of document.querySelectorAll("table.sortable th button"))b.addEventListener("click",()=>{
const th=b.closest("th"),t=th.closest("table"),i=[...th.parentNode.children].indexOf(th),up=th.dataset.dir!=="a";
th.dataset.dir=up?"a":"d";const key=r=>r.cells[i].dataset.v??r.cells[i].textContent;
[...t.tBodies[0].rows].sort((x,y)=>(up?1:-1)*key(x).localeCompare(key(y),undefined,{numeric:true})).forEach(r=>t.tBodies[0].append(r));});
)JS";

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string_view outcome_class(Outcome o) { return outcome_name(o); }

}  // namespace

std::string escape(std::string_view s) { return sanitize(s, Sink::html); }

std::string page_begin(Lang lang, std::string_view title) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"";
  o += lang == Lang::en ? "en" : "zh-CN";
  o += "\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
       "script-src 'unsafe-inline'; img-src data:\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" "
       "content=\"ipzone " IPZONE_VERSION "\">\n<title>";
  o += escape(title);
  o += "</title>\n<style>";
  o += kStyle;
  o += "</style>\n</head>\n<body>\n";
  return o;
}

std::string page_end() { return "<script>" + std::string(kSortScript) + "</script>\n</body>\n</html>\n"; }

std::string outcome_badge(Outcome o, Lang lang, const Catalogue& cat) {
  const std::string key = "outcome." + std::string(outcome_name(o));
  return "<span class=\"badge o-" + std::string(outcome_class(o)) + "\"><span aria-hidden=\"true\">" +
         escape(cat.get(key + ".mark", lang)) + "</span> " + escape(cat.get(key, lang)) + "</span>";
}

std::string verdict_badge(Verdict v, Lang lang, const Catalogue& cat, bool with_id) {
  const Outcome look = verdict_look(v);
  const std::string name(verdict_name(v));
  return "<span class=\"badge o-" + std::string(outcome_class(look)) + "\"><span aria-hidden=\"true\">" +
         escape(cat.get("outcome." + std::string(outcome_name(look)) + ".mark", lang)) + "</span> " +
         escape(cat.get("verdict." + name, lang)) + (with_id ? " (" + name + ")" : "") + "</span>";
}

std::string gauge(const Gauge& g, Outcome rule, bool named, Lang lang, const Catalogue& cat) {
  if (!g.known) return "";
  // The scale: 0-100 % for a share; else a quarter beyond the larger of value and bound.
  double top = g.type == FactType::share ? 100.0 : std::max(g.value, g.bound) * 1.25;
  if (top <= 0) top = 1;
  constexpr double W = 400, x0 = 1, w = W - 2;
  auto at = [&](double v) { return x0 + w * std::clamp(v / top, 0.0, 1.0); };
  const double xv = at(g.value), xb = at(g.bound);
  const std::string caption = cat.render("gauge.scale", {{"value", g.value_text}, {"bound", g.bound_text}}, lang);
  // A part of a rule that passes another way (patents: valid or invention)
  // has no shortfall to mark.
  const bool short_of = !g.passed && rule != Outcome::pass;
  const std::string label = cat.render("html.label_value", {{"label", g.label}, {"value", caption}}, lang) +
                            (short_of ? " · " + g.shortfall : "");
  const std::string look = g.passed ? "pass" : short_of ? "fail" : "other";
  std::string o = "<figure class=\"gauge\"><svg viewBox=\"0 0 400 40\" role=\"img\" aria-label=\"" + escape(label) +
                  "\"><rect class=\"track\" x=\"" + number(x0) + "\" y=\"16\" width=\"" + number(w) +
                  "\" height=\"14\"/>";
  o += "<rect class=\"fill-" + look + "\" x=\"" + number(x0) + "\" y=\"16\" width=\"" + number(xv - x0) +
       "\" height=\"14\"/>";
  if (short_of && xb > xv)
    o += "<rect class=\"gap\" x=\"" + number(xv) + "\" y=\"17\" width=\"" + number(xb - xv) + "\" height=\"12\"/>";
  o += "<line class=\"bound\" x1=\"" + number(xb) + "\" y1=\"11\" x2=\"" + number(xb) + "\" y2=\"35\"/>";
  const char* anchor = xb > W * 0.8 ? "end" : xb < W * 0.2 ? "start" : "middle";
  o += "<text class=\"tick\" x=\"" + number(xb) + "\" y=\"9\" text-anchor=\"" + anchor + "\">" + escape(g.bound_text) +
       "</text></svg>";
  // The values are on the card's line above; a caption names the part when
  // the card has several gauges, and says what is lacking.
  if (named || short_of) {
    o += "<figcaption>";
    if (named) o += escape(cat.render("html.label_value", {{"label", g.label}, {"value", caption}}, lang));
    if (short_of) o += std::string(named ? " · " : "") + "<span class=\"short\">" + escape(g.shortfall) + "</span>";
    o += "</figcaption>";
  }
  return o + "</figure>";
}

std::string bar(double value, double max, std::string_view label, bool small) {
  const double f = max > 0 ? std::clamp(value / max, 0.0, 1.0) : 0;
  return std::string("<span class=\"bar") + (small ? " small" : "") +
         "\"><svg viewBox=\"0 0 200 14\" role=\"img\" aria-label=\"" + escape(label) +
         "\"><rect class=\"track\" x=\"0.5\" y=\"0.5\" width=\"199\" height=\"13\"/><rect class=\"fill-bar\" x=\"0.5\" "
         "y=\"0.5\" width=\"" +
         number(199 * f) + "\" height=\"13\"/></svg></span>";
}

}  // namespace ipz::html
