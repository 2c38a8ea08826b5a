// Reading and validating rule sets (see rule_loader.h and rules/README.md).
#include "read/rule_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "model/fact_catalogue.h"
#include "model/operators.h"
#include "model/scoring.h"
#include "read/embedded_files.h"
#include "read/field_reader.h"
#include "read/yaml_tree.h"
#include "util/similarity.h"
#include "util/utf8_path.h"

namespace ipz {

namespace fs = std::filesystem;

std::vector<RuleFile> embedded_rule_files(const std::string& set_name) {
  std::vector<RuleFile> out;
  std::string prefix = "rules/" + set_name + "/";
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.path.substr(0, prefix.size()) != prefix) continue;
    std::string rel(f.path.substr(prefix.size()));
    if (rel.rfind("tests/", 0) == 0 || !rel.ends_with(".yaml")) continue;
    RuleFile file{rel, std::string(f.path), std::string(f.data), std::nullopt};
    YamlNode tree;
    if (embedded_tree(f.path, tree)) file.tree = std::move(tree);
    out.push_back(std::move(file));
  }
  return out;
}

std::vector<std::string> embedded_rule_sets() {
  std::set<std::string> names;
  for (const EmbeddedFile& f : embedded_files()) {
    std::string_view p = f.path;
    if (!p.starts_with("rules/") || !p.ends_with("/ruleset.yaml")) continue;
    p.remove_prefix(6);
    p.remove_suffix(13);
    if (p.find('/') == std::string_view::npos) names.insert(std::string(p));
  }
  return {names.begin(), names.end()};
}

bool read_rule_folder(const std::string& dir, std::vector<RuleFile>& out, Diagnostics& diags) {
  std::error_code ec;
  fs::path root = utf8_path(dir);
  if (!fs::is_directory(root, ec)) {
    diags.push_back({Severity::error, {dir, 0, 0}, "rules.not_a_folder", {{"dir", dir}}});
    return false;
  }
  if (!fs::exists(root / "ruleset.yaml", ec)) {
    std::vector<fs::path> sets;
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (fs::exists(entry.path() / "ruleset.yaml", ec)) sets.push_back(entry.path());
    if (sets.size() != 1) {
      diags.push_back({Severity::error, {dir, 0, 0}, "rules.no_ruleset", {{"dir", dir}}});
      return false;
    }
    root = sets.front();
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_directory() && it->path().filename() == "tests") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".yaml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    RuleFile f;
    f.relative = utf8_string(p.lexically_relative(root));
    f.shown = utf8_string(p);
    if (!read_file(f.shown, f.text, diags)) return false;
    out.push_back(std::move(f));
  }
  return true;
}

namespace {

// Reads one rule set, file by file, into rules; problems go to diags.
class RuleReader {
 public:
  RuleReader(RuleSet& rules, Diagnostics& diags) : rules_(rules), diags_(diags) {}

  Text text(FieldReader& r, const YamlNode& n, const std::string& path, bool both_required) {
    Text t;
    t.where = r.at(n);
    if (n.is_scalar()) {
      t.zh = t.en = n.text;
      if (both_required) r.error(n, "rules.needs_both_languages", {{"path", path}});
      return t;
    }
    MapReader m(r, n, path);
    auto zh = both_required ? m.text("zh", true) : m.text("zh");
    auto en = both_required ? m.text("en", true) : m.text("en");
    m.finish();
    t.zh = zh.value_or(en.value_or(""));
    t.en = en.value_or(zh.value_or(""));
    return t;
  }

  Text optional_text(FieldReader& r, MapReader& m, std::string_view key, bool both = false) {
    const YamlNode* n = m.get(key);
    return n ? text(r, *n, m.child(key), both) : Text{};
  }

  void ruleset_file(FieldReader& r, const YamlNode& root) {
    MapReader m(r, root, "");
    rules_.name = m.text("rule_set", true).value_or("");
    rules_.version = m.text("version", true).value_or("");
    rules_.title = optional_text(r, m, "title");
    rules_.source = optional_text(r, m, "source");
    if (auto t = m.text("taxonomy", true)) {
      rules_.taxonomy = *t;
      taxonomy_at_ = r.at(*m.get("taxonomy"));
    }
    rules_.time_zone = m.text("time_zone").value_or("");
    if (auto t = m.text("not_high_end")) {
      rules_.not_high_end = *t;
      not_high_end_at_ = r.at(*m.get("not_high_end"));
    }
    m.finish();
  }

