// Dossier: an application for recognition as read from a dossier file
// (format ipzone-dossier/1, see README "Dossier format"), as plain data.
// Optional members are std::nullopt when the dossier does not say: the rules
// then report the criterion as "missing" and name the field to add.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/date.h"
#include "util/diagnostic.h"
#include "util/number.h"

namespace ipz {

// Size figures of an enterprise, for classifying it by the SME size standard
// (中小企业划型标准) when the roster does not say sme: true/false.
struct SizeFigures {
  std::optional<std::string> sector;  // a sector id or its Chinese name
  std::optional<Number> employees;    // 从业人员
  std::optional<Number> revenue;      // 营业收入, 10,000 yuan
  std::optional<Number> assets;       // 资产总额, 10,000 yuan
};

// One enterprise of the roster (集聚发展区企业名录).
struct Enterprise {
  int row = 0;           // 1-based position in the roster, for messages
  int duplicate_of = 0;  // the row this one repeats (it then counts once), or 0
  Location where;     // where the row starts
  std::string name;
  std::optional<std::string> uscc;      // 统一社会信用代码
  std::optional<bool> sme;              // 中小企业, as declared
  std::optional<SizeFigures> size;      // or as the size standard classifies it
  // 高精尖产业领域 as written: nullopt when the key is absent; "" when empty or
  // ~. Which words mean "in none" (none, 无, 否 ...) the rule set says.
  std::optional<std::string> high_end_industry;
  Location high_end_where;
  long long valid_patents = 0;      // 有效专利
  long long invention_patents = 0;  // 发明专利
};

// How a message finds a roster row: its position, enterprises[3] in the
// dossier or roster.csv:14 in a roster file.
inline std::string roster_position(const Enterprise& e, const std::string& dossier_file) {
  return e.where.file == dossier_file ? "enterprises[" + std::to_string(e.row) + "]"
                                      : e.where.file + ":" + std::to_string(e.where.line);
}

// How a message names a roster row, so that an official finds it in the
// applicant's list: {row} its position, {who} its name and its USCC where
// given (the catalogue's roster.who, roster.who_uscc); with prefix "first_",
// {first_row} and {first_who} (roster.first_who, roster.first_who_uscc).
inline MessageArgs row_args(const Enterprise& e, const std::string& dossier_file, const std::string& prefix = "") {
  MessageArgs args = {{prefix + "row", roster_position(e, dossier_file)}, {prefix + "name", e.name}};
  const bool uscc = e.uscc && !e.uscc->empty();
  if (uscc) args.emplace_back(prefix + "uscc", *e.uscc);
  args.emplace_back(prefix + "who", "\x01roster." + prefix + (uscc ? "who_uscc" : "who"));
  return args;
}

// A dated entry whose place in the file matters for messages.
struct DatedEntry {
  Date date;
  Location where;
};

struct Zone {
  std::string name;
  std::string carrier_type;  // industrial_park | science_park | ... | other
  std::string district;
  std::optional<std::vector<std::string>> industry_directions;
  std::optional<bool> ip_workstation;  // 北京市知识产权公共服务工作站
  std::optional<std::vector<std::string>> service_functions;
  std::optional<std::vector<std::string>> relaxation_grounds;  // Art. 5(2): the grounds stated
  // Each stated ground's evidence files (none for format 1's plain list of grounds).
  std::map<std::string, std::vector<std::string>> relaxation_evidence;
};

struct Evidence {  // Art. 6(1)-(3): what is on file for each part
  std::optional<std::vector<std::string>> management_system, organization, funding, planning,
      capability, effect;
};

struct Credit {  // Art. 6(4)
  std::optional<long long> credit_china_bad_records;
  std::optional<bool> dishonest_debtor;
  std::optional<std::vector<DatedEntry>> administrative_penalties;
};

struct ServiceAgency {
  std::string name;
  std::vector<DatedEntry> abnormal_application_sanctions;
};

struct Operator {
  std::string name;
  std::optional<std::string> uscc;
  Location uscc_where;
  std::optional<std::string> legal_form;
  std::optional<bool> independent_legal_person;
  std::optional<bool> actual_operator;
  std::optional<Date> zone_operating_since;
  std::optional<Date> ip_services_since;
  Location zone_operating_since_where, ip_services_since_where;
  std::optional<Evidence> evidence;
  std::optional<Credit> credit;
  std::optional<std::vector<ServiceAgency>> service_agencies;
};

struct HistoryEvent {  // Arts. 8, 11(4), 12, 13, 14: the kinds of format/history-events.yaml
  std::string event;    // fraud_finding | termination | fund_fraud | cancellation | change
  DatedEntry when;
  int index = 0;        // 1-based position in history, for messages
  std::string change;   // a change's kind: merger | restructuring | bankruptcy | rename
  std::optional<Date> filed;  // when a change was filed with the office (Art. 14)
};

struct Documents {  // Art. 7
  std::optional<std::string> application_form;
  std::optional<std::string> work_plan;
  std::optional<std::vector<std::string>> evidence;
};

// Totals as typed into the application form, cross-checked against the roster.
struct Declared {
  std::optional<long long> enterprise_count, sme_count, high_end_count, valid_patents,
      invention_patents;
  Location where;
};

// What the zone's work under Art. 9 has produced (optional; used by the score).
struct Work {
  std::optional<bool> ip_butler;                     // 知识产权管家和联络员制度
  std::optional<long long> trainings_held;           // 培训场次
  std::optional<long long> pledge_financing_10k_yuan; // 知识产权质押融资（万元）
  std::optional<long long> patent_transfers;         // 专利转化（转让、许可）
  std::optional<long long> disputes_handled;         // 处理知识产权纠纷
  std::optional<long long> alliances_joined;         // 组建或加入产业知识产权联盟
};

struct Dossier {
  std::string file;  // as given on the command line ("-" for standard input)
  std::optional<Date> as_of;
  Zone zone;
  Operator op;
  std::vector<HistoryEvent> history;  // absent: no events
  std::optional<Documents> documents;
  std::vector<Enterprise> enterprises;  // inline rows first, then those of enterprises_file
  std::optional<std::string> enterprises_file;  // as written in the dossier
  std::optional<Declared> declared;
  std::optional<Work> work;
  // Where each field outside the roster rows is written ("operator.credit"
  // -> its key's line and column), for reports that point into the file.
  std::map<std::string, Location> places;
};

}  // namespace ipz
