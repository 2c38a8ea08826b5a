// Reading the command line out of CLI11 (see command_spec.h).
#include "cli/command_spec.h"

#include <cctype>

namespace ipz::cli {

namespace {

// CLI11 shows an option's value as TYPE[:CHECK]..., e.g. "TEXT:{text,json}"
// for an IsMember check or "TEXT:DIR" for ExistingDirectory.
void read_value(const CLI::Option& o, OptionSpec& out) {
  const std::string type = o.get_type_name();
  const auto open = type.find('{'), close = type.rfind('}');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    out.kind = ValueKind::choice;
    std::string item;
    for (char c : type.substr(open + 1, close - open - 1)) {
      if (c == ',') {
        out.choices.push_back(item);
        item.clear();
      } else {
        item += c;
      }
    }
    if (!item.empty()) out.choices.push_back(item);
  } else if (type.find("DIR") != std::string::npos) {
    out.kind = ValueKind::dir;
  } else if (type.find("FILE") != std::string::npos || type.find("PATH") != std::string::npos ||
             type.find("DOSSIER") != std::string::npos) {
    out.kind = ValueKind::file;
  } else {
    out.kind = ValueKind::text;
  }
  if (out.kind == ValueKind::choice) {
    out.value_name = "{";
    for (std::size_t i = 0; i < out.choices.size(); ++i) out.value_name += (i ? "|" : "") + out.choices[i];
    out.value_name += "}";
  } else {
    out.value_name = type.substr(0, type.find(':'));
    if (out.value_name == "TEXT" && out.kind == ValueKind::dir) out.value_name = "DIR";
  }
}

CommandSpec describe(const CLI::App& app, const std::string& parent) {
  CommandSpec spec;
  spec.name = app.get_name();
  spec.path = parent.empty() ? app.get_name() : parent + " " + app.get_name();
  spec.description = app.get_description();
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;  // hidden
    OptionSpec opt;
    opt.description = o->get_description();
    opt.required = o->get_required();
    if (o->nonpositional()) {
      opt.short_names = o->get_snames();
      opt.long_names = o->get_lnames();
      if (o->get_expected_max() > 0) read_value(*o, opt);
      spec.options.push_back(std::move(opt));
    } else {
      opt.positional = o->get_name();
      read_value(*o, opt);
      opt.repeated = o->get_expected_max() > 1;
      spec.positionals.push_back(std::move(opt));
    }
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden
    spec.subcommands.push_back(describe(*sub, spec.path));
  }
  return spec;
}

}  // namespace

CommandSpec describe_command_line(const CLI::App& app) { return describe(app, ""); }

std::string first_sentence(const std::string& text, bool stop_at_colon) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      if (i + 1 < text.size() && text[i + 1] == '\n') break;  // a paragraph ends
      out += ' ';
      continue;
    }
    // A sentence ends at a full stop before a capital letter or the end
    // ("Art. 7(4)" and "e.g. art5.2" go on); a colon ends the summary when
    // something worth saying came before it ("csv: one row ..." goes on).
    const std::size_t next = text.find_first_not_of(' ', i + 1);
    const bool ends = next == std::string::npos || text[next] == '\n' ||
                      (next > i + 1 && std::isupper(static_cast<unsigned char>(text[next])));
    if (c == '.' && ends) break;
    if (c == ':' && stop_at_colon && out.size() >= 12 && next != i + 1) break;
    out += c;
  }
  return out;
}

}  // namespace ipz::cli