  void parameters_file(FieldReader& r, const YamlNode& root) {
    MapReader top(r, root, "");
    const YamlNode* params = top.require("parameters");
    top.finish();
    if (!params || !r.expect_map(*params, "parameters")) return;
    for (std::size_t i = 0; i < params->keys.size(); ++i) {
      const YamlNode& key = params->keys[i];
      std::string path = "parameters." + key.text;
      if (rules_.parameters.count(key.text)) {
        r.error(key, "rules.duplicate_parameter", {{"name", key.text}});
        continue;
      }
      Parameter p;
      p.name = key.text;
      p.where = r.at(key);
      MapReader m(r, params->items[i], path);
      p.title = optional_text(r, m, "title");
      p.unit = m.choice("unit", {"count", "percent", "years"}, true).value_or("");
      if (const YamlNode* values = m.require("values")) {
        if (r.expect_list(*values, m.child("values"))) {
          for (std::size_t j = 0; j < values->items.size(); ++j) {
            std::string vpath = m.child("values") + "[" + std::to_string(j + 1) + "]";
            MapReader vm(r, values->items[j], vpath);
            ParameterValue pv;
            pv.where = r.at(values->items[j]);
            auto since = vm.require("since") ? r.date(*vm.get("since"), vm.child("since")) : std::nullopt;
            const YamlNode* vn = vm.require("value");
            auto value = vn ? r.decimal(*vn, vm.child("value")) : std::nullopt;
            pv.source = vm.text("source", true).value_or("");
            vm.finish();
            if (!since || !value) continue;
            pv.since = *since;
            pv.value = parse_number(*value).value_or(Number{});
            if (!p.values.empty() && !(p.values.back().since < pv.since))
              r.error(values->items[j], "rules.parameter_dates_order",
                      {{"name", p.name}, {"date", format_date(pv.since)},
                       {"previous", format_date(p.values.back().since)}});
            p.values.push_back(std::move(pv));
          }
          if (values->items.empty()) r.error(*values, "rules.parameter_no_values", {{"name", p.name}});
        }
      }
      m.finish();
      rules_.parameters.emplace(p.name, std::move(p));
    }
  }

  // A step of a table's normalisation: trim | lower_case, or a map of one
  // key, {drop_prefix: [texts]}, {drop_suffix: [texts]} or {add_suffix: text}.
  std::optional<NameStep> name_step(FieldReader& r, const YamlNode& n, const std::string& path) {
    static const Choices plain = {"trim", "lower_case"};
    static const Choices with_texts = {"drop_prefix", "drop_suffix", "add_suffix"};
    NameStep step;
    if (n.is_scalar()) {
      auto kind = r.choice(n, path, plain);
      if (!kind) return std::nullopt;
      step.kind = *kind == "trim" ? NameStep::Kind::trim : NameStep::Kind::lower_case;
      return step;
    }
    if (!r.expect_map(n, path)) return std::nullopt;
    if (n.keys.size() != 1) {
      r.error(n, "rules.name_step", {{"path", path}});
      return std::nullopt;
    }
    auto kind = r.choice(n.keys[0], path, with_texts);
    if (!kind) return std::nullopt;
    step.kind = *kind == "drop_prefix"   ? NameStep::Kind::drop_prefix
                : *kind == "drop_suffix" ? NameStep::Kind::drop_suffix
                                         : NameStep::Kind::add_suffix;
    const YamlNode& v = n.items[0];
    const std::string vpath = path + "." + *kind;
    if (step.kind == NameStep::Kind::add_suffix) {
      auto text = r.text(v, vpath);
      if (!text) return std::nullopt;
      step.texts = {*text};
    } else {
      auto texts = r.texts(v, vpath);
      if (!texts) return std::nullopt;
      step.texts = std::move(*texts);
    }
    for (const auto& t : step.texts)
      if (t.empty()) r.error(v, "rules.name_step", {{"path", vpath}});
    return step;
  }

