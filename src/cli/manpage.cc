// Writing ipzone(1) (see manpage.h).
#include "cli/manpage.h"

#include <cctype>
#include <sstream>

namespace ipz::cli {

namespace {

bool is_help(const OptionSpec& o) { return o.long_names.size() == 1 && o.long_names.front() == "help"; }

// A description as roff paragraphs: a blank line starts a new one.
std::string paragraphs(const std::string& text) {
  std::string out, line;
  std::istringstream in(text);
  bool blank = false;
  while (std::getline(in, line)) {
    if (line.empty()) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ".PP\n";
    blank = false;
    out += roff_escape(line) + "\n";
  }
  return out;
}

// A positional argument as the synopsis shows it: DOSSIER, OLD, {bash|zsh|fish}.
std::string positional_name(const OptionSpec& p) {
  static const char* generic[] = {"TEXT", "INT", "DIR", "FILE", ""};
  for (const char* g : generic)
    if (p.value_name == g) {
      std::string upper = p.positional;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return upper;
    }
  return p.value_name;
}

std::string option_tag(const OptionSpec& o) {
  std::string out;
  for (const auto& s : o.short_names)
    out += (out.empty() ? "" : ", ") + std::string("\\fB\\-") + roff_escape(s) + "\\fR";
  for (const auto& l : o.long_names)
    out += (out.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + roff_escape(l) + "\\fR";
  if (!o.positional.empty())
    out = "\\fI" + roff_escape(positional_name(o)) + "\\fR";
  else if (!o.value_name.empty())
    out += " \\fI" + roff_escape(o.value_name) + "\\fR";
  return out;
}

std::string usage(const CommandSpec& c) {
  std::string out = "\\fB" + roff_escape(c.path) + "\\fR";
  bool options = false;
  for (const auto& o : c.options) options = options || !is_help(o);
  if (options) out += " [\\fIOPTIONS\\fR]";
  if (!c.subcommands.empty()) out += " \\fICOMMAND\\fR";
  for (const auto& p : c.positionals) {
    std::string name = "\\fI" + roff_escape(positional_name(p)) + "\\fR" + (p.repeated ? "..." : "");
    out += " " + (p.required ? name : "[" + name + "]");
  }
  return out;
}

std::string option_list(const std::vector<OptionSpec>& options) {
  std::string out;
  for (const auto& o : options) {
    if (is_help(o)) continue;
    out += ".TP\n" + option_tag(o) + "\n" + paragraphs(o.description);
  }
  return out;
}

void commands(const CommandSpec& c, std::string& out) {
  for (const CommandSpec& s : c.subcommands) {
    out += ".SS \"" + usage(s) + "\"\n" + paragraphs(s.description);
    for (const auto& p : s.positionals) out += ".TP\n" + option_tag(p) + "\n" + paragraphs(p.description);
    out += option_list(s.options);
    commands(s, out);
  }
}

void leaves(const CommandSpec& c, std::string& out) {
  for (const CommandSpec& s : c.subcommands) {
    if (s.subcommands.empty())
      out += (out.empty() ? "" : ".br\n") + usage(s) + "\n";
    else
      leaves(s, out);
  }
}

void replace(std::string& text, std::string_view marker, const std::string& with) {
  for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + with.size()))
    text.replace(at, marker.size(), with);
}

}  // namespace

std::string roff_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

void write_manpage(const CommandSpec& root, std::string_view tmpl, const std::string& version, std::ostream& out) {
  std::string page(tmpl);
  std::string synopsis, sections;
  leaves(root, synopsis);
  commands(root, sections);
  replace(page, "@VERSION@", roff_escape(version));
  replace(page, "@SYNOPSIS@", synopsis);
  replace(page, "@DESCRIPTION@", paragraphs(root.description));
  replace(page, "@OPTIONS@", option_list(root.options));
  replace(page, "@COMMANDS@", sections);
  out << page;
}

}  // namespace ipz::cli
