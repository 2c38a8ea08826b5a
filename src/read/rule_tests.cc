// Reading rule tests and building their dossiers (see rule_tests.h).
#include "read/rule_tests.h"

#include <algorithm>
#include <filesystem>

#include "read/field_reader.h"
#include "util/utf8_path.h"

namespace ipz {

namespace fs = std::filesystem;

namespace {

YamlNode scalar(std::string text) {
  YamlNode n;
  n.kind = YamlNode::Kind::scalar;
  n.text = std::move(text);
  n.line = 0;
  n.column = 0;
  return n;
}

YamlNode map_node() {
  YamlNode n;
  n.kind = YamlNode::Kind::map;
  n.line = 0;
  return n;
}

// The node at a dotted path in a map, created (as maps) where missing.
YamlNode* at_path(YamlNode& root, const std::string& path) {
  YamlNode* node = &root;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_map()) *node = map_node();
    YamlNode* child = nullptr;
    for (std::size_t i = 0; i < node->keys.size(); ++i)
      if (node->keys[i].text == key) child = &node->items[i];
    if (!child) {
      node->keys.push_back(scalar(key));
      node->items.push_back(YamlNode{});
      child = &node->items.back();
    }
    node = child;
    if (dot == std::string::npos) return node;
    start = dot + 1;
  }
}

void remove_path(YamlNode& root, const std::string& path) {
  std::size_t dot = path.rfind('.');
  YamlNode* parent = dot == std::string::npos ? &root : at_path(root, path.substr(0, dot));
  std::string key = dot == std::string::npos ? path : path.substr(dot + 1);
  for (std::size_t i = 0; i < parent->keys.size(); ++i) {
    if (parent->keys[i].text != key) continue;
    parent->keys.erase(parent->keys.begin() + static_cast<long>(i));
    parent->items.erase(parent->items.begin() + static_cast<long>(i));
    return;
  }
}

// A synthetic roster: n enterprises, the first `sme` of them SMEs, the first
// `high_end` of them in a high-end industry (the others saying so with the
// word `none_word`), the patents on the first row.
YamlNode make_roster(long long n, long long sme, long long high_end, long long valid, long long invention,
                     const std::string& industry, const std::string& none_word) {
  YamlNode list;
  list.kind = YamlNode::Kind::sequence;
  for (long long i = 0; i < n; ++i) {
    YamlNode row = map_node();
    auto put = [&](const std::string& k, YamlNode v) {
      row.keys.push_back(scalar(k));
      row.items.push_back(std::move(v));
    };
    std::string num = std::to_string(i + 1);
    put("name", scalar("rule-test enterprise " + std::string(4 - std::min<std::size_t>(4, num.size()), '0') + num));
    put("sme", scalar(i < sme ? "true" : "false"));
    put("high_end_industry", scalar(i < high_end ? industry : none_word));
    if (i == 0) {
      YamlNode p = map_node();
      p.keys.push_back(scalar("valid"));
      p.items.push_back(scalar(std::to_string(valid)));
      p.keys.push_back(scalar("invention"));
      p.items.push_back(scalar(std::to_string(invention)));
      put("patents", std::move(p));
    }
    list.items.push_back(std::move(row));
  }
  return list;
}

bool load_yaml_file(const std::string& path, YamlNode& out, Diagnostics& diags) {
  std::string text;
  if (!read_file(path, text, diags)) return false;
  YamlDocument doc = parse_yaml(text, path, diags);
  if (!doc.ok) return false;
  out = std::move(doc.root);
  return true;
}