  void table_file(FieldReader& r, const YamlNode& root) {
    MapReader m(r, root, "");
    Table t;
    t.where = r.at(root);
    t.name = m.text("table", true).value_or("");
    t.title = optional_text(r, m, "title");
    t.source = m.text("source").value_or("");
    std::set<std::string> seen;
    auto add_name = [&](const YamlNode& at, const std::string& name) {
      if (!seen.insert(name).second) r.error(at, "rules.duplicate_table_entry", {{"name", name}, {"table", t.name}});
    };
    if (const YamlNode* entries = m.require("entries"); entries && r.expect_list(*entries, "entries")) {
      for (std::size_t i = 0; i < entries->items.size(); ++i) {
        const YamlNode& e = entries->items[i];
        std::string path = "entries[" + std::to_string(i + 1) + "]";
        if (e.is_scalar()) {
          add_name(e, e.text);
          t.entries.push_back(e.text);
          continue;
        }
        MapReader em(r, e, path);
        auto name = em.text("name", true);
        auto aliases = em.texts("aliases");
        em.text("note");
        em.finish();
        if (!name) continue;
        add_name(e, *name);
        t.entries.push_back(*name);
        for (const auto& a : aliases.value_or(std::vector<std::string>{})) {
          add_name(*em.get("aliases"), a);
          t.aliases.emplace(a, *name);
        }
      }
    }
    if (const YamlNode* steps = m.get("normalise"); steps && r.expect_list(*steps, "normalise"))
      for (std::size_t i = 0; i < steps->items.size(); ++i)
        if (auto step = name_step(r, steps->items[i], "normalise[" + std::to_string(i + 1) + "]"))
          t.normalise.push_back(std::move(*step));
    m.finish();
    if (t.name.empty()) return;
    if (rules_.tables.count(t.name)) {
      r.error(root, "rules.duplicate_table", {{"name", t.name}});
      return;
    }
    rules_.tables.emplace(t.name, std::move(t));
  }

  void sme_standard_file(FieldReader& r, const YamlNode& root) {
    MapReader top(r, root, "");
    const YamlNode* n = top.require("sme_standard");
    top.finish();
    if (!n) return;
    MapReader m(r, *n, "sme_standard");
    SmeStandard std_;
    std_.where = r.at(*n);
    std_.source = m.text("source", true).value_or("");
    if (const YamlNode* list = m.require("sectors"); list && r.expect_list(*list, "sme_standard.sectors")) {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        std::string path = "sme_standard.sectors[" + std::to_string(i + 1) + "]";
        MapReader sm(r, list->items[i], path);
        SmeSector sector;
        sector.id = sm.text("id", true).value_or("");
        if (const YamlNode* t = sm.require("title")) sector.title = text(r, *t, sm.child("title"), true);
        sector.names = sm.texts("names").value_or(std::vector<std::string>{});
        if (std_.sector(sector.id)) r.error(list->items[i], "rules.duplicate_sector", {{"name", sector.id}});
        if (const YamlNode* below = sm.require("sme_below"); below && r.expect_map(*below, path + ".sme_below")) {
          MapReader bm(r, *below, path + ".sme_below");
          for (auto measure : {"employees", "revenue_10k_yuan", "assets_10k_yuan"}) {
            const YamlNode* v = bm.get(measure);
            if (!v) continue;
            if (auto d = r.decimal(*v, bm.child(measure)))
              sector.sme_below.emplace_back(measure, parse_number(*d).value_or(Number{}));
          }
          bm.finish();
          if (sector.sme_below.empty()) r.error(*below, "rules.empty_group", {{"path", path + ".sme_below"}});
        }
        sm.finish();
        std_.sectors.push_back(std::move(sector));
      }
    }
    if (const YamlNode* c = m.require("classification")) {
      MapReader cm(r, *c, "sme_standard.classification");
      std_.classification_source = cm.text("source", true).value_or("");
      if (const YamlNode* sections = cm.require("sections"))
        industries(r, *sections, cm.child("sections"), Industry::Level::section, "", {}, {}, std_);
      cm.finish();
    }
    m.finish();
    for (const std::string& name : std_.index())
      r.error(*n, "rules.sector_name_twice", {{"name", name}});
    rules_.sme_standard = std::move(std_);
  }

