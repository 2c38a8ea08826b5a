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

// A catalogue reference, "key" or "key\x1ename\x1dvalue\x1e...": the entry's
// text, its placeholders filled from the arguments it carries, then args (at
// depth 0; one level deep only).
std::string Catalogue::fill_reference(std::string_view ref, const MessageArgs& args, Lang lang, int depth) const {
  const std::size_t own = ref.find('\x1e');
  const std::string text = get(ref.substr(0, own), lang);
  if (depth > 0) return text;
  if (own == std::string_view::npos) return fill(text, args, lang, 1);
  MessageArgs scoped = args;
  for (std::string_view rest = ref.substr(own); !rest.empty();) {
    rest.remove_prefix(1);  // \x1e
    const std::size_t eq = rest.find('\x1d'), next = rest.find('\x1e');
    if (eq == std::string_view::npos || eq > next) break;
    scoped.emplace_back(std::string(rest.substr(0, eq)),
                        std::string(rest.substr(eq + 1, next == std::string_view::npos ? next : next - eq - 1)));
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next);
  }
  return fill(text, scoped, lang, 1);
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
      // A value this evaluation did not reach (rules lint checks the names;
      // tests/unit/report_messages.cc that the shipped rules reach them all).
      out += get("value.not_computed", lang);
    } else if (!value->empty() && ((*value)[0] == '\x03' || (*value)[0] == '\x04')) {
      // A list of catalogue references, \x1f between them (\x1c after \x04,
      // for references whose own arguments hold \x1f), each filled from the
      // same args and its own, joined.
      const char between = (*value)[0] == '\x03' ? '\x1f' : '\x1c';
      std::string_view refs = std::string_view(*value).substr(1);
      bool first = true;
      while (!refs.empty()) {
        const std::size_t sep = refs.find(between);
        if (!first) out += get("list.separator", lang);
        first = false;
        out += fill_reference(refs.substr(0, sep), args, lang, depth);
        refs = sep == std::string_view::npos ? std::string_view{} : refs.substr(sep + 1);
      }
    } else if (!value->empty() && (*value)[0] == '\x02') {
      const std::size_t sep = value->find('\x1f');
      out += sep == std::string::npos ? value->substr(1)
             : lang == Lang::en       ? value->substr(sep + 1)
                                      : value->substr(1, sep - 1);
    } else if (!value->empty() && (*value)[0] == '\x01') {
      // \x01key, optionally followed by arguments of its own: \x1ename\x1dvalue ...
      out += fill_reference(std::string_view(*value).substr(1), args, lang, depth);
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
