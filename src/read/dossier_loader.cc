// Reading dossier format v1 (see dossier_loader.h). Each read_* function
// reads one part of the file; field names here are the format's contract.
#include "read/dossier_loader.h"

#include <filesystem>
#include <map>
#include <unordered_map>

#include "read/field_reader.h"
#include "read/history_kinds.h"
#include "read/yaml_tree.h"
#include "read/roster_csv.h"
#include "read/roster_xlsx.h"
#include "read/vocabularies.h"

namespace ipz {

namespace {

std::string row_path(std::string_view list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i + 1) + "]";
}

std::optional<Evidence> read_evidence(FieldReader& r, MapReader& parent) {
  const YamlNode* n = parent.get("evidence");
  if (!n) return std::nullopt;
  MapReader m(r, *n, parent.child("evidence"));
  Evidence e;
  e.management_system = m.texts("management_system");
  e.organization = m.texts("organization");
  e.funding = m.texts("funding");
  e.planning = m.texts("planning");
  e.capability = m.texts("capability");
  e.effect = m.texts("effect");
  m.finish();
  return e;
}

// A list of maps, each with a required date (and free text beside it).
std::optional<std::vector<DatedEntry>> read_dated_list(FieldReader& r, const YamlNode& n,
                                                       const std::string& path,
                                                       const Choices& text_keys) {
  if (!r.expect_list(n, path)) return std::nullopt;
  std::vector<DatedEntry> out;
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    const YamlNode& item = n.items[i];
    std::string p = row_path(path, i);
    if (item.is_scalar()) {  // a bare date is accepted too
      if (auto d = r.date(item, p)) out.push_back({*d, r.at(item)});
      continue;
    }
    MapReader m(r, item, p);
    if (!m.ok()) continue;
    const YamlNode* dn = m.require("date");
    auto d = dn ? r.date(*dn, m.child("date")) : std::nullopt;
    for (auto k : text_keys) m.text(k);
    m.finish();
    if (d) out.push_back({*d, r.at(*dn)});
  }
  return out;
}

std::optional<Credit> read_credit(FieldReader& r, MapReader& parent) {
  const YamlNode* n = parent.get("credit");
  if (!n) return std::nullopt;
  MapReader m(r, *n, parent.child("credit"));
  Credit c;
  c.credit_china_bad_records = m.count("credit_china_bad_records");
  c.dishonest_debtor = m.boolean("dishonest_debtor");
  if (const YamlNode* p = m.get("administrative_penalties"))
    c.administrative_penalties =
        read_dated_list(r, *p, m.child("administrative_penalties"), {"authority", "summary"});
  m.finish();
  return c;
}

std::optional<std::vector<ServiceAgency>> read_agencies(FieldReader& r, MapReader& parent) {
  const YamlNode* n = parent.get("service_agencies");
  if (!n) return std::nullopt;
  std::string path = parent.child("service_agencies");
  if (!r.expect_list(*n, path)) return std::nullopt;
  std::vector<ServiceAgency> out;
  for (std::size_t i = 0; i < n->items.size(); ++i) {
    MapReader m(r, n->items[i], row_path(path, i));
    if (!m.ok()) continue;
    ServiceAgency a;
    a.name = m.text("name", true).value_or("");
    if (const YamlNode* s = m.get("abnormal_application_sanctions")) {
      if (auto list = read_dated_list(r, *s, m.child("abnormal_application_sanctions"),
                                      {"authority", "summary"}))
        a.abnormal_application_sanctions = std::move(*list);
    }
    m.finish();
    out.push_back(std::move(a));
  }
  return out;
}