  // A level of the classification (sections, a section's divisions, a
  // division's groups): each entry's sector is its own `sector`, else that of
  // its parent; an entry with children may fall under each of theirs; an
  // entry with no sector at all is not covered, and says why (`not_covered`,
  // its own or its parent's). Returns the sectors of the entries read.
  std::vector<std::size_t> industries(FieldReader& r, const YamlNode& list, const std::string& path,
                                      Industry::Level level, const std::string& section,
                                      std::optional<std::size_t> parent_sector, const Text& parent_not_covered,
                                      SmeStandard& std_) {
    std::vector<std::size_t> all;
    if (!r.expect_list(list, path)) return all;
    static const char* const child_key[] = {"divisions", "groups", nullptr};
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const YamlNode& node = list.items[i];
      std::string p = path + "[" + std::to_string(i + 1) + "]";
      MapReader im(r, node, p);
      if (!im.ok()) continue;
      Industry ind;
      ind.level = level;
      ind.code = im.text("code", true).value_or("");
      ind.section = level == Industry::Level::section ? ind.code : section;
      if (const YamlNode* t = im.require("title")) ind.title = text(r, *t, im.child("title"), true);
      std::optional<std::size_t> own = parent_sector;
      if (auto id = im.text("sector")) {
        const SmeSector* s = std_.sector(*id);
        if (!s) r.error(*im.get("sector"), "rules.unknown_sector", {{"name", *id}});
        else own = static_cast<std::size_t>(s - std_.sectors.data());
      }
      Text not_covered = parent_not_covered;
      if (const YamlNode* nc = im.get("not_covered")) {
        not_covered = text(r, *nc, im.child("not_covered"), true);
        own.reset();
      }
      const std::size_t at = std_.industries.size();
      std_.industries.push_back(ind);
      std::vector<std::size_t> sectors;
      const char* key = child_key[static_cast<int>(level)];
      if (const YamlNode* children = key ? im.get(key) : nullptr) {
        auto next = static_cast<Industry::Level>(static_cast<int>(level) + 1);
        sectors = industries(r, *children, im.child(key), next, ind.section, own, not_covered, std_);
      } else if (own) {
        sectors = {*own};
      } else if (not_covered.empty()) {
        r.error(node, "rules.industry_without_sector", {{"path", p}, {"code", ind.code}});
      }
      im.finish();
      std_.industries[at].sectors = sectors;
      if (sectors.empty()) std_.industries[at].not_covered = not_covered;
      for (std::size_t s : sectors)
        if (std::find(all.begin(), all.end(), s) == all.end()) all.push_back(s);
    }
    std::sort(all.begin(), all.end());
    return all;
  }

  Number number_at(FieldReader& r, MapReader& m, std::string_view key) {
    const YamlNode* n = m.require(key);
    auto d = n ? r.decimal(*n, m.child(key)) : std::nullopt;
    return d ? parse_number(*d).value_or(Number{}) : Number{};
  }

  void scoring_file(FieldReader& r, const YamlNode& root) {
    MapReader top(r, root, "");
    const YamlNode* n = top.require("scoring");
    top.finish();
    if (!n) return;
    auto model = std::make_shared<ScoringModel>();
    model->where = r.at(*n);
    MapReader m(r, *n, "scoring");
    model->title = optional_text(r, m, "title", true);
    model->note = optional_text(r, m, "note", true);
    const YamlNode* versions = m.require("versions");
    if (versions && r.expect_list(*versions, "scoring.versions")) {
      for (std::size_t i = 0; i < versions->items.size(); ++i) {
        const std::string vpath = "scoring.versions[" + std::to_string(i + 1) + "]";
        MapReader vm(r, versions->items[i], vpath);
        ScoringVersion v;
        v.where = r.at(versions->items[i]);
        const YamlNode* since = vm.require("since");
        if (auto d = since ? r.date(*since, vm.child("since")) : std::nullopt) v.since = *d;
        v.source = vm.text("source", true).value_or("");
        if (!model->versions.empty() && !(model->versions.back().since < v.since))
          r.error(versions->items[i], "rules.parameter_dates_order",
                  {{"name", "scoring"}, {"date", format_date(v.since)}, {"previous", format_date(model->versions.back().since)}});
        if (const YamlNode* dims = vm.require("dimensions"); dims && r.expect_list(*dims, vm.child("dimensions")))
          for (std::size_t j = 0; j < dims->items.size(); ++j)
            v.dimensions.push_back(read_dimension(r, dims->items[j], vm.child("dimensions") + "[" + std::to_string(j + 1) + "]"));
        vm.finish();
        model->versions.push_back(std::move(v));
      }
    }
    m.finish();
    rules_.scoring = std::move(model);
  }

  Dimension read_dimension(FieldReader& r, const YamlNode& n, const std::string& path) {
    MapReader m(r, n, path);
    Dimension d;
    d.where = r.at(n);
    d.id = m.text("id", true).value_or("");
    d.title = optional_text(r, m, "title", true);
    d.weight = number_at(r, m, "weight");
    if (const YamlNode* list = m.require("indicators"); list && r.expect_list(*list, m.child("indicators"))) {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        const std::string ipath = m.child("indicators") + "[" + std::to_string(i + 1) + "]";
        MapReader im(r, list->items[i], ipath);
        Indicator ind;
        ind.where = r.at(list->items[i]);
        ind.id = im.text("id", true).value_or("");
        ind.title = optional_text(r, im, "title", true);
        ind.unit = optional_text(r, im, "unit");
        if (const YamlNode* f = im.require("fact"); f && f->is_scalar()) {
          ind.fact = f->text;
          const FactInfo* info = find_fact(ind.fact);
          if (!info) {
            std::vector<std::string> names;
            for (const auto& fi : fact_catalogue()) names.emplace_back(fi.name);
            report(r.at(*f), "rules.unknown_fact", {{"name", ind.fact}}, names);
          } else if (info->type == FactType::text) {
            r.error(*f, "rules.score_fact_type", {{"fact", ind.fact}, {"type", std::string(fact_type_name(info->type))}});
          }
        }
        ind.points = number_at(r, im, "points");
        const YamlNode* linear = im.get("linear");
        const YamlNode* steps = im.get("steps");
        if ((linear != nullptr) == (steps != nullptr)) {
          r.error(list->items[i], "rules.score_curve", {{"path", ipath}});
        } else if (linear) {
          MapReader lm(r, *linear, im.child("linear"));
          ind.curve.kind = Curve::Kind::linear;
          ind.curve.from = number_at(r, lm, "from");
          ind.curve.to = number_at(r, lm, "to");
          lm.finish();
          if (!less(ind.curve.from, ind.curve.to))
            r.error(*linear, "rules.score_bounds", {{"path", im.child("linear")}, {"from", ind.curve.from.text}, {"to", ind.curve.to.text}});
        } else if (r.expect_list(*steps, im.child("steps"))) {
          ind.curve.kind = Curve::Kind::steps;
          for (std::size_t k = 0; k < steps->items.size(); ++k) {
            MapReader sm(r, steps->items[k], im.child("steps") + "[" + std::to_string(k + 1) + "]");
            Number at = number_at(r, sm, "at"), pts = number_at(r, sm, "points");
            sm.finish();
            if (!ind.curve.steps.empty() &&
                (!less(ind.curve.steps.back().first, at) || less(pts, ind.curve.steps.back().second)))
              r.error(steps->items[k], "rules.score_steps", {{"path", im.child("steps")}});
            if (less(ind.points, pts))
              r.error(steps->items[k], "rules.score_step_above_max", {{"path", im.child("steps")}, {"points", pts.text}, {"max", ind.points.text}});
            ind.curve.steps.emplace_back(at, pts);
          }
        }
        im.finish();
        d.indicators.push_back(std::move(ind));
      }
    }
    m.finish();
    return d;
  }

  void article_file(FieldReader& r, const YamlNode& root) {
    MapReader m(r, root, "");
    Article a;
    if (const YamlNode* n = m.require("article")) a.name = text(r, *n, "article", true);
    a.title = optional_text(r, m, "title");
    a.text = m.text("text", true).value_or("");
    if (const YamlNode* list = m.require("rules"); list && r.expect_list(*list, "rules")) {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        Rule rule;
        rule.article = a.name;
        rule.article_title = a.title;
        read_rule(r, list->items[i], "rules[" + std::to_string(i + 1) + "]", rule);
        a.rules.push_back(std::move(rule));
      }
    }
    m.finish();
    rules_.articles.push_back(std::move(a));
  }

  // Checks what needs the whole set: references to parameters and tables.
  void cross_check() {
    if (!rules_.taxonomy.empty() && !rules_.table(rules_.taxonomy))
      report(taxonomy_at_, "rules.unknown_table", {{"name", rules_.taxonomy}}, names_of(rules_.tables));
    if (!rules_.not_high_end.empty() && !rules_.table(rules_.not_high_end))
      report(not_high_end_at_, "rules.unknown_table", {{"name", rules_.not_high_end}}, names_of(rules_.tables));
    for (const Pending& p : pending_) {
      if (p.is_table) {
        if (!rules_.table(p.name)) report(p.where, "rules.unknown_table", {{"name", p.name}}, names_of(rules_.tables));
        continue;
      }
      const Parameter* param = rules_.parameter(p.name);
      if (!param) {
        report(p.where, "rules.unknown_parameter", {{"name", p.name}}, names_of(rules_.parameters));
      } else if (!param->unit.empty() && param->unit != p.unit) {
        diags_.push_back({Severity::error, p.where, "rules.parameter_unit",
                          {{"name", p.name}, {"unit", param->unit}, {"expected", p.unit}}});
      }
    }
  }

 private:
  struct Pending {  // a reference to resolve once every file is read
    std::string name;
    bool is_table = false;
    std::string unit;  // the unit a parameter must have
    Location where;
  };

  template <typename Map>
  static std::vector<std::string> names_of(const Map& m) {
    std::vector<std::string> out;
    for (const auto& [k, v] : m) out.push_back(k);
    return out;
  }

  void report(const Location& where, std::string key, MessageArgs args, const std::vector<std::string>& known) {
    for (auto& a : suggestion_args(closest_names(args.front().second, known, 1), "hint.closest"))
      args.push_back(std::move(a));
    diags_.push_back({Severity::error, where, std::move(key), std::move(args)});
  }

  void read_rule(FieldReader& r, const YamlNode& n, const std::string& path, Rule& rule) {
    MapReader m(r, n, path);
    rule.where = r.at(n);
    rule.id = m.text("id", true).value_or("");
    if (!rule.id.empty()) {
      if (auto [it, fresh] = ids_.emplace(rule.id, rule.where); !fresh)
        r.error(*m.get("id"), "rules.duplicate_id",
                {{"id", rule.id}, {"first", it->second.file + ":" + std::to_string(it->second.line)}});
    }
    if (const YamlNode* c = m.require("clause")) rule.clause = text(r, *c, m.child("clause"), true);
    rule.title = optional_text(r, m, "title", true);
    rule.text = m.text("text", true).value_or("");
    rule.since = m.date("since");
    rule.until = m.date("until");
    if (rule.since && rule.until && *rule.until < *rule.since)
      r.error(*m.get("until"), "rules.until_before_since",
              {{"id", rule.id}, {"since", format_date(*rule.since)}, {"until", format_date(*rule.until)}});
    bool may_review = false;
    if (const YamlNode* c = m.require("check")) read_condition(r, *c, m.child("check"), rule.check, may_review);
    if (const YamlNode* c = m.get("review_when")) {
      rule.review_when.emplace();
      bool unused = false;
      read_condition(r, *c, m.child("review_when"), *rule.review_when, unused);
      may_review = true;
    }
    if (const YamlNode* notes = m.get("notes"); notes && r.expect_list(*notes, m.child("notes"))) {
      for (std::size_t i = 0; i < notes->items.size(); ++i) {
        MapReader nm(r, notes->items[i], m.child("notes") + "[" + std::to_string(i + 1) + "]");
        Note note;
        bool unused = false;
        if (const YamlNode* w = nm.require("when")) read_condition(r, *w, nm.child("when"), note.when, unused);
        for (const auto& o : nm.choices("outcomes", {"pass", "fail", "review", "missing"}).value_or(std::vector<std::string>{}))
          note.outcomes.push_back(o == "pass" ? Outcome::pass : o == "fail" ? Outcome::fail : o == "review" ? Outcome::review : Outcome::missing);
        if (const YamlNode* t = nm.require("text")) note.text = text(r, *t, nm.child("text"), true);
        nm.finish();
        rule.notes.push_back(std::move(note));
      }
    }
    rule.actual = optional_text(r, m, "actual");
    rule.required = optional_text(r, m, "required");
    if (const YamlNode* msgs = m.require("messages")) {
      MapReader mm(r, *msgs, m.child("messages"));
      static const std::pair<std::string_view, Outcome> outcomes[] = {
          {"pass", Outcome::pass}, {"fail", Outcome::fail}, {"review", Outcome::review}, {"missing", Outcome::missing}};
      for (auto [name, outcome] : outcomes) {
        bool needed = outcome == Outcome::pass || outcome == Outcome::fail || (outcome == Outcome::review && may_review);
        const YamlNode* t = needed ? mm.require(name) : mm.get(name);
        if (t) rule.messages[outcome] = text(r, *t, mm.child(name), true);
      }
      mm.finish();
    }
    m.finish();
  }

  void read_condition(FieldReader& r, const YamlNode& n, const std::string& path, Condition& c, bool& may_review) {
    c.where = r.at(n);
    MapReader m(r, n, path);
    if (!m.ok()) return;
    c.label = optional_text(r, m, "label", true);
    c.failure = optional_text(r, m, "failure", true);
    if (const YamlNode* o = m.get("otherwise")) {
      if (auto v = r.choice(*o, m.child("otherwise"), {"fail", "review", "missing"})) {
        c.if_false = *v == "review" ? Outcome::review : *v == "missing" ? Outcome::missing : Outcome::fail;
        may_review = may_review || c.if_false == Outcome::review;
      }
    }
    static const std::pair<std::string_view, Condition::Kind> groups[] = {
        {"all", Condition::Kind::all}, {"any", Condition::Kind::any}, {"not", Condition::Kind::negation}};
    for (auto [word, kind] : groups) {
      const YamlNode* g = m.get(word);
      if (!g) continue;
      c.kind = kind;
      if (kind == Condition::Kind::negation) {
        c.children.emplace_back();
        read_condition(r, *g, m.child(word), c.children.back(), may_review);
      } else if (r.expect_list(*g, m.child(word))) {
        for (std::size_t i = 0; i < g->items.size(); ++i) {
          c.children.emplace_back();
          read_condition(r, g->items[i], m.child(word) + "[" + std::to_string(i + 1) + "]", c.children.back(),
                         may_review);
        }
        if (g->items.empty()) r.error(*g, "rules.empty_group", {{"path", m.child(word)}});
      }
      for (auto k : {"fact", "op", "value", "param", "table"}) m.know(k);
      m.finish();
      return;
    }
    c.kind = Condition::Kind::leaf;
    const YamlNode* fact_node = m.require("fact");
    const YamlNode* op_node = m.require("op");
    const FactInfo* fact = nullptr;
    const OperatorInfo* op = nullptr;
    if (fact_node && fact_node->is_scalar()) {
      c.fact = fact_node->text;
      fact = find_fact(c.fact);
      if (!fact) {
        std::vector<std::string> names;
        for (const auto& f : fact_catalogue()) names.emplace_back(f.name);
        report(r.at(*fact_node), "rules.unknown_fact", {{"name", c.fact}}, names);
      }
    }
    if (op_node && op_node->is_scalar()) {
      c.op = op_node->text;
      op = find_operator(c.op);
      if (!op) {
        std::vector<std::string> names;
        for (const auto& o : operator_catalogue()) names.emplace_back(o.name);
        report(r.at(*op_node), "rules.unknown_operator", {{"name", c.op}}, names);
      }
    }
    if (fact && op &&
        std::find(op->applies_to.begin(), op->applies_to.end(), fact->type) == op->applies_to.end()) {
      r.error(*op_node, "rules.operator_type",
              {{"op", c.op}, {"fact", c.fact}, {"type", std::string(fact_type_name(fact->type))}});
      op = nullptr;
    }
    const YamlNode* value = m.get("value");
    const YamlNode* param = m.get("param");
    const YamlNode* table = m.get("table");
    int given = (value ? 1 : 0) + (param ? 1 : 0) + (table ? 1 : 0);
    if (op) {
      bool ok = true;
      switch (op->operand) {
        case OperandNeed::none: ok = given == 0; break;
        case OperandNeed::number: ok = given == 1 && !table; break;
        case OperandNeed::list: ok = given == 1 && !table && !param; break;
        case OperandNeed::list_or_table: ok = given == 1 && !param; break;
      }
      if (!ok) r.error(n, "rules.operand", {{"op", c.op}, {"path", path}});
    }
    if (value) {
      if (value->is_sequence()) {
        c.operand.kind = Operand::Kind::list;
        c.operand.items = r.texts(*value, m.child("value")).value_or(std::vector<std::string>{});
      } else if (op && op->operand == OperandNeed::number) {
        c.operand.kind = Operand::Kind::number;
        if (auto d = r.decimal(*value, m.child("value"))) c.operand.number = parse_number(*d).value_or(Number{});
      } else if (auto t = r.text(*value, m.child("value"))) {
        c.operand.kind = Operand::Kind::list;
        c.operand.items = {*t};
      }
    } else if (param) {
      c.operand.kind = Operand::Kind::parameter;
      c.operand.name = r.text(*param, m.child("param")).value_or("");
      if (op && fact) pending_.push_back({c.operand.name, false, std::string(operand_unit(*op, fact->type)), r.at(*param)});
    } else if (table) {
      c.operand.kind = Operand::Kind::table;
      c.operand.name = r.text(*table, m.child("table")).value_or("");
      pending_.push_back({c.operand.name, true, "", r.at(*table)});
    }
    m.finish();
  }

  RuleSet& rules_;
  Diagnostics& diags_;
  Location taxonomy_at_, not_high_end_at_;
  std::map<std::string, Location> ids_;
  std::vector<Pending> pending_;
};

}  // namespace

