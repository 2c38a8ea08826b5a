// Scoring (see score.h).
#include "evaluate/score.h"

#include <algorithm>

#include "util/number_format.h"

namespace ipz {

namespace {

__extension__ using wide = __int128;

long long hundredths(const Number& n) { return static_cast<long long>(static_cast<wide>(n.num) * 100 / n.den); }

// The value of a fact as the curves read it: num / den.
bool value_of(const FactValue& f, const Facts& facts, IndicatorScore& s) {
  if (!f.known) return false;
  switch (f.type) {
    case FactType::count:
      s.value_num = f.count;
      s.value = std::to_string(f.count);
      return true;
    case FactType::share:
      s.value_num = f.total ? f.count * 100 : 0;
      s.value_den = f.total ? f.total : 1;
      s.value = format_decimal(s.value_num, s.value_den, 1);
      return true;
    case FactType::ratio:
      s.value_num = f.total ? f.count : 0;
      s.value_den = f.total ? f.total : 1;
      s.value = format_decimal(s.value_num, s.value_den, 2);
      return true;
    case FactType::boolean:
      s.value_num = f.flag ? 1 : 0;
      s.value = f.flag ? "\x01value.true" : "\x01value.false";
      return true;
    case FactType::text_list:
      s.value_num = static_cast<long long>(f.texts.size());
      s.value = std::to_string(f.texts.size());
      return true;
    case FactType::date:
      s.value_num = whole_years_between(f.date, facts.as_of);
      s.value = std::to_string(s.value_num);
      return true;
    case FactType::date_list:
      s.value_num = static_cast<long long>(f.dates.size());
      s.value = std::to_string(f.dates.size());
      return true;
    case FactType::text: return false;
  }
  return false;
}

// value >= n, exactly.
bool reaches(const IndicatorScore& s, const Number& n) {
  return static_cast<wide>(s.value_num) * n.den >= static_cast<wide>(n.num) * s.value_den;
}

long long points_of(const Curve& c, const IndicatorScore& s) {
  if (c.kind == Curve::Kind::steps) {
    long long p = 0;
    for (const auto& [at, points] : c.steps)
      if (reaches(s, at)) p = hundredths(points);
    return std::min(p, s.max);
  }
  if (reaches(s, c.to)) return s.max;
  // (v - from) / (to - from), with v = a / b, from = f / fd, to = t / td:
  //   = (a*fd - f*b) * td / (b * (t*fd - f*td))
  const wide a = s.value_num, b = s.value_den, f = c.from.num, fd = c.from.den, t = c.to.num, td = c.to.den;
  const wide above = a * fd - f * b;
  if (above <= 0) return 0;
  const wide span = b * (t * fd - f * td);
  return static_cast<long long>(static_cast<wide>(s.max) * above * td / span);
}

}  // namespace

std::string format_points(long long h) { return format_decimal(h, 100, 2); }

Score score_dossier(const ScoringModel& model, const Facts& facts) {
  Score out;
  out.version = model.in_force(facts.as_of);
  if (!out.version) return out;
  for (const Dimension& dim : out.version->dimensions) {
    DimensionScore ds;
    ds.dimension = &dim;
    for (const Indicator& ind : dim.indicators) {
      IndicatorScore s;
      s.indicator = &ind;
      s.max = hundredths(ind.points);
      const FactValue* f = facts.get(ind.fact);
      s.known = f && value_of(*f, facts, s);
      if (s.known) {
        s.points = points_of(ind.curve, s);
      } else if (f) {
        for (const auto& m : f->missing) s.missing += (s.missing.empty() ? "" : ", ") + m;
      }
      ds.points += s.points;
      ds.max += s.max;
      ds.indicators.push_back(std::move(s));
    }
    out.total += ds.points;
    out.max += ds.max;
    out.dimensions.push_back(std::move(ds));
  }
  std::vector<std::pair<std::size_t, std::size_t>> all;
  for (std::size_t d = 0; d < out.dimensions.size(); ++d)
    for (std::size_t i = 0; i < out.dimensions[d].indicators.size(); ++i)
      if (out.dimensions[d].indicators[i].points < out.dimensions[d].indicators[i].max) all.emplace_back(d, i);
  std::stable_sort(all.begin(), all.end(), [&](auto x, auto y) {
    const auto& a = out.dimensions[x.first].indicators[x.second];
    const auto& b = out.dimensions[y.first].indicators[y.second];
    return a.max - a.points > b.max - b.points;
  });
  if (all.size() > 3) all.resize(3);
  out.opportunities = std::move(all);
  return out;
}

}  // namespace ipz