void read_case(FieldReader& r, const YamlNode& n, const std::string& path, const fs::path& dir,
               const std::optional<std::pair<std::string, YamlNode>>& base, const YamlNode* default_roster,
               const std::string& default_industry, std::vector<RuleTestCase>& out, Diagnostics& diags) {
  MapReader m(r, n, path);
  if (!m.ok()) return;
  RuleTestCase c;
  c.file = r.file();
  c.where = r.at(n);
  c.name = m.text("name", true).value_or("");
  c.as_of = m.date("as_of");
  bool have_dossier = false;
  if (const YamlNode* d = m.get("dossier")) {
    if (d->is_map()) {
      c.dossier = *d;
      have_dossier = true;
    } else if (auto p = r.text(*d, m.child("dossier"))) {
      c.dossier_file = utf8_string((dir / utf8_path(*p)).lexically_normal());
      have_dossier = load_yaml_file(c.dossier_file, c.dossier, diags);
      if (!have_dossier) return;
    }
  } else if (base) {
    c.dossier = base->second;
    c.dossier_file = base->first;
    have_dossier = true;
  }
  if (c.dossier_file.empty()) c.dossier_file = r.file();
  if (!have_dossier) {
    r.error(n, "ruletest.no_dossier", {{"case", c.name}});
    return;
  }
  // The file's default roster, with the case's own roster keys over it.
  std::optional<YamlNode> merged;
  if (default_roster && default_roster->is_map()) merged = *default_roster;
  if (const YamlNode* own = m.get("roster")) {
    if (!merged || !own->is_map()) merged = *own;
    else
      for (std::size_t i = 0; i < own->keys.size(); ++i) *at_path(*merged, own->keys[i].text) = own->items[i];
  }
  if (const YamlNode* roster = merged ? &*merged : nullptr) {
    MapReader rm(r, *roster, "roster");
    auto n_ent = rm.count("enterprises");
    auto sme = rm.count("sme");
    auto high = rm.count("high_end");
    auto valid = rm.count("valid_patents");
    auto invention = rm.count("invention_patents");
    auto industry = rm.text("industry");
    auto none_word = rm.text("not_high_end");
    const YamlNode* rows = rm.get("rows");
    rm.finish();
    if (!n_ent) rm.require("enterprises");
    if (n_ent && *n_ent > kMaxSyntheticRoster) {  // 10^12 rows would be built until memory runs out
      r.error(*rm.get("enterprises"), "ruletest.roster_too_large",
              {{"value", std::to_string(*n_ent)}, {"limit", std::to_string(kMaxSyntheticRoster)}});
      return;
    }
    if (n_ent) {
      remove_path(c.dossier, "enterprises_file");
      remove_path(c.dossier, "declared");
      YamlNode list = make_roster(*n_ent, sme.value_or(*n_ent), high.value_or(*n_ent), valid.value_or(0),
                                  invention.value_or(0), industry.value_or(default_industry),
                                  none_word.value_or("none"));
      // Rows written out (size figures, a sector ...), after the synthetic ones.
      if (rows && r.expect_list(*rows, rm.child("rows")))
        for (const YamlNode& row : rows->items) {
          YamlNode copy = row;
          if (copy.is_map() && !copy.find("high_end_industry")) {
            copy.keys.push_back(scalar("high_end_industry"));
            copy.items.push_back(scalar("none"));
          }
          list.items.push_back(std::move(copy));
        }
      *at_path(c.dossier, "enterprises") = std::move(list);
    }
  }
  if (const YamlNode* set = m.get("set"); set && r.expect_map(*set, m.child("set"))) {
    for (std::size_t i = 0; i < set->keys.size(); ++i) *at_path(c.dossier, set->keys[i].text) = set->items[i];
  }
  for (const auto& p : m.texts("remove").value_or(std::vector<std::string>{})) remove_path(c.dossier, p);
  if (const YamlNode* expect = m.require("expect"); expect && r.expect_map(*expect, m.child("expect"))) {
    for (std::size_t i = 0; i < expect->keys.size(); ++i) {
      const std::string& key = expect->keys[i].text;
      auto value = r.text(expect->items[i], m.child("expect") + "." + key);
      if (!value) continue;
      if (key == "verdict") c.expected_verdict = *value;
      else c.expected_outcomes.emplace_back(key, *value);
    }
  }
  m.finish();
  out.push_back(std::move(c));
}

}  // namespace

std::vector<RuleTestCase> load_rule_tests(const std::string& dir, const std::string& default_industry,
                                          Diagnostics& diags) {
  std::vector<RuleTestCase> out;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(utf8_path(dir), ec))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    YamlNode root;
    if (!load_yaml_file(utf8_string(file), root, diags)) continue;
    FieldReader r(utf8_string(file), diags);
    MapReader top(r, root, "");
    std::optional<std::pair<std::string, YamlNode>> base;  // its path and its tree
    if (auto b = top.text("base")) {
      std::string path = utf8_string((file.parent_path() / utf8_path(*b)).lexically_normal());
      YamlNode node;
      if (load_yaml_file(path, node, diags)) base.emplace(path, std::move(node));
    }
    const YamlNode* default_roster = top.get("roster");
    if (const YamlNode* cases = top.require("cases"); cases && r.expect_list(*cases, "cases"))
      for (std::size_t i = 0; i < cases->items.size(); ++i)
        read_case(r, cases->items[i], "cases[" + std::to_string(i + 1) + "]", file.parent_path(), base,
                  default_roster, default_industry, out, diags);
    top.finish();
  }
  return out;
}

}  // namespace ipz
