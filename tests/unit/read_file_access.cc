// Unit tests for read/file_access: only regular files, under the size limit,
// and a dossier's references confined to its folder (after symbolic links).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "read/file_access.h"

namespace fs = std::filesystem;
using ipz::Diagnostics;
using ipz::FileLimits;

namespace {

// A fresh folder with a dossier folder inside and a file beside it.
struct Sandbox {
  fs::path root, folder;
  Sandbox() {
    root = fs::temp_directory_path() / ("ipzone-file-access-" + std::to_string(::getpid()));
    fs::remove_all(root);
    folder = root / "dossiers";
    fs::create_directories(folder / "sub");
    write(folder / "roster.csv", "name\n");
    write(folder / "sub" / "roster.csv", "name\n");
    write(root / "secret.csv", "secret\n");
  }
  ~Sandbox() { fs::remove_all(root); }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  std::string dossier() const { return (folder / "d.yaml").string(); }
};

std::string key_of(const Diagnostics& d) { return d.empty() ? "" : d.front().key; }

}  // namespace

TEST_CASE("file access: a reference inside the dossier's folder resolves", "[file]") {
  Sandbox s;
  Diagnostics diags;
  auto r = ipz::resolve_reference(s.dossier(), "roster.csv", {}, diags, {});
  REQUIRE(r);
  CHECK(diags.empty());
  CHECK(r->shown == (s.folder / "roster.csv").string());
  CHECK(ipz::resolve_reference(s.dossier(), "sub/../sub/roster.csv", {}, diags, {}));
}

TEST_CASE("file access: ../, an absolute path or a symbolic link out of the folder is refused", "[file]") {
  Sandbox s;
  fs::create_symlink(s.root / "secret.csv", s.folder / "link.csv");
  for (const std::string& ref : std::vector<std::string>{"../secret.csv", (s.root / "secret.csv").string(), "link.csv", "/etc/passwd"}) {
    Diagnostics diags;
    INFO(ref);
    CHECK_FALSE(ipz::resolve_reference(s.dossier(), ref, {}, diags, {"d.yaml", 3, 19}));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].key == "file.outside_folder");
    CHECK(diags[0].where.line == 3);
  }
}

TEST_CASE("file access: --allow-outside lets a path under it through", "[file]") {
  Sandbox s;
  FileLimits limits;
  limits.allow_outside = {s.root.string()};
  Diagnostics diags;
  CHECK(ipz::resolve_reference(s.dossier(), "../secret.csv", limits, diags, {}));
  limits.allow_outside = {(s.root / "other").string()};
  CHECK_FALSE(ipz::resolve_reference(s.dossier(), "../secret.csv", limits, diags, {}));
}

TEST_CASE("file access: a symbolic link loop is named as one, a missing file as missing", "[file]") {
  Sandbox s;
  fs::create_symlink(s.folder / "b", s.folder / "a");
  fs::create_symlink(s.folder / "a", s.folder / "b");
  Diagnostics diags;
  CHECK_FALSE(ipz::resolve_reference(s.dossier(), "a", {}, diags, {}));
  CHECK(key_of(diags) == "file.symlink_loop");
  diags.clear();
  CHECK_FALSE(ipz::resolve_reference(s.dossier(), "none.csv", {}, diags, {}));
  CHECK(key_of(diags) == "file.not_found");
}

TEST_CASE("file access: a FIFO, a device and a folder are refused without waiting", "[file]") {
  Sandbox s;
  const fs::path fifo = s.folder / "fifo.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string& path : std::vector<std::string>{fifo.string(), "/dev/zero", s.folder.string()}) {
    Diagnostics diags;
    std::string out;
    INFO(path);
    CHECK_FALSE(ipz::read_regular_file(path, {}, out, diags));
    CHECK(key_of(diags) == "file.not_regular");
    CHECK(out.empty());
  }
}

TEST_CASE("file access: a file over the size limit is refused, one at the limit is read", "[file][boundary]") {
  Sandbox s;
  FileLimits limits;
  limits.max_file_size = 5;  // "name\n" is 5 bytes
  Diagnostics diags;
  std::string out;
  CHECK(ipz::read_regular_file((s.folder / "roster.csv").string(), limits, out, diags));
  CHECK(out == "name\n");
  limits.max_file_size = 4;
  CHECK_FALSE(ipz::read_regular_file((s.folder / "roster.csv").string(), limits, out, diags));
  CHECK(key_of(diags) == "file.too_large");
  CHECK(out.empty());
}

TEST_CASE("file access: --max-file-size takes bytes or K, M, G", "[file]") {
  CHECK(ipz::parse_size("500") == 500u);
  CHECK(ipz::parse_size("64M") == 64u * 1024 * 1024);
  CHECK(ipz::parse_size("1g") == 1024u * 1024 * 1024);
  CHECK(ipz::parse_size("2KiB") == 2048u);
  CHECK_FALSE(ipz::parse_size("M"));
  CHECK_FALSE(ipz::parse_size("-1"));
  CHECK_FALSE(ipz::parse_size("12T"));
  CHECK_FALSE(ipz::parse_size("99999999999999999999999"));
}
