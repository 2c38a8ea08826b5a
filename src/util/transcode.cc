// Conversions to UTF-8 (see transcode.h).
#include "util/transcode.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <iconv.h>

#include <cerrno>
#endif

namespace ipz {

#ifdef _WIN32

namespace {

std::optional<std::string> wide_to_utf8(const std::wstring& w) {
  if (w.empty()) return std::string();
  const int n = WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, w.data(), static_cast<int>(w.size()), nullptr, 0,
                                    nullptr, nullptr);
  if (n <= 0) return std::nullopt;
  std::string out(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, w.data(), static_cast<int>(w.size()), out.data(), n, nullptr,
                      nullptr);
  return out;
}

}  // namespace

std::optional<std::string> gb18030_to_utf8(std::string_view bytes) {
  if (bytes.empty()) return std::string();
  // GB18030 (code page 54936), a superset of GBK; where the system lacks it
  // (wine 8 does), GBK itself (936), which reads every GBK file the same.
  const UINT cp = IsValidCodePage(54936) ? 54936 : 936;
  const int n = MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, bytes.data(), static_cast<int>(bytes.size()), nullptr, 0);
  if (n <= 0) return std::nullopt;
  std::wstring w(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, bytes.data(), static_cast<int>(bytes.size()), w.data(), n);
  return wide_to_utf8(w);
}

std::optional<std::string> utf16_to_utf8(std::string_view bytes, std::string_view encoding) {
  if (bytes.size() % 2) return std::nullopt;
  const bool big = encoding == "UTF-16BE";
  std::wstring w;
  w.reserve(bytes.size() / 2);
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    w.push_back(static_cast<wchar_t>(big ? (a << 8 | b) : (b << 8 | a)));
  }
  if (!w.empty() && w.front() == 0xFEFF) w.erase(0, 1);
  return wide_to_utf8(w);
}

#else

namespace {

// bytes from encoding `from` to UTF-8 with iconv; nullopt on any invalid or incomplete sequence.
std::optional<std::string> iconv_to_utf8(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size(), done = 0;
  bool ok = true;
  while (in_left > 0) {
    char* to = out.data() + done;
    std::size_t to_left = out.size() - done;
    const std::size_t r = iconv(cd, &in, &in_left, &to, &to_left);
    done = out.size() - to_left;
    if (r != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // EILSEQ or EINVAL: not this encoding
    break;
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(done);
  return out;
}

}  // namespace

std::optional<std::string> gb18030_to_utf8(std::string_view bytes) { return iconv_to_utf8(bytes, "GB18030"); }

std::optional<std::string> utf16_to_utf8(std::string_view bytes, std::string_view encoding) {
  auto out = iconv_to_utf8(bytes, encoding == "UTF-16BE" ? "UTF-16BE" : "UTF-16LE");
  if (out && out->compare(0, 3, "\xEF\xBB\xBF") == 0) out->erase(0, 3);  // the byte order mark, as U+FEFF
  return out;
}

#endif

}  // namespace ipz
