// XlsxPackage: the parts of an .xlsx workbook (a zip of XML files), read from
// memory with Debian's minizip and parsed with expat, within bounds:
//  - the bytes must be a zip (an OLE/CFB file is an encrypted workbook or an
//    old .xls, and is named as such);
//  - at most kMaxXlsxEntries entries, and no part larger, uncompressed, than
//    the size limit (--max-file-size), counted as it is inflated (a zip bomb
//    stops there, whatever its header claims);
//  - no DTD: a part with a DOCTYPE or an entity declaration is refused before
//    anything is expanded (billion laughs), and no external entity is loaded.
// Every refusal is a diagnostic at the workbook (or its part, line, column).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace ipz {

inline constexpr std::uint64_t kMaxXlsxEntries = 10000;

// What a part's XML handler is told, element by element. Names are local
// (any namespace prefix dropped); attributes come as name, value pairs with
// local names too.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view data) = 0;
};

// The value of attribute name (local) in expat's attribute list, or "".
std::string_view xml_attribute(const char** attributes, std::string_view name);

struct XlsxMemory;  // the bytes, as minizip reads them (xlsx_package.cc)

class XlsxPackage {
 public:
  // file: the workbook as messages name it; max_part: the size limit.
  XlsxPackage(std::string_view bytes, std::string file, std::uint64_t max_part, Diagnostics& diags);
  ~XlsxPackage();
  XlsxPackage(const XlsxPackage&) = delete;
  XlsxPackage& operator=(const XlsxPackage&) = delete;

  bool ok() const { return zip_ != nullptr; }
  bool has(const std::string& part) const;
  // Streams part through expat into handler; false, with a diagnostic, when
  // it is missing (if required), too large, damaged or not well-formed XML.
  bool parse(const std::string& part, XmlHandler& handler, bool required = true);
  // handler may call this to stop the parse early (its part is read far enough).
  void stop();

 private:
  bool feed(const std::string& part, void* parser, const bool& refused);
  void fail(std::string key, MessageArgs args, const Location& where = {});

  std::unique_ptr<XlsxMemory> memory_;
  void* zip_ = nullptr;
  void* parser_ = nullptr;  // the part being parsed
  std::string file_;
  std::uint64_t max_part_;
  Diagnostics& diags_;
};

// The first bytes of an OLE compound file (an encrypted .xlsx, an old .xls).
bool is_ole_file(std::string_view bytes);
bool is_zip_file(std::string_view bytes);

}  // namespace ipz