void read_zone(FieldReader& r, const YamlNode& n, Zone& z) {
  MapReader m(r, n, "zone");
  if (!m.ok()) return;
  z.name = m.text("name", true).value_or("");
  z.carrier_type = m.choice("carrier_type", vocabulary("carrier_type"), true).value_or("");
  z.district = m.text("district", true).value_or("");
  z.industry_directions = m.texts("industry_directions");
  z.ip_workstation = m.boolean("ip_workstation");
  z.service_functions = m.choices("service_functions", vocabulary("service_function"));
  // Art. 5(2): each ground with its evidence files; format 1's plain list of
  // grounds still loads, with a warning that no evidence is listed.
  if (const YamlNode* g = m.get("relaxation_grounds")) {
    if (g->is_map()) {
      MapReader gm(r, *g, m.child("relaxation_grounds"));
      std::vector<std::string> stated;
      for (const Term& ground : vocabulary("relaxation_ground").terms)  // the ids are the keys
        if (auto files = gm.texts(ground.value)) {
          stated.push_back(ground.value);
          z.relaxation_evidence[ground.value] = std::move(*files);
        }
      gm.finish();
      z.relaxation_grounds = std::move(stated);
    } else {
      z.relaxation_grounds = m.choices("relaxation_grounds", vocabulary("relaxation_ground"));
      if (z.relaxation_grounds && !z.relaxation_grounds->empty())
        r.warning(*g, "dossier.relaxation_grounds_without_evidence", {{"path", m.child("relaxation_grounds")}});
    }
  }
  m.finish();
}

void read_operator(FieldReader& r, const YamlNode& n, Operator& o) {
  MapReader m(r, n, "operator");
  if (!m.ok()) return;
  o.name = m.text("name", true).value_or("");
  o.uscc = m.text("uscc");
  if (o.uscc) {
    o.uscc_where = r.at(*m.get("uscc"));
    o.uscc = r.checked_uscc(*m.get("uscc"), "operator.uscc", *o.uscc, o.name);
  }
  o.legal_form = m.choice("legal_form", vocabulary("legal_form"));
  o.independent_legal_person = m.boolean("independent_legal_person");
  o.actual_operator = m.boolean("actual_operator");
  o.zone_operating_since = m.date("zone_operating_since");
  if (o.zone_operating_since) o.zone_operating_since_where = r.at(*m.get("zone_operating_since"));
  o.ip_services_since = m.date("ip_services_since");
  if (o.ip_services_since) o.ip_services_since_where = r.at(*m.get("ip_services_since"));
  o.evidence = read_evidence(r, m);
  o.credit = read_credit(r, m);
  o.service_agencies = read_agencies(r, m);
  m.finish();
}

// The events of Arts. 8, 11(4), 12, 13 and 14, of the kinds that
// format/history-events.yaml lists: another kind is an error naming them. A
// change (an event kind with changes) says which, and when it was filed.
void read_history(FieldReader& r, const YamlNode& n, std::vector<HistoryEvent>& out) {
  if (!r.expect_list(n, "history")) return;
  const HistoryKinds& kinds = history_kinds();
  Choices events;
  for (const HistoryKind& k : kinds.events) events.push_back(k.kind);
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    MapReader m(r, n.items[i], row_path("history", i));
    if (!m.ok()) continue;
    auto event = m.choice("event", events, true);
    const YamlNode* dn = m.require("date");
    auto d = dn ? r.date(*dn, m.child("date")) : std::nullopt;
    m.text("summary");
    m.text("authority");
    HistoryEvent e;
    e.index = static_cast<int>(i + 1);
    const HistoryKind* kind = event ? kinds.find(*event) : nullptr;
    bool ok = kind != nullptr;
    if (kind && !kind->changes.empty()) {
      Choices changes;
      for (const ChangeKind& c : kind->changes) changes.push_back(c.kind);
      auto change = m.choice("kind", changes, true);
      e.filed = m.date("filed");
      e.change = change.value_or("");
      ok = ok && change.has_value();
    }
    m.finish();  // kind and filed belong to a change only: elsewhere they are unknown keys
    if (ok && d) {
      e.event = *event;
      e.when = {*d, r.at(*dn)};
      out.push_back(std::move(e));
    }
  }
}

std::optional<Documents> read_documents(FieldReader& r, const YamlNode& n) {
  MapReader m(r, n, "documents");
  if (!m.ok()) return std::nullopt;
  Documents d;
  d.application_form = m.text("application_form");
  d.work_plan = m.text("work_plan");
  d.evidence = m.texts("evidence");
  m.finish();
  return d;
}

