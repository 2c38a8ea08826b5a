// Reading an .xlsx package's parts (see xlsx_package.h).
#include "read/xlsx_package.h"

#include <unzip.h>

#include <algorithm>
#include <cstring>

// Declares expat's billion-laughs bounds (Debian's expat, and the one
// tools/build-windows.sh builds, are compiled with DTD support).
#ifndef XML_DTD
#define XML_DTD 1
#endif
#include <expat.h>

namespace ipz {

struct XlsxMemory {
  std::string_view bytes;
  std::uint64_t pos = 0;
};

namespace {

constexpr std::string_view kZipMagic("PK\x03\x04", 4);
constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr std::size_t kChunk = 64 * 1024;

std::string_view local_name(const char* name) {
  std::string_view n(name);
  const auto space = n.rfind(' ');  // expat's namespace separator: "uri local"
  return space == std::string_view::npos ? n : n.substr(space + 1);
}

// minizip's file functions, over the bytes in memory (stream is the XlsxMemory).
voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) { return opaque; }
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<XlsxMemory*>(stream);
  const std::uint64_t left = m->pos < m->bytes.size() ? m->bytes.size() - m->pos : 0;
  const auto n = static_cast<uLong>(std::min<std::uint64_t>(left, size));
  if (n) std::memcpy(buf, m->bytes.data() + m->pos, n);
  m->pos += n;
  return n;
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<XlsxMemory*>(stream)->pos; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<XlsxMemory*>(stream);
  std::uint64_t base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR)
    base = m->pos;
  else if (origin == ZLIB_FILEFUNC_SEEK_END)
    base = m->bytes.size();
  if (offset > m->bytes.size() || base + offset > m->bytes.size()) return -1;
  m->pos = base + offset;
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

// expat's callbacks, forwarding to the handler with local names.
struct Callbacks {
  XML_Parser parser;
  XmlHandler* handler;
  bool refused = false;  // a DOCTYPE or an entity declaration: stopped
  std::vector<const char*> attrs;
};

void XMLCALL on_start(void* data, const char* name, const char** attributes) {
  auto* cb = static_cast<Callbacks*>(data);
  cb->attrs.clear();
  for (const char** a = attributes; *a; a += 2) {
    cb->attrs.push_back(local_name(a[0]).data());
    cb->attrs.push_back(a[1]);
  }
  cb->attrs.push_back(nullptr);
  cb->handler->start(local_name(name), cb->attrs.data());
}
void XMLCALL on_end(void* data, const char* name) { static_cast<Callbacks*>(data)->handler->end(local_name(name)); }
void XMLCALL on_text(void* data, const char* s, int len) {
  static_cast<Callbacks*>(data)->handler->text(std::string_view(s, static_cast<std::size_t>(len)));
}
void refuse(void* data) {
  auto* cb = static_cast<Callbacks*>(data);
  cb->refused = true;
  XML_StopParser(cb->parser, XML_FALSE);
}
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) { refuse(data); }
void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                       const XML_Char*, const XML_Char*) {
  refuse(data);
}
int XMLCALL no_external_entity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
  return XML_STATUS_ERROR;
}

}  // namespace

std::string_view xml_attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; *a; a += 2)
    if (name == a[0]) return a[1];
  return {};
}

bool is_ole_file(std::string_view bytes) { return bytes.substr(0, kOleMagic.size()) == kOleMagic; }
bool is_zip_file(std::string_view bytes) { return bytes.substr(0, kZipMagic.size()) == kZipMagic; }

XlsxPackage::XlsxPackage(std::string_view bytes, std::string file, std::uint64_t max_part, Diagnostics& diags)
    : memory_(std::make_unique<XlsxMemory>()), file_(std::move(file)), max_part_(max_part), diags_(diags) {
  if (is_ole_file(bytes) || !is_zip_file(bytes)) {
    fail(is_ole_file(bytes) ? "xlsx.encrypted_or_xls" : "xlsx.not_zip", {});
    return;
  }
  memory_->bytes = bytes;
  zlib_filefunc64_def io{mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, memory_.get()};
  zip_ = unzOpen2_64("", &io);
  unz_global_info64 info{};
  if (!zip_ || unzGetGlobalInfo64(zip_, &info) != UNZ_OK) {
    if (zip_) unzClose(zip_);
    zip_ = nullptr;
    fail("xlsx.damaged", {});
    return;
  }
  if (info.number_entry > kMaxXlsxEntries) {
    unzClose(zip_);
    zip_ = nullptr;
    fail("xlsx.too_many_entries",
         {{"count", std::to_string(info.number_entry)}, {"limit", std::to_string(kMaxXlsxEntries)}});
  }
}

