// Looking up and filling the message catalogue (see catalogue.h).
#include "model/catalogue.h"

namespace ipz {

std::string Catalogue::get(std::string_view key, Lang lang) const {
  auto it = texts_.find(key);
  return it == texts_.end() ? std::string(key) : it->second.in(lang);
}

std::string Catalogue::render(std::string_view key, const MessageArgs& args, Lang lang) const {
  return fill(get(key, lang), args, lang);
}

std::string Catalogue::fill(std::string_view tmpl, const MessageArgs& args, Lang lang, int depth) const {
  std::string out;
  out.reserve(tmpl.size() + 32);
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const char ch = tmpl[i];
    const std::size_t close = ch == '{' ? tmpl.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += ch;
      ++i;
      continue;
    }
    std::string_view name = tmpl.substr(i + 1, close - i - 1);
    const std::string* value = nullptr;
    for (const auto& [k, v] : args)  // the last value given wins
      if (k == name) value = &v;
    if (!value) {
      out += '-';  // a value this evaluation did not reach (rules lint checks the names)
    } else if (!value->empty() && (*value)[0] == '\x01') {
      const std::string text = get(std::string_view(*value).substr(1), lang);
      out += depth == 0 ? fill(text, args, lang, 1) : text;
    } else {
      out += *value;
    }
    i = close + 1;
  }
  return out;
}

std::vector<std::string> placeholders(std::string_view tmpl) {
  std::vector<std::string> out;
  for (std::size_t i = tmpl.find('{'); i != std::string_view::npos; i = tmpl.find('{', i + 1)) {
    std::size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) break;
    out.emplace_back(tmpl.substr(i + 1, close - i - 1));
  }
  return out;
}

}  // namespace ipz
