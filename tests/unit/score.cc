// Unit tests for evaluate/score: the comprehensive score of Art. 7(4) under
// the scoring model of the embedded recognition rule set (rules/recognition/
// scoring.yaml), as properties checked over sweeps of dossiers: the same
// dossier always scores the same, the breakdown adds up exactly, every
// indicator stays within its bounds, more of a good thing never lowers the
// total, the curves give what the model file says, missing data scores 0 and
// names its field, and a changed model moves the total as computed by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dossier_builder.h"
#include "evaluate/rule_lint.h"
#include "evaluate/score.h"
#include "model/scoring.h"
#include "read/dossier_loader.h"
#include "read/rule_loader.h"

using ipz::test::date;
using ipz::test::DossierBuilder;

namespace {

// ---------------------------------------------------------------------------
// Dossiers with a roster written row by row

// One roster row: an enterprise, its classification and its patents.
struct Firm {
  bool sme = true;
  bool high_end = true;
  long long invention = 0, utility = 0, design = 0;
  bool parts = false;  // patents as {invention, utility_model, design}; else as {valid, invention}
  long long valid() const { return invention + utility + design; }
};

// A dossier: everything but the roster from a DossierBuilder (which passes
// every rule), the roster from firms, and an optional `work:` flow map.
struct Zone {
  DossierBuilder base;
  std::vector<Firm> firms;
  std::optional<std::string> work;
  std::string label;  // for failure messages

  static std::string firm_yaml(const Firm& f, std::size_t index) {
    std::string n = std::to_string(index + 1);
    while (n.size() < 4) n = "0" + n;
    std::string r = "{name: 北京评分" + n + "科技有限公司, sme: " + (f.sme ? "true" : "false") +
                    ", high_end_industry: " +
                    (f.high_end ? ipz::test::high_end_names()[index % ipz::test::high_end_names().size()]
                                : std::string("none"));
    if (f.valid() > 0) {
      if (f.parts)
        r += ", patents: {invention: " + std::to_string(f.invention) + ", utility_model: " +
             std::to_string(f.utility) + ", design: " + std::to_string(f.design) + "}";
      else
        r += ", patents: {valid: " + std::to_string(f.valid()) + ", invention: " + std::to_string(f.invention) + "}";
    }
    return r + "}";
  }

  std::string yaml() const {
    DossierBuilder b = base;
    b.enterprises = 0;
    b.extra_rows.clear();
    for (std::size_t i = 0; i < firms.size(); ++i) b.extra_rows.push_back(firm_yaml(firms[i], i));
    std::string y = b.yaml();
    if (work) y += "work: " + *work + "\n";
    return y;
  }