void read_patents(FieldReader& r, const YamlNode& n, const std::string& path, Enterprise& e) {
  MapReader m(r, n, path);
  if (!m.ok()) return;
  auto valid = m.count("valid");
  auto invention = m.count("invention");
  auto utility = m.count("utility_model");
  auto design = m.count("design");
  m.finish();
  e.invention_patents = invention.value_or(0);
  if (m.get("valid")) {
    e.valid_patents = valid.value_or(0);
    long long parts = invention.value_or(0) + utility.value_or(0) + design.value_or(0);
    if (valid && invention && *invention > *valid)
      r.error(*m.get("invention"), "dossier.invention_above_valid",
              {{"path", path}, {"invention", std::to_string(*invention)}, {"valid", std::to_string(*valid)}});
    else if (valid && parts > *valid)
      r.error(*m.get("valid"), "dossier.parts_above_valid",
              {{"path", path}, {"parts", std::to_string(parts)}, {"valid", std::to_string(*valid)}});
  } else {
    e.valid_patents = invention.value_or(0) + utility.value_or(0) + design.value_or(0);
  }
}

// Row i (0-based) of the roster, added to out when it is a map.
void read_enterprise(FieldReader& r, const YamlNode& item, std::size_t i, std::vector<Enterprise>& out) {
  std::string path = row_path("enterprises", i);
  MapReader m(r, item, path);
  if (!m.ok()) return;
  Enterprise e;
  e.row = static_cast<int>(i + 1);
  e.where = r.at(item);
  e.name = m.text("name", true).value_or("");
  e.uscc = m.text("uscc");
  if (e.uscc) e.uscc = r.checked_uscc(*m.get("uscc"), path + ".uscc", *e.uscc, e.name);
  e.sme = m.boolean("sme");
  SizeFigures size;
  bool has_size = false;
  if (auto sector = m.text("sector")) size.sector = sector, has_size = true;
  if (auto employees = m.count("employees")) size.employees = parse_number(std::to_string(*employees));
  if (m.get("employees")) has_size = true;
  for (auto [key, member] : {std::pair{"revenue_10k_yuan", &SizeFigures::revenue},
                             std::pair{"assets_10k_yuan", &SizeFigures::assets}}) {
    const YamlNode* v = m.get(key);
    if (!v) continue;
    has_size = true;
    if (auto d = r.decimal(*v, path + "." + key)) size.*member = parse_number(*d);
  }
  if (has_size) e.size = size;
  m.know("high_end_industry");
  if (const YamlNode* h = item.find("high_end_industry")) {
    e.high_end_where = r.at(*h);
    if (h->is_null()) {
      e.high_end_industry = "";
    } else if (auto t = r.text(*h, path + ".high_end_industry")) {
      e.high_end_industry = *t;  // the rule set says which words mean "none"
    }
  }
  if (const YamlNode* p = m.get("patents")) read_patents(r, *p, path + ".patents", e);
  m.finish();
  out.push_back(std::move(e));
}

void read_enterprises(FieldReader& r, const YamlNode& n, std::vector<Enterprise>& out) {
  if (!r.expect_list(n, "enterprises")) return;
  out.reserve(n.items.size());
  for (std::size_t i = 0; i < n.items.size(); ++i) read_enterprise(r, n.items[i], i, out);
}

// The inline roster's rows, read while the YAML is parsed (YamlListSink):
// each row becomes an Enterprise as soon as it is read and its YAML nodes are
// dropped, so a dossier of 300,000 rows never holds them all as nodes. Their
// diagnostics wait here, to join the others where read_enterprises would
// have put them.
class StreamedRoster {
 public:
  StreamedRoster(const std::string& file, std::size_t text_size) : r_(file, diags_), text_size_(text_size) {}
  void take(const YamlNode& item, std::size_t i, std::size_t end_offset) {
    if (rows_.size() == rows_.capacity()) reserve(i, end_offset);
    read_enterprise(r_, item, i, rows_);
  }
  // The rows and their diagnostics, once the whole text is read.
  std::vector<Enterprise> rows() { return std::move(rows_); }
  Diagnostics diagnostics() { return std::move(diags_); }

 private:
  // Room for the rows still to come, at the bytes per row so far (5 % more),
  // instead of doubling: the roster is most of a large dossier's memory.
  void reserve(std::size_t i, std::size_t offset) {
    if (i < 64 || offset <= first_offset_ || offset >= text_size_) {
      if (i == 0) first_offset_ = offset;
      rows_.reserve(std::max<std::size_t>(64, rows_.size() * 2));
      return;
    }
    const double per_row = static_cast<double>(offset - first_offset_) / static_cast<double>(i);
    const auto to_come = static_cast<std::size_t>(static_cast<double>(text_size_ - offset) / per_row * 1.05);
    rows_.reserve(std::min(rows_.size() + std::max(to_come + 16, rows_.size() / 4), kMaxItems));
  }