LoadedRules load_rule_set(const std::vector<RuleFile>& files, const std::string& origin) {
  LoadedRules out;
  RuleSet rules;
  rules.origin = origin;
  RuleReader reader(rules, out.diagnostics);
  bool have_ruleset = false;
  for (const RuleFile& f : files) {
    YamlDocument doc;
    if (f.tree) doc = {true, *f.tree};
    else doc = parse_yaml(f.text, f.shown, out.diagnostics);
    if (!doc.ok) continue;
    FieldReader r(f.shown, out.diagnostics);
    const std::string& rel = f.relative;
    if (rel == "ruleset.yaml") {
      have_ruleset = true;
      reader.ruleset_file(r, doc.root);
    } else if (rel == "sme-size-standard.yaml") {
      reader.sme_standard_file(r, doc.root);
    } else if (rel == "scoring.yaml") {
      reader.scoring_file(r, doc.root);
    } else if (rel == "parameters.yaml") {
      reader.parameters_file(r, doc.root);
    } else if (rel.rfind("tables/", 0) == 0) {
      reader.table_file(r, doc.root);
    } else if (rel.rfind("articles/", 0) == 0) {
      reader.article_file(r, doc.root);
    } else {
      out.diagnostics.push_back({Severity::error, {f.shown, 1, 1}, "rules.unexpected_file", {{"file", f.shown}}});
    }
  }
  if (!have_ruleset)
    out.diagnostics.push_back({Severity::error, {origin, 0, 0}, "rules.no_ruleset", {{"dir", origin}}});
  reader.cross_check();
  if (!has_errors(out.diagnostics)) out.rules = std::move(rules);
  return out;
}

}  // namespace ipz