  long long invention_total() const {
    long long s = 0;
    for (const auto& f : firms) s += f.invention;
    return s;
  }
};

// n enterprises, the first smes of them SMEs, the first high_end in a high-end
// industry; valid patents (invention of them) spread evenly over the first
// patent_rows rows (all rows when 0).
Zone make_zone(int n, int smes, int high_end, long long valid, long long invention, int patent_rows = 4,
               bool parts = false) {
  Zone z;
  z.label = std::to_string(n) + " enterprises, " + std::to_string(smes) + " SMEs, " + std::to_string(high_end) +
            " high-end, " + std::to_string(valid) + " valid / " + std::to_string(invention) + " invention patents over " +
            std::to_string(patent_rows) + " rows" + (parts ? " (as parts)" : "");
  z.firms.resize(static_cast<std::size_t>(std::max(n, 0)));
  for (int i = 0; i < n; ++i) {
    z.firms[static_cast<std::size_t>(i)].sme = i < smes;
    z.firms[static_cast<std::size_t>(i)].high_end = i < high_end;
    z.firms[static_cast<std::size_t>(i)].parts = parts;
  }
  const int rows = std::min(n, patent_rows <= 0 ? n : patent_rows);
  if (rows > 0) {
    const long long utility = valid - invention;
    for (int i = 0; i < rows; ++i) {
      Firm& f = z.firms[static_cast<std::size_t>(i)];
      f.invention = invention / rows + (i == 0 ? invention % rows : 0);
      f.utility = utility / rows + (i == 0 ? utility % rows : 0);
    }
  }
  return z;
}

// Art. 9 work sections, from none to everything.
const std::vector<std::optional<std::string>>& work_sections() {
  static const std::vector<std::optional<std::string>> all = {
      std::nullopt,
      "{}",
      "{ip_butler: false, trainings_held: 0, pledge_financing_10k_yuan: 0, patent_transfers: 0, disputes_handled: 0, "
      "alliances_joined: 0}",
      "{ip_butler: true, trainings_held: 7, pledge_financing_10k_yuan: 1234, patent_transfers: 29, disputes_handled: 3, "
      "alliances_joined: 1}",
      "{ip_butler: true, trainings_held: 12, pledge_financing_10k_yuan: 5000, patent_transfers: 30, "
      "disputes_handled: 10, alliances_joined: 2}",
      "{trainings_held: 5, alliances_joined: 4}",
      "{ip_butler: true, trainings_held: 1000000, pledge_financing_10k_yuan: 1000000000000, patent_transfers: 999, "
      "disputes_handled: 11, alliances_joined: 1000}",
  };
  return all;
}

const std::vector<std::string>& all_functions() {
  static const std::vector<std::string> f = {"policy_publicity", "training", "rights_protection",
                                             "entrusted_management"};
  return f;
}

std::string functions_list(std::size_t how_many) {
  std::string out = "[";
  for (std::size_t i = 0; i < how_many && i < all_functions().size(); ++i)
    out += (i ? ", " : "") + all_functions()[i];
  return out + "]";
}

// The base dossiers of the sweeps: 70..200 enterprises, shares below, inside
// and above the curves, patents from none to many, in both patent forms, with
// and without a workstation, with 0..4 service functions, various work.
std::vector<Zone> sweep() {
  std::vector<Zone> out;
  const int sizes[] = {70, 83, 100, 120, 150, 200};
  struct Patents {
    long long valid, invention;
    int rows;
  };
  const Patents patents[] = {{0, 0, 4}, {300, 150, 4}, {420, 165, 4}, {555, 260, 0}, {800, 400, 10}, {1600, 1000, 4}};
  std::size_t k = 0;
  for (int n : sizes) {
    for (const Patents& p : patents) {
      const int smes = n * (75 + static_cast<int>(k % 4) * 7) / 100;       // 75 % .. 96 %
      const int high_end = n * (55 + static_cast<int>(k % 5) * 8) / 100;   // 55 % .. 87 %
      Zone z = make_zone(n, smes, high_end, p.valid, p.invention, p.rows, k % 2 == 1);
      z.base.ip_workstation = k % 3 == 0 ? "true" : "false";
      z.base.service_functions = functions_list(k % 5);
      z.work = work_sections()[k % work_sections().size()];
      z.label += ", workstation " + *z.base.ip_workstation + ", " + std::to_string(k % 5) + " functions, work " +
                 z.work.value_or("(none)");
      out.push_back(std::move(z));
      ++k;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Scoring

const ipz::ScoringModel& shipped_model() {
  const auto& rules = ipz::test::shipped_rules();
  if (!rules.scoring) throw std::runtime_error("the embedded recognition rule set has no scoring model");
  return *rules.scoring;
}

struct Scored {
  ipz::Facts facts;
  ipz::Score score;

  const ipz::IndicatorScore& indicator(std::string_view id) const {
    for (const auto& d : score.dimensions)
      for (const auto& i : d.indicators)
        if (i.indicator->id == id) return i;
    throw std::runtime_error("no indicator " + std::string(id));
  }
  long long points(std::string_view id) const { return indicator(id).points; }
  const ipz::DimensionScore& dimension(std::string_view id) const {
    for (const auto& d : score.dimensions)
      if (d.dimension->id == id) return d;
    throw std::runtime_error("no dimension " + std::string(id));
  }
  // indicator id -> points
  std::map<std::string, long long> by_indicator() const {
    std::map<std::string, long long> out;
    for (const auto& d : score.dimensions)
      for (const auto& i : d.indicators) out[i.indicator->id] = i.points;
    return out;
  }
};

// Loads text (which must load), derives its facts with the shipped rules on
// as_of (default: the dossier's) and scores it under model (default: shipped).
Scored score_text(const std::string& text, std::optional<ipz::Date> as_of = std::nullopt,
                  const ipz::ScoringModel* model = nullptr) {
  auto c = ipz::test::check_text(text, as_of);
  Scored s;
  s.facts = std::move(c.facts);
  s.score = ipz::score_dossier(model ? *model : shipped_model(), s.facts);
  if (!s.score.version) throw std::runtime_error("no scoring version in force");
  return s;
}

Scored score_of(const Zone& z, std::optional<ipz::Date> as_of = std::nullopt,
                const ipz::ScoringModel* model = nullptr) {
  return score_text(z.yaml(), as_of, model);
}

// The breakdown of a score as text, for failure messages.
std::string breakdown(const ipz::Score& s) {
  std::string out = "total " + ipz::format_points(s.total) + " / " + ipz::format_points(s.max) + "\n";
  for (const auto& d : s.dimensions) {
    out += "  " + d.dimension->id + " " + ipz::format_points(d.points) + " / " + ipz::format_points(d.max) + "\n";
    for (const auto& i : d.indicators)
      out += "    " + i.indicator->id + " = " + (i.known ? i.value : "(missing " + i.missing + ")") + ": " +
             ipz::format_points(i.points) + " / " + ipz::format_points(i.max) + "\n";
  }
  return out;
}

// The model's points as hundredths.
long long hundredths(const ipz::Number& n) { return n.num * 100 / n.den; }

void check_adds_up(const ipz::Score& s) {
  INFO(breakdown(s));
  long long total = 0, max = 0;
  REQUIRE(s.dimensions.size() == s.version->dimensions.size());
  for (std::size_t d = 0; d < s.dimensions.size(); ++d) {
    const auto& ds = s.dimensions[d];
    CHECK(ds.dimension == &s.version->dimensions[d]);
    REQUIRE(ds.indicators.size() == ds.dimension->indicators.size());
    long long points = 0, dmax = 0;
    for (std::size_t i = 0; i < ds.indicators.size(); ++i) {
      CHECK(ds.indicators[i].indicator == &ds.dimension->indicators[i]);
      CHECK(ds.indicators[i].max == hundredths(ds.dimension->indicators[i].points));
      points += ds.indicators[i].points;
      dmax += ds.indicators[i].max;
    }
    CHECK(ds.points == points);
    CHECK(ds.max == dmax);
    total += ds.points;
    max += ds.max;
  }
  CHECK(s.total == total);
  CHECK(s.max == max);
}

void check_bounds(const ipz::Score& s) {
  INFO(breakdown(s));
  for (const auto& d : s.dimensions) {
    CHECK(d.points >= 0);
    CHECK(d.points <= d.max);
    for (const auto& i : d.indicators) {
      INFO(i.indicator->id);
      CHECK(i.points >= 0);
      CHECK(i.points <= i.max);
      if (!i.known) CHECK(i.points == 0);
    }
  }
  CHECK(s.total >= 0);
  CHECK(s.total <= s.max);
}

// after >= before, indicator by indicator, except those named in may_fall.
void check_no_indicator_falls(const Scored& before, const Scored& after,
                              const std::vector<std::string>& may_fall = {}) {
  const auto b = before.by_indicator(), a = after.by_indicator();
  for (const auto& [id, points] : b) {
    if (std::find(may_fall.begin(), may_fall.end(), id) != may_fall.end()) continue;
    INFO("indicator " << id);
    CHECK(a.at(id) >= points);
  }
}

// The embedded recognition rule set with the text of scoring.yaml edited.
template <typename Edit>
ipz::LoadedRules load_with_scoring(Edit edit) {
  std::vector<ipz::RuleFile> files = ipz::embedded_rule_files("recognition");
  auto file = std::find_if(files.begin(), files.end(), [](const ipz::RuleFile& f) { return f.relative == "scoring.yaml"; });
  if (file == files.end()) throw std::runtime_error("no embedded scoring.yaml");
  const std::string before = file->text;
  edit(file->text);
  REQUIRE(file->text != before);
  file->tree.reset();  // the pre-parsed copy of the old text
  return ipz::load_rule_set(files, "test");
}

// Replaces from with to on the first line of text that holds line_mark.
void replace_in_line(std::string& text, std::string_view line_mark, std::string_view from, std::string_view to) {
  const std::size_t line = text.find(line_mark);
  REQUIRE(line != std::string::npos);
  const std::size_t at = text.find(from, line);
  REQUIRE(at != std::string::npos);
  REQUIRE(at < text.find('\n', line));
  text.replace(at, from.size(), to);
}

}  // namespace

// ---------------------------------------------------------------------------
// The shipped model

TEST_CASE("Score: the shipped model has four dimensions whose weights are their indicators' points and sum to 100",
          "[score][model]") {
  const ipz::ScoringModel& m = shipped_model();
  REQUIRE(m.versions.size() >= 1);
  for (const auto& v : m.versions) {
    long long weights = 0;
    for (const auto& d : v.dimensions) {
      INFO(d.id);
      long long points = 0;
      for (const auto& i : d.indicators) points += hundredths(i.points);
      CHECK(points == hundredths(d.weight));
      weights += hundredths(d.weight);
    }
    CHECK(weights == 10000);
  }
  const auto* v = m.in_force(date("2024-03-31"));
  REQUIRE(v);
  std::vector<std::string> ids;
  for (const auto& d : v->dimensions) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"scale", "ip_stock", "services", "work"});
}

// ---------------------------------------------------------------------------
// 1. Deterministic

TEST_CASE("Score: the same dossier scored twice gives identical totals, subtotals and indicator points",
          "[score][deterministic]") {
  for (const Zone& z : sweep()) {
    INFO(z.label);
    const Scored a = score_of(z), b = score_of(z);
    const ipz::Score again = ipz::score_dossier(shipped_model(), a.facts);  // the same facts, again
    for (const ipz::Score* s : {&b.score, &again}) {
      CHECK(s->version == a.score.version);
      CHECK(s->total == a.score.total);
      CHECK(s->max == a.score.max);
      CHECK(s->opportunities == a.score.opportunities);
      REQUIRE(s->dimensions.size() == a.score.dimensions.size());
      for (std::size_t d = 0; d < s->dimensions.size(); ++d) {
        CHECK(s->dimensions[d].points == a.score.dimensions[d].points);
        CHECK(s->dimensions[d].max == a.score.dimensions[d].max);
        REQUIRE(s->dimensions[d].indicators.size() == a.score.dimensions[d].indicators.size());
        for (std::size_t i = 0; i < s->dimensions[d].indicators.size(); ++i) {
          const auto &x = s->dimensions[d].indicators[i], &y = a.score.dimensions[d].indicators[i];
          INFO(y.indicator->id);
          CHECK(x.points == y.points);
          CHECK(x.max == y.max);
          CHECK(x.known == y.known);
          CHECK(x.value == y.value);
          CHECK(x.missing == y.missing);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// 2. The breakdown adds up

TEST_CASE("Score: the breakdown adds up to the total exactly, out of 100.00", "[score][sum]") {
  std::vector<Zone> zones = sweep();
  // and every work section on one zone, and a few odd ones
  for (const auto& w : work_sections()) {
    Zone z = make_zone(97, 85, 71, 517, 233, 7, true);
    z.work = w;
    z.label = "97 enterprises, work " + w.value_or("(none)");
    zones.push_back(std::move(z));
  }
  {
    Zone z = make_zone(0, 0, 0, 0, 0);
    z.label = "no enterprises";
    zones.push_back(std::move(z));
  }
  {
    Zone z = make_zone(133, 120, 99, 777, 333, 0);
    z.base.ip_workstation.reset();
    z.base.service_functions.reset();
    z.base.zone_operating_since = "2016-02-29";
    z.base.ip_services_since = "2021-03-01";
    z.work = work_sections()[3];
    z.label = "no workstation or functions written, operating since a 29 February";
    zones.push_back(std::move(z));
  }
  for (const Zone& z : zones) {
    INFO(z.label);
    for (const char* on : {"2024-03-31", "2026-07-01", "2031-12-31"}) {
      INFO("on " << on);
      const Scored s = score_of(z, date(on));
      check_adds_up(s.score);
      CHECK(s.score.max == 10000);
      CHECK(s.score.dimensions.size() == 4);
      CHECK(ipz::format_points(s.score.max) == "100.00");
    }
  }
}

// ---------------------------------------------------------------------------
// 3. Bounds

TEST_CASE("Score: every indicator's points lie within 0 and its maximum, even at extreme values", "[score][bounds]") {
  std::vector<std::pair<Zone, std::optional<ipz::Date>>> cases;
  auto add = [&](Zone z, std::string label, std::optional<ipz::Date> on = std::nullopt) {
    z.label = std::move(label);
    cases.emplace_back(std::move(z), on);
  };
  add(make_zone(0, 0, 0, 0, 0), "0 enterprises");
  {
    Zone z = make_zone(0, 0, 0, 0, 0);
    z.work = work_sections()[2];
    z.base.ip_workstation.reset();
    z.base.service_functions = "[]";
    add(z, "0 enterprises, all work 0, no workstation written, no functions");
  }
  add(make_zone(1, 0, 0, 0, 0), "1 enterprise, not an SME, not high-end, no patents");
  add(make_zone(1, 1, 1, 1000000, 1000000), "1 enterprise holding 10^6 invention patents");
  add(make_zone(80, 80, 80, 1000000, 1000000), "10^6 patents, 100 % shares");
  add(make_zone(80, 80, 80, 1000000, 0, 4, true), "10^6 utility models, no invention patent");
  add(make_zone(200, 200, 200, 1000000, 999999, 0), "200 enterprises, 10^6 patents spread over every row, 100 % shares");
  add(make_zone(80, 0, 0, 420, 165), "0 % shares");
  {
    Zone z = make_zone(3, 3, 3, 3000000000000LL, 3000000000000LL, 3);
    z.work = work_sections()[6];
    z.base.ip_workstation = "true";
    add(z, "10^12 patents on each of 3 rows, work at the largest counts");
  }
  {
    Zone z = make_zone(80, 70, 56, 420, 165);
    add(z, "as_of before the operating date", date("2018-01-01"));
    add(z, "as_of the day before the operating date", date("2019-05-31"));
    add(z, "as_of before the scoring model's first version", date("2010-01-01"));
    add(z, "as_of far after", date("2099-12-31"));
  }
  for (const auto& w : work_sections()) {
    Zone z = make_zone(150, 150, 150, 800, 400);
    z.work = w;
    add(z, "all curves at or above their top, work " + w.value_or("(none)"));
  }
  for (const Zone& z : sweep()) add(z, z.label);

  for (const auto& [z, on] : cases) {
    INFO(z.label);
    const Scored s = score_of(z, on);
    check_bounds(s.score);
    check_adds_up(s.score);
  }
}

TEST_CASE("Score: with every curve at or above its top the total is 100.00, and with none reached it is 0",
          "[score][bounds]") {
  Zone top = make_zone(150, 150, 150, 800, 600);
  top.base.ip_workstation = "true";
  top.work = work_sections()[4];
  const Scored s = score_of(top, date("2027-09-01"));  // 8 years of operation, 8 of services
  INFO(breakdown(s.score));
  CHECK(s.score.total == 10000);
  CHECK(s.score.opportunities.empty());

  Zone bottom = make_zone(70, 0, 0, 300, 70);
  bottom.base.service_functions = "[]";
  bottom.work = work_sections()[2];
  const Scored b = score_of(bottom, date("2022-05-31"));  // 2 whole years since 2019-06-01
  INFO(breakdown(b.score));
  CHECK(b.score.total == 0);
  CHECK(b.score.opportunities.size() == 3);
}

TEST_CASE("Score: an evaluation date before the operating dates scores 0 on the years, not below", "[score][bounds]") {
  const Zone z = make_zone(80, 70, 56, 420, 165);
  for (const char* on : {"2010-01-01", "2019-05-31", "2019-06-01", "2019-08-31"}) {
    INFO(on);
    const Scored s = score_of(z, date(on));
    CHECK(s.points("operating_years") == 0);
    CHECK(s.points("service_years") == 0);
    CHECK(s.indicator("operating_years").value == "0");
    check_bounds(s.score);
  }
}

// ---------------------------------------------------------------------------
// 4. Monotone

TEST_CASE("Score: adding a patent to any row, invention or utility model, never lowers the total",
          "[score][monotone]") {
  for (const Zone& z : sweep()) {
    INFO(z.label);
    const Scored before = score_of(z);
    const std::size_t n = z.firms.size();
    for (std::size_t row : {std::size_t{0}, std::size_t{3}, std::size_t{4}, n / 2, n - 1}) {
      for (int kind = 0; kind < 3; ++kind) {
        for (long long how_many : {1LL, 37LL}) {
          Zone more = z;
          Firm& f = more.firms[row];
          (kind == 0 ? f.invention : kind == 1 ? f.utility : f.design) += how_many;
          INFO("row " << row + 1 << " +" << how_many << " " << (kind == 0 ? "invention" : kind == 1 ? "utility model" : "design")
                      << (f.parts ? " (as parts)" : " (as valid/invention)"));
          const Scored after = score_of(more);
          INFO(breakdown(before.score) << "->\n" << breakdown(after.score));
          CHECK(after.score.total >= before.score.total);
          check_no_indicator_falls(before, after);
        }
      }
    }
  }
}

TEST_CASE("Score: adding a service function never lowers the total", "[score][monotone]") {
  for (const Zone& z : sweep()) {
    INFO(z.label);
    Zone absent = z;
    absent.base.service_functions.reset();
    Scored previous = score_of(absent);
    for (std::size_t k = 0; k <= 4; ++k) {
      Zone more = z;
      more.base.service_functions = functions_list(k);
      INFO(*more.base.service_functions);
      const Scored now = score_of(more);
      CHECK(now.score.total >= previous.score.total);
      check_no_indicator_falls(previous, now);
      previous = now;
    }
  }
}

TEST_CASE("Score: turning the IP workstation on never lowers the total", "[score][monotone]") {
  for (const Zone& z : sweep()) {
    INFO(z.label);
    Zone off = z, absent = z, on = z;
    off.base.ip_workstation = "false";
    absent.base.ip_workstation.reset();
    on.base.ip_workstation = "true";
    const Scored s_off = score_of(off), s_absent = score_of(absent), s_on = score_of(on);
    CHECK(s_on.score.total >= s_off.score.total);
    CHECK(s_on.score.total >= s_absent.score.total);
    CHECK(s_on.score.total - s_off.score.total == 500);  // the whole step, nothing else moves
    check_no_indicator_falls(s_off, s_on);
    check_no_indicator_falls(s_absent, s_on);
  }
}

TEST_CASE("Score: adding an SME in a high-end industry holding at least the average of invention patents never "
          "lowers the total",
          "[score][monotone]") {
  for (const Zone& z : sweep()) {
    INFO(z.label);
    const Scored before = score_of(z);
    const long long n = static_cast<long long>(z.firms.size());
    const long long average_up = n ? (z.invention_total() + n - 1) / n : 0;  // the average, rounded up
    for (long long invention : {average_up, average_up + 1, average_up * 3 + 5}) {
      for (long long utility : {0LL, 4LL}) {
        Zone more = z;
        Firm f;
        f.sme = true;
        f.high_end = true;
        f.invention = invention;
        f.utility = utility;
        f.parts = utility % 2 == 0 && invention % 2 == 1;
        more.firms.push_back(f);
        INFO("+1 enterprise with " << invention << " invention patents and " << utility << " utility models");
        const Scored after = score_of(more);
        INFO(breakdown(before.score) << "->\n" << breakdown(after.score));
        CHECK(after.score.total >= before.score.total);
        check_no_indicator_falls(before, after);
      }
    }
  }
}

TEST_CASE("Score: adding an SME high-end enterprise without patents can lower only invention patents per enterprise",
          "[score][monotone]") {
  // By design: one more enterprise with fewer invention patents than the
  // average dilutes "invention patents per enterprise". Every other indicator
  // is at least what it was.
  bool density_fell = false;
  for (const Zone& z : sweep()) {
    INFO(z.label);
    const Scored before = score_of(z);
    for (long long invention : {0LL, 1LL}) {
      Zone more = z;
      Firm f;
      f.invention = invention;
      more.firms.push_back(f);
      INFO("+1 SME high-end enterprise with " << invention << " invention patents");
      const Scored after = score_of(more);
      check_no_indicator_falls(before, after, {"invention_density"});
      if (after.points("invention_density") < before.points("invention_density")) density_fell = true;
    }
  }
  CHECK(density_fell);  // it does fall somewhere in the sweep: the exception is real

  // By hand: 80 enterprises holding 165 invention patents (2.06 each) give
  // 8 x (2.0625 - 1) / 3 = 2.8333 -> 2.83; an 81st without patents makes it
  // 165 / 81 = 2.037 -> 8 x 1.037 / 3 = 2.7654 -> 2.76 (the value is shown
  // rounded half up, 2.04, as every format shows a decimal; the points are
  // computed exactly), while the total rises by the enterprise count
  // (1.25 -> 1.37) and the shares.
  Zone z = make_zone(80, 70, 56, 420, 165);
  const Scored before = score_of(z);
  z.firms.push_back(Firm{});
  const Scored after = score_of(z);
  CHECK(before.points("invention_density") == 283);
  CHECK(after.points("invention_density") == 276);
  CHECK(before.indicator("invention_density").value == "2.06");
  CHECK(after.indicator("invention_density").value == "2.04");
  CHECK(before.points("enterprises") == 125);  // 10 x 10 / 80
  CHECK(after.points("enterprises") == 137);   // 10 x 11 / 80 = 1.375
  check_no_indicator_falls(before, after, {"invention_density"});
}

TEST_CASE("Score: more Art. 9 work and a later evaluation date never lower the total", "[score][monotone]") {
  const char* const fields[] = {"trainings_held", "pledge_financing_10k_yuan", "patent_transfers", "disputes_handled",
                                "alliances_joined"};
  const Zone base = make_zone(100, 87, 72, 500, 200);
  for (long long start : {0LL, 1LL, 3LL, 11LL, 29LL, 4999LL}) {
    for (const char* field : fields) {
      std::optional<Scored> previous;
      for (long long v = start; v <= start + 3; ++v) {
        Zone z = base;
        z.work = std::string("{ip_butler: false, ") + field + ": " + std::to_string(v) + "}";
        INFO(*z.work);
        Scored now = score_of(z);
        if (previous) {
          CHECK(now.score.total >= previous->score.total);
          check_no_indicator_falls(*previous, now);
        }
        previous = std::move(now);
      }
    }
  }
  Zone z = base;
  z.work = "{ip_butler: false}";
  const Scored no = score_of(z);
  z.work = "{ip_butler: true}";
  const Scored yes = score_of(z);
  CHECK(yes.score.total - no.score.total == 500);

  std::optional<Scored> previous;
  for (const char* on : {"2015-01-01", "2019-06-01", "2022-05-31", "2022-06-01", "2022-09-01", "2023-06-01",
                         "2025-08-31", "2025-09-01", "2027-06-01", "2040-01-01"}) {
    INFO(on);
    Scored now = score_of(base, date(on));
    if (previous) {
      CHECK(now.score.total >= previous->score.total);
      check_no_indicator_falls(*previous, now);
    }
    previous = std::move(now);
  }
}

// ---------------------------------------------------------------------------
// 5. Curves

TEST_CASE("Score: a linear indicator gives 0 at or below from, its max at or above to, the floor of the proportion "
          "between",
          "[score][curve]") {
  // enterprises: linear from 70 to 150, 10 points.
  //   n <= 70 -> 0; n >= 150 -> 10.00; between 10 x (n - 70) / 80, rounded down to hundredths
  const std::pair<int, long long> enterprises[] = {
      {0, 0},     {1, 0},     {69, 0},    {70, 0},     {71, 12},    // 0.125
      {110, 500},                                                     // halfway: 5.00 exactly
      {111, 512},                                                     // 5.125
      {133, 787},                                                     // 7.875
      {149, 987},                                                     // 9.875
      {150, 1000}, {151, 1000}, {200, 1000}};
  for (const auto& [n, points] : enterprises) {
    INFO(n << " enterprises");
    const Scored s = score_of(make_zone(n, n, n, 420, 165));
    CHECK(s.points("enterprises") == points);
    CHECK(s.indicator("enterprises").value == std::to_string(n));
    CHECK(s.indicator("enterprises").max == 1000);
  }
  // by the formula, over the whole range
  for (int n = 60; n <= 160; ++n) {
    INFO(n << " enterprises");
    const long long expected = n <= 70 ? 0 : n >= 150 ? 1000 : 1000LL * (n - 70) / 80;
    CHECK(score_of(make_zone(n, n, n, 0, 0)).points("enterprises") == expected);
  }

  // sme_share: linear 80 % .. 95 %, 7 points. 87 of 100: 7 x 7 / 15 = 3.2666 -> 3.26
  {
    const Scored s = score_of(make_zone(100, 87, 100, 420, 165));
    CHECK(s.points("sme_share") == 326);
    CHECK(s.indicator("sme_share").value == "87.0");
  }
  // 70 of 80 = 87.5 %: 7 x 7.5 / 15 = 3.50 exactly
  CHECK(score_of(make_zone(80, 70, 80, 420, 165)).points("sme_share") == 350);
  // 64 of 80 = 80 % (from): 0; 76 of 80 = 95 % (to): 7.00; 77 of 80 above: 7.00
  CHECK(score_of(make_zone(80, 64, 80, 420, 165)).points("sme_share") == 0);
  CHECK(score_of(make_zone(80, 76, 80, 420, 165)).points("sme_share") == 700);
  CHECK(score_of(make_zone(80, 77, 80, 420, 165)).points("sme_share") == 700);
  // 71 of 83 = 85.542 %: 7 x 5.542 / 15 = 2.5863 -> 2.58
  CHECK(score_of(make_zone(83, 71, 83, 420, 165)).points("sme_share") == 258);

  // high_end_share: linear 60 % .. 85 %, 8 points. 56 of 80 = 70 %: 8 x 10 / 25 = 3.20
  CHECK(score_of(make_zone(80, 80, 56, 420, 165)).points("high_end_share") == 320);
  // 72 of 100: 8 x 12 / 25 = 3.84
  CHECK(score_of(make_zone(100, 100, 72, 420, 165)).points("high_end_share") == 384);

  // valid_patents: linear 300 .. 800, 10 points. 420: 10 x 120 / 500 = 2.40; 299, 300 -> 0; 801 -> 10.00
  {
    const std::pair<long long, long long> valid[] = {{0, 0}, {299, 0}, {300, 0}, {301, 2}, {420, 240}, {555, 510},
                                                     {799, 998}, {800, 1000}, {801, 1000}};
    for (const auto& [v, points] : valid) {
      INFO(v << " valid patents");
      CHECK(score_of(make_zone(80, 70, 56, v, 0)).points("valid_patents") == points);
    }
  }
  // invention_patents: linear 150 .. 400, 12 points. 165: 12 x 15 / 250 = 0.72; 233: 12 x 83 / 250 = 3.984 -> 3.98
  CHECK(score_of(make_zone(80, 70, 56, 420, 165)).points("invention_patents") == 72);
  CHECK(score_of(make_zone(80, 70, 56, 420, 233)).points("invention_patents") == 398);
  // invention density: linear 1 .. 4 per enterprise, 8 points. 165 / 80 = 2.0625: 8 x 1.0625 / 3 = 2.8333 -> 2.83
  CHECK(score_of(make_zone(80, 70, 56, 420, 165)).points("invention_density") == 283);
  CHECK(score_of(make_zone(80, 70, 56, 420, 80)).points("invention_density") == 0);     // exactly 1
  CHECK(score_of(make_zone(80, 70, 56, 420, 320)).points("invention_density") == 800);  // exactly 4

  // operating years: linear 3 .. 8 whole years, 5 points; operating since 2019-06-01
  {
    const std::pair<const char*, long long> years[] = {
        {"2022-05-31", 0},   {"2022-06-01", 0},   {"2023-05-31", 0},   {"2023-06-01", 100},
        {"2024-03-31", 100}, {"2024-06-01", 200}, {"2026-06-01", 400}, {"2027-05-31", 400},
        {"2027-06-01", 500}, {"2035-01-01", 500}};
    for (const auto& [on, points] : years) {
      INFO("on " << on);
      CHECK(score_of(make_zone(80, 70, 56, 420, 165), date(on)).points("operating_years") == points);
    }
  }
  // service functions: linear 0 .. 4, 5 points: 1.25 each
  for (std::size_t k = 0; k <= 4; ++k) {
    Zone z = make_zone(80, 70, 56, 420, 165);
    z.base.service_functions = functions_list(k);
    CHECK(score_of(z).points("service_functions") == static_cast<long long>(125 * k));
  }

  // work, from 0: trainings 5 x t / 12; pledge 5 x p / 5000; transfers 4 x t / 30; disputes 3 x d / 10
  {
    Zone z = make_zone(80, 70, 56, 420, 165);
    z.work = work_sections()[3];  // 7 trainings, 1234, 29 transfers, 3 disputes, 1 alliance
    const Scored s = score_of(z);
    CHECK(s.points("trainings") == 291);         // 2.9166
    CHECK(s.points("pledge_financing") == 123);  // 1.234
    CHECK(s.points("transfers") == 386);         // 3.8666
    CHECK(s.points("disputes") == 90);           // 0.90
    CHECK(s.points("ip_butler") == 500);
    CHECK(s.points("alliances") == 200);
    CHECK(s.dimension("work").points == 291 + 123 + 386 + 90 + 500 + 200);
  }
}

TEST_CASE("Score: a steps indicator gives the points of the highest step reached: alliances 0, 1, 2+ give 0, 2, 3",
          "[score][curve]") {
  const std::pair<long long, long long> alliances[] = {{0, 0}, {1, 200}, {2, 300}, {3, 300}, {1000, 300}};
  for (const auto& [count, points] : alliances) {
    INFO(count << " alliances");
    Zone z = make_zone(80, 70, 56, 420, 165);
    z.work = "{alliances_joined: " + std::to_string(count) + "}";
    const Scored s = score_of(z);
    CHECK(s.points("alliances") == points);
    CHECK(s.indicator("alliances").known);
    CHECK(s.indicator("alliances").max == 300);
  }
  // flags as steps at 1: the workstation and the IP butler
  for (const char* flag : {"false", "true"}) {
    INFO(flag);
    Zone z = make_zone(80, 70, 56, 420, 165);
    z.base.ip_workstation = flag;
    z.work = std::string("{ip_butler: ") + flag + "}";
    const Scored s = score_of(z);
    const long long expected = std::string(flag) == "true" ? 500 : 0;
    CHECK(s.points("workstation") == expected);
    CHECK(s.points("ip_butler") == expected);
  }
}

// ---------------------------------------------------------------------------
// 6. Missing data

TEST_CASE("Score: a dossier without work: scores 0 on the Art. 9 indicators, each naming its missing field",
          "[score][missing]") {
  const std::pair<const char*, const char*> work[] = {
      {"ip_butler", "work.ip_butler"},
      {"trainings", "work.trainings_held"},
      {"pledge_financing", "work.pledge_financing_10k_yuan"},
      {"transfers", "work.patent_transfers"},
      {"disputes", "work.disputes_handled"},
      {"alliances", "work.alliances_joined"},
  };
  for (const Zone& z : sweep()) {
    if (z.work) continue;
    INFO(z.label);
    const Scored s = score_of(z);
    for (const auto& [id, field] : work) {
      INFO(id);
      CHECK_FALSE(s.indicator(id).known);
      CHECK(s.points(id) == 0);
      CHECK(s.indicator(id).missing == field);
    }
    CHECK(s.dimension("work").points == 0);
    CHECK(s.dimension("work").max == 2500);
    check_adds_up(s.score);
  }
  // An empty work section: the same
  Zone z = make_zone(80, 70, 56, 420, 165);
  z.work = "{}";
  const Scored empty = score_of(z);
  for (const auto& [id, field] : work) {
    INFO(id);
    CHECK_FALSE(empty.indicator(id).known);
    CHECK(empty.indicator(id).missing == field);
  }
  // A partial one: the fields written are known (0 is a value), the others name themselves
  z.work = "{trainings_held: 0, alliances_joined: 2}";
  const Scored partial = score_of(z);
  CHECK(partial.indicator("trainings").known);
  CHECK(partial.indicator("trainings").missing.empty());
  CHECK(partial.points("trainings") == 0);
  CHECK(partial.points("alliances") == 300);
  for (const auto& [id, field] : work) {
    if (std::string_view(id) == "trainings" || std::string_view(id) == "alliances") continue;
    INFO(id);
    CHECK_FALSE(partial.indicator(id).known);
    CHECK(partial.points(id) == 0);
    CHECK(partial.indicator(id).missing == field);
  }
}

TEST_CASE("Score: a missing workstation, service functions or operating date scores 0 and names the field",
          "[score][missing]") {
  Zone z = make_zone(80, 70, 56, 420, 165);
  z.base.ip_workstation.reset();
  z.base.service_functions.reset();
  z.base.zone_operating_since.reset();
  z.base.ip_services_since.reset();
  const auto c = ipz::test::check_text(z.yaml());
  const ipz::Score s = ipz::score_dossier(shipped_model(), c.facts);
  Scored sc{c.facts, s};
  const std::pair<const char*, const char*> fields[] = {{"workstation", "zone.ip_workstation"},
                                                        {"service_functions", "zone.service_functions"},
                                                        {"operating_years", "operator.zone_operating_since"},
                                                        {"service_years", "operator.ip_services_since"}};
  for (const auto& [id, field] : fields) {
    INFO(id);
    CHECK_FALSE(sc.indicator(id).known);
    CHECK(sc.points(id) == 0);
    CHECK(sc.indicator(id).missing == field);
  }
  check_adds_up(s);
}

// ---------------------------------------------------------------------------
// 7. A changed model

TEST_CASE("Score: doubling one indicator's points and halving another's in the same dimension moves the total "
          "exactly as computed by hand",
          "[score][model]") {
  // In the work dimension: trainings 5 -> 10 points (double), ip_butler 5 -> 2.5 (half, its step too),
  // and the dimension's weight 25 -> 27.5 so that it stays the sum of its indicators.
  const ipz::LoadedRules loaded = load_with_scoring([](std::string& text) {
    replace_in_line(text, "{id: trainings,", "points: 5,", "points: 10,");
    replace_in_line(text, "{id: ip_butler,", "points: 5, steps: [{at: 1, points: 5}]",
                    "points: 2.5, steps: [{at: 1, points: 2.5}]");
    const std::size_t at = text.find("weight: 25", text.find("- id: work"));
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string_view("weight: 25").size(), "weight: 27.5");
  });
  INFO(ipz::test::shown(loaded.diagnostics));
  REQUIRE(loaded.rules);
  REQUIRE(loaded.rules->scoring);
  const ipz::ScoringModel& changed = *loaded.rules->scoring;

  // trainings t: shipped floor(500 t / 12), changed floor(1000 t / 12) (not twice the shipped: each is rounded down)
  struct Case {
    const char* butler;
    long long trainings, shipped_trainings, changed_trainings, shipped_butler, changed_butler;
  };
  const Case cases[] = {
      {"true", 7, 291, 583, 500, 250},   // +292 - 250 = +42
      {"true", 1, 41, 83, 500, 250},     // +42 - 250 = -208
      {"false", 7, 291, 583, 0, 0},      // +292
      {"true", 0, 0, 0, 500, 250},       // -250
      {"true", 12, 500, 1000, 500, 250}, // +500 - 250 = +250
      {"false", 20, 500, 1000, 0, 0},    // +500
      {"true", 5, 208, 416, 500, 250},   // +208 - 250 = -42
  };
  for (const Case& k : cases) {
    Zone z = make_zone(97, 85, 71, 517, 233, 7, true);
    z.work = std::string("{ip_butler: ") + k.butler + ", trainings_held: " + std::to_string(k.trainings) +
             ", pledge_financing_10k_yuan: 777, patent_transfers: 13, disputes_handled: 4, alliances_joined: 1}";
    INFO(*z.work);
    const Scored a = score_of(z), b = score_of(z, std::nullopt, &changed);
    INFO(breakdown(a.score) << "->\n" << breakdown(b.score));
    CHECK(a.points("trainings") == k.shipped_trainings);
    CHECK(b.points("trainings") == k.changed_trainings);
    CHECK(a.points("ip_butler") == k.shipped_butler);
    CHECK(b.points("ip_butler") == k.changed_butler);
    const long long delta = (k.changed_trainings - k.shipped_trainings) + (k.changed_butler - k.shipped_butler);
    CHECK(b.score.total - a.score.total == delta);
    CHECK(b.dimension("work").points - a.dimension("work").points == delta);
    CHECK(b.dimension("work").max == 2750);
    CHECK(b.score.max == 10250);
    // nothing else moved
    auto x = a.by_indicator(), y = b.by_indicator();
    for (const char* id : {"trainings", "ip_butler"}) {
      x.erase(id);
      y.erase(id);
    }
    CHECK(x == y);
    check_adds_up(b.score);
    check_bounds(b.score);
  }
}

// ---------------------------------------------------------------------------
// Found while writing these tests

TEST_CASE("Score: a service function written twice counts once", "[score][monotone]") {
  // zone.service_functions is scored by its number of items: one function
  // written four times would score like all four (5.00 instead of 1.25).
  // The loader guards it: a closed list that names an item twice is an error
  // at the repeated item, so the score never sees a repeated function. (This
  // case used to catch any exception and SUCCEED, so it could not fail.)
  Zone once = make_zone(80, 70, 56, 420, 165), four_times = once;
  once.base.ip_workstation = "true";
  four_times.base.ip_workstation = "true";
  once.base.service_functions = "[training]";
  four_times.base.service_functions = "[training, training, training, training]";
  const Scored a = score_of(once);
  CHECK(a.points("service_functions") == 125);

  const std::string text = four_times.yaml();
  const ipz::LoadedDossier loaded = ipz::load_dossier(text, "test.yaml");
  INFO(text);
  CHECK_FALSE(loaded.dossier);
  std::vector<int> repeated_lines;
  for (const auto& d : loaded.diagnostics)
    if (d.severity == ipz::Severity::error && d.key == "field.duplicate_item") {
      CHECK(d.where.line > 0);
      repeated_lines.push_back(d.where.line);
    }
  CHECK(repeated_lines.size() == 3);  // the second, third and fourth "training"
}

TEST_CASE("Score: lint names a dimension's sum with its hundredths (25.05, not 25.5)", "[score][model]") {
  // rule_lint writes the sum as whole + "." + std::to_string(hundredths % 100),
  // which drops the leading zero of the hundredths: 2505 -> "25.5".
  const ipz::LoadedRules loaded = load_with_scoring(
      [](std::string& text) { replace_in_line(text, "{id: trainings,", "points: 5,", "points: 5.05,"); });
  INFO(ipz::test::shown(loaded.diagnostics));
  REQUIRE(loaded.rules);
  const auto lint = ipz::test::with_key(ipz::lint_rule_set(*loaded.rules), "lint.dimension_sum");
  REQUIRE(lint.size() == 1);
  CHECK(ipz::test::arg_of(lint.front().args, "dimension") == "work");
  CHECK(ipz::test::arg_of(lint.front().args, "sum") == "25.05");
}