  Diagnostics diags_;
  FieldReader r_;
  std::size_t text_size_;
  std::size_t first_offset_ = 0;
  std::vector<Enterprise> rows_;
};

LoadedDossier load_tree(const YamlNode& root, const std::string& file, const FileLimits& limits,
                        StreamedRoster* streamed);

// Enterprises listed twice (same USCC, or same name where one of the rows has
// no USCC) count once: later rows point at the first and a warning names both.
// USCCs are compared as read (in upper case, see checked_uscc). Two rows with
// the same name and different USCCs count as two enterprises, with a warning
// naming both: one of the codes, or one of the names, may be wrong.
void mark_duplicates(FieldReader& r, std::vector<Enterprise>& roster) {
  // Hashed: linear in the roster. (Pointers into roster, which does not
  // change size here.)
  std::unordered_map<std::string, const Enterprise*> by_uscc, by_name, by_name_without_uscc, by_name_with_uscc;
  by_uscc.reserve(roster.size());
  by_name.reserve(roster.size());
  auto report = [&](const Enterprise& e, const Enterprise& first, std::string_view key) {
    MessageArgs args = row_args(e, r.file());
    for (auto& a : row_args(first, r.file(), "first_")) args.push_back(std::move(a));
    r.report(Severity::warning, e.where, key, std::move(args));
  };
  for (Enterprise& e : roster) {
    const bool has_uscc = e.uscc && !e.uscc->empty();
    const Enterprise* first = nullptr;
    std::string_view key = "dossier.duplicate_name";
    if (has_uscc) {
      if (auto it = by_uscc.find(*e.uscc); it != by_uscc.end())
        first = it->second, key = "dossier.duplicate_uscc";
      else if (auto jt = by_name_without_uscc.find(e.name); jt != by_name_without_uscc.end())
        first = jt->second;
    } else if (auto it = by_name.find(e.name); it != by_name.end()) {
      first = it->second;
    }
    if (first) {
      e.duplicate_of = first->row;
      report(e, *first, key);
      continue;
    }
    if (has_uscc) {
      if (auto it = by_name_with_uscc.find(e.name); it != by_name_with_uscc.end())
        report(e, *it->second, "dossier.same_name_other_uscc");
      else
        by_name_with_uscc.emplace(e.name, &e);
      by_uscc.emplace(*e.uscc, &e);
    } else {
      by_name_without_uscc.emplace(e.name, &e);
    }
    by_name.emplace(e.name, &e);
  }
}

std::optional<Declared> read_declared(FieldReader& r, const YamlNode& n) {
  MapReader m(r, n, "declared");
  if (!m.ok()) return std::nullopt;
  Declared d;
  d.where = r.at(n);
  d.enterprise_count = m.count("enterprise_count");
  d.sme_count = m.count("sme_count");
  d.high_end_count = m.count("high_end_count");
  d.valid_patents = m.count("valid_patents");
  d.invention_patents = m.count("invention_patents");
  m.finish();
  if (d.valid_patents && d.invention_patents && *d.invention_patents > *d.valid_patents)
    r.error(*m.get("invention_patents"), "dossier.invention_above_valid",
            {{"path", "declared"},
             {"invention", std::to_string(*d.invention_patents)},
             {"valid", std::to_string(*d.valid_patents)}});
  return d;
}

// Art. 9: what the zone's work has produced (used by the score only).
Work read_work(FieldReader& r, const YamlNode& n) {
  MapReader m(r, n, "work");
  Work work;
  work.ip_butler = m.boolean("ip_butler");
  work.trainings_held = m.count("trainings_held");
  work.pledge_financing_10k_yuan = m.count("pledge_financing_10k_yuan");
  work.patent_transfers = m.count("patent_transfers");
  work.disputes_handled = m.count("disputes_handled");
  work.alliances_joined = m.count("alliances_joined");
  m.finish();
  return work;
}

}  // namespace