XlsxPackage::~XlsxPackage() {
  if (zip_) unzClose(zip_);
}

void XlsxPackage::fail(std::string key, MessageArgs args, const Location& where) {
  args.insert(args.begin(), {"file", file_});
  diags_.push_back(
      {Severity::error, where.file.empty() ? Location{file_, 0, 0} : where, std::move(key), std::move(args)});
}

bool XlsxPackage::has(const std::string& part) const { return zip_ && unzLocateFile(zip_, part.c_str(), 2) == UNZ_OK; }

void XlsxPackage::stop() {
  if (parser_) XML_StopParser(static_cast<XML_Parser>(parser_), XML_FALSE);
}

bool XlsxPackage::parse(const std::string& part, XmlHandler& handler, bool required) {
  if (!zip_) return false;
  if (unzLocateFile(zip_, part.c_str(), 2) != UNZ_OK) {
    if (required) fail("xlsx.missing_part", {{"part", part}});
    return false;
  }
  XML_Parser p = XML_ParserCreateNS(nullptr, ' ');
  if (!p) return false;
  Callbacks cb{p, &handler, false, {}};
  XML_SetUserData(p, &cb);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  XML_SetStartDoctypeDeclHandler(p, on_doctype);
  XML_SetEntityDeclHandler(p, on_entity);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
  XML_SetExternalEntityRefHandler(p, no_external_entity);
  XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 10.0f);
  XML_SetBillionLaughsAttackProtectionActivationThreshold(p, 1u << 20);
  parser_ = p;
  const bool ok = feed(part, p, cb.refused);
  parser_ = nullptr;
  XML_ParserFree(p);
  return ok;
}

// Inflates the current entry a chunk at a time into the parser, at most max_part_ bytes.
bool XlsxPackage::feed(const std::string& part, void* parser, const bool& refused) {
  auto* p = static_cast<XML_Parser>(parser);
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    fail("xlsx.damaged", {});
    return false;
  }
  if (info.flag & 1) {  // a password on the zip entry
    fail("xlsx.encrypted_or_xls", {});
    return false;
  }
  auto too_large = [&] { fail("xlsx.part_too_large", {{"part", part}, {"limit", std::to_string(max_part_)}}); };
  if (info.uncompressed_size > max_part_) return too_large(), false;
  if (unzOpenCurrentFile(zip_) != UNZ_OK) return fail("xlsx.damaged", {}), false;
  std::vector<char> buf(kChunk);
  std::uint64_t total = 0;
  bool ok = true, done = false;
  while (ok && !done) {
    const int n = unzReadCurrentFile(zip_, buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) {
      fail("xlsx.damaged", {});
      ok = false;
      break;
    }
    total += static_cast<std::uint64_t>(n);
    if (total > max_part_) {
      too_large();
      ok = false;
      break;
    }
    done = n == 0;
    const XML_Status st = XML_Parse(p, buf.data(), n, done ? XML_TRUE : XML_FALSE);
    if (st == XML_STATUS_SUSPENDED) break;
    if (st == XML_STATUS_ERROR) {
      const auto line = static_cast<int>(XML_GetCurrentLineNumber(p));
      const auto column = static_cast<int>(XML_GetCurrentColumnNumber(p)) + 1;
      const Location at{file_ + ":" + part, line, column};
      if (refused)
        fail("xlsx.dtd", {{"part", part}}, at);
      else if (XML_GetErrorCode(p) != XML_ERROR_ABORTED)
        fail("xlsx.bad_xml", {{"part", part}}, at);
      ok = XML_GetErrorCode(p) == XML_ERROR_ABORTED && !refused;  // stopped by the handler: enough read
      break;
    }
  }
  if (unzCloseCurrentFile(zip_) == UNZ_CRCERROR && ok && done) {
    fail("xlsx.damaged", {});
    ok = false;
  }
  return ok;
}

}  // namespace ipz