LoadedDossier load_dossier(std::string_view text, const std::string& file, const FileLimits& limits) {
  LoadedDossier out;
  StreamedRoster roster(file, text.size());
  const YamlListSink sink{"enterprises", [&](YamlNode&& item, std::size_t i, std::size_t end_offset) {
                            roster.take(item, i, end_offset);
                          }};
  YamlDocument doc = parse_yaml(text, file, out.diagnostics, &sink);
  if (!doc.ok) return out;
  LoadedDossier loaded = load_tree(doc.root, file, limits, doc.streamed ? &roster : nullptr);
  loaded.diagnostics.insert(loaded.diagnostics.begin(), out.diagnostics.begin(), out.diagnostics.end());
  return loaded;
}

namespace {

// The roster file a dossier names (enterprises_file): inside the dossier's
// folder (or an --allow-outside path), a regular file under the size limit,
// read as a workbook (roster_xlsx.h) or a CSV.
void read_roster_file(FieldReader& r, const std::string& file, const std::string& reference, const YamlNode& node,
                      const std::optional<std::string>& sheet, const FileLimits& limits,
                      std::vector<Enterprise>& roster, Diagnostics& diags) {
  const Location where = r.at(node);
  std::string bytes;
  auto found = resolve_reference(file, reference, limits, diags, where);
  if (!found || !read_regular_file(found->path, limits, bytes, diags, where, found->shown)) return;
  if (is_workbook_roster(bytes, found->shown)) {
    read_roster_xlsx(bytes, found->shown, sheet, limits.max_file_size, roster, diags);
    return;
  }
  if (sheet) diags.push_back({Severity::error, where, "xlsx.sheet_without_workbook", {}});
  read_roster_csv(bytes, found->shown, roster, diags);
}

}  // namespace

LoadedDossier load_dossier(const YamlNode& root, const std::string& file, const FileLimits& limits) {
  return load_tree(root, file, limits, nullptr);
}

namespace {

LoadedDossier load_tree(const YamlNode& root, const std::string& file, const FileLimits& limits,
                        StreamedRoster* streamed) {
  LoadedDossier out;
  FieldReader r(file, out.diagnostics);
  if (!root.is_map()) {
    r.error(root, "dossier.not_a_map", {{"found", std::string(describe_kind(root))}});
    return out;
  }
  Dossier d;
  d.file = file;
  r.record_places(&d.places);
  MapReader top(r, root, "");
  if (auto f = top.text("format", true); f && *f != kDossierFormat)
    r.error(*top.get("format"), "dossier.bad_format",
            {{"value", *f}, {"expected", std::string(kDossierFormat)}});
  d.as_of = top.date("as_of");
  if (const YamlNode* z = top.require("zone")) read_zone(r, *z, d.zone);
  if (const YamlNode* o = top.require("operator")) read_operator(r, *o, d.op);
  if (const YamlNode* h = top.get("history")) read_history(r, *h, d.history);
  if (const YamlNode* docs = top.get("documents")) d.documents = read_documents(r, *docs);
  // The roster: inline, from a CSV file beside the dossier, or both.
  const YamlNode* inline_roster = top.get("enterprises");
  if (inline_roster && streamed) {  // its rows read already, while it was parsed
    d.enterprises = streamed->rows();
    for (Diagnostic& diag : streamed->diagnostics()) out.diagnostics.push_back(std::move(diag));
  } else if (inline_roster) {
    read_enterprises(r, *inline_roster, d.enterprises);
  }
  d.enterprises_file = top.text("enterprises_file");
  const std::optional<std::string> sheet = top.text("enterprises_sheet");
  if (d.enterprises_file) read_roster_file(r, file, *d.enterprises_file, *top.get("enterprises_file"), sheet, limits,
                                           d.enterprises, out.diagnostics);
  else if (sheet) r.error(*top.get("enterprises_sheet"), "xlsx.sheet_without_workbook", {});
  if (!inline_roster && !d.enterprises_file && !top.get("enterprises_file"))
    r.error(root, "dossier.roster_required", {});
  mark_duplicates(r, d.enterprises);
  if (const YamlNode* dec = top.get("declared")) d.declared = read_declared(r, *dec);
  if (const YamlNode* w = top.get("work")) d.work = read_work(r, *w);
  top.finish();

  if (!has_errors(out.diagnostics)) out.dossier = std::move(d);
  return out;
}

}  // namespace

}  // namespace ipz
