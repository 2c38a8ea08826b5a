#!/usr/bin/env bash
# Cross-compiles ipzone.exe for 64-bit Windows with Debian's mingw-w64
# (POSIX threads): one static executable, no DLL beside it.
#
#   tools/build-windows.sh [BUILD_DIR]     (default: build-windows/, ignored by git)
#
# Debian ships most of ipzone's libraries for Linux only, so the script first
# builds them for Windows from Debian's own source packages: it adds a deb-src
# entry for the suites apt already uses (/etc/apt/sources.list.d/), runs
# apt-get update and apt-get source, and builds each one as a static library
# with cmake/mingw-w64-x86_64.cmake into BUILD_DIR/prefix. A library already
# built there is skipped (delete BUILD_DIR/deps/NAME.done to rebuild it), so only
# the first run is slow. Then it builds ipzone.exe in BUILD_DIR/ipzone and
# checks with objdump that it imports only DLLs that come with Windows.
#
# | library       | Debian source package | version (bookworm) | how                          |
# |---------------|-----------------------|--------------------|------------------------------|
# | yaml-cpp      | yaml-cpp              | 0.7.0+dfsg-8       | built, static                |
# | fmt           | fmtlib                | 9.1.0+ds1-2        | built, static                |
# | CLI11         | cli11                 | 2.1.2+ds-1         | header-only, installed       |
# | libxlsxwriter | libxlsxwriter         | 1.1.4-2            | built, static                |
# | minizip       | minizip               | 1.1-8+deb12u1      | built, static (libxlsxwriter's zip writer, the .xlsx roster's unzip) |
# | expat         | expat                 | 2.5.0-1+deb12u1    | built, static (the .xlsx roster's XML) |
# | zlib          | zlib                  | 1:1.2.13.dfsg-1    | built, static                |
# | C/C++ runtime | mingw-w64, gcc-mingw-w64 | 10.0.0-3, 12.2.0-14 | Debian's binary packages, linked statically |
#
# The versions are those of Debian 12; apt-get source takes whatever the
# configured suites hold, and the script prints the versions it built.
# Needs root for the apt steps (skipped when the sources are already there).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$src/build-windows}" && cd "${1:-$src/build-windows}" && pwd)
deps=$out/deps
prefix=$out/prefix
toolchain=$src/cmake/mingw-w64-x86_64.cmake
jobs=${JOBS:-2}
export IPZONE_WINDOWS_PREFIX=$prefix
mkdir -p "$deps" "$prefix"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# log MESSAGE: a line with the time since the start, on stderr (fetch prints its
# result on stdout, and add_deb_src logs inside it).
start=$SECONDS
log() { echo "build-windows [$((SECONDS - start)) s]: $*" >&2; }

# The compiler and the tools the steps below use, from Debian's packages.
need_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
}
need_packages g++-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 cmake make dpkg-dev

# A deb-src entry beside each deb entry apt already has, so that apt-get source
# finds the source packages of the suites the machine installs from.
add_deb_src() {
  local list=/etc/apt/sources.list.d/ipzone-deb-src.sources f
  [ -e "$list" ] && return 0
  log "adding deb-src entries in $list"
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -e "$f" ] || continue
      # deb822 stanzas whose Types include deb, as deb-src.
      awk 'BEGIN { RS = ""; ORS = "\n\n" }
           /(^|\n)Types:[^\n]*(^|[ \t])deb([ \t]|\n|$)/ && !/deb-src/ {
             sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f"
    done
    # One-line entries (sources.list), written as deb822 too.
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -e "$f" ] || continue
      awk '$1 == "deb" { sub(/^deb +(\[[^]]*\] +)?/, ""); n = split($0, w, " ");
             printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:", w[1], w[2];
             for (i = 3; i <= n; i++) printf " %s", w[i]; printf "\n\n" }' "$f"
    done
  } >"$list.tmp"
  # Entries for third-party repositories that ship no sources would make
  # apt-get update fail; keep only the suites of this Debian release
  # (bookworm, bookworm-updates, bookworm-security ...).
  local codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  awk -v c="$codename" 'BEGIN { RS = ""; ORS = "\n\n" }
       c != "" && match($0, /(^|\n)Suites:[ \t]*[^ \t\n]+/) {
         n = split(substr($0, RSTART, RLENGTH), w, /[ \t\n]+/); s = w[n];
         if (s == c || index(s, c "-") == 1) print }' "$list.tmp" >"$list"
  rm -f "$list.tmp"
  [ -s "$list" ] || { echo "build-windows: found no Debian apt source to add deb-src for" >&2; rm -f "$list"; exit 1; }
  apt-get update -qq
}

# fetch PKG: unpacks Debian's source package PKG under deps/, once; prints its folder.
fetch() {
  local pkg=$1 dir
  dir=$(find "$deps" -maxdepth 1 -type d -name "$pkg-[0-9]*" | head -n1)
  if [ -z "$dir" ]; then
    add_deb_src
    # The newest version first; an older one if a mirror lacks its files (a
    # security update's source is not always beside its binaries).
    local v ok=
    for v in "" $(apt-cache showsrc "$pkg" | awk '$1 == "Version:" { print $2 }' | sort -rVu); do
      if (cd "$deps" && apt-get source -qq --download-only "$pkg${v:+=$v}" >&2); then ok=1; break; fi
    done
    [ -n "$ok" ] && (cd "$deps" && dpkg-source -x "$(ls -t "$pkg"_*.dsc | head -n1)" >&2) ||
      { echo "build-windows: apt-get source $pkg failed" >&2; exit 1; }
    dir=$(find "$deps" -maxdepth 1 -type d -name "$pkg-[0-9]*" | head -n1)
  fi
  echo "$dir"
}

# cmake_lib NAME SOURCE_DIR CMAKE_ARGS...: configures, builds and installs a
# static library into the prefix, unless deps/NAME.done says it is there.
cmake_lib() {
  local name=$1 dir=$2
  shift 2
  [ -e "$deps/$name.done" ] && { log "$name: already built"; return 0; }
  log "$name: building from $(basename "$dir")"
  rm -rf "$deps/build-$name"
  cmake -S "$dir" -B "$deps/build-$name" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_PREFIX_PATH="$prefix" -DBUILD_SHARED_LIBS=OFF \
    "${launcher[@]}" "$@" >"$deps/$name.log" 2>&1 &&
    cmake --build "$deps/build-$name" -j"$jobs" >>"$deps/$name.log" 2>&1 &&
    cmake --install "$deps/build-$name" >>"$deps/$name.log" 2>&1 ||
    { tail -n 30 "$deps/$name.log" >&2; echo "build-windows: $name failed, see $deps/$name.log" >&2; exit 1; }
  basename "$dir" >"$deps/$name.done"
}

cli11=$(fetch cli11)
fmt=$(fetch fmtlib)
yaml=$(fetch yaml-cpp)
zlib=$(fetch zlib)
minizip=$(fetch minizip)
xlsx=$(fetch libxlsxwriter)
expat=$(fetch expat)

# zlib: only its static library (the source package has no resource file for
# the DLL), installed by hand as libz.a, so nothing downstream can pick a DLL.
if [ ! -e "$deps/zlib.done" ]; then
  log "zlib: building from $(basename "$zlib")"
  rm -rf "$deps/build-zlib"
  { cmake -S "$zlib" -B "$deps/build-zlib" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
      "${launcher[@]}" && cmake --build "$deps/build-zlib" -j"$jobs" --target zlibstatic; } >"$deps/zlib.log" 2>&1 ||
    { tail -n 30 "$deps/zlib.log" >&2; echo "build-windows: zlib failed, see $deps/zlib.log" >&2; exit 1; }
  mkdir -p "$prefix/lib" "$prefix/include"
  cp "$deps/build-zlib/libzlibstatic.a" "$prefix/lib/libz.a"
  cp "$zlib/zlib.h" "$deps/build-zlib/zconf.h" "$prefix/include/"
  basename "$zlib" >"$deps/zlib.done"
fi
zlib_args=(-DZLIB_LIBRARY="$prefix/lib/libz.a" -DZLIB_INCLUDE_DIR="$prefix/include")

# Debian's minizip source builds with automake; its zip writer is four C files,
# built here by a CMake file of our own, with the Windows file API (iowin32).
if [ ! -e "$deps/minizip.done" ]; then
  mkdir -p "$deps/minizip-cmake"
  cat >"$deps/minizip-cmake/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.13)
project(minizip C)
find_package(ZLIB REQUIRED)
set(s "$minizip")
add_library(minizip STATIC \${s}/ioapi.c \${s}/zip.c \${s}/unzip.c \${s}/mztools.c \${s}/iowin32.c)
target_link_libraries(minizip PRIVATE ZLIB::ZLIB)
install(TARGETS minizip ARCHIVE DESTINATION lib)
install(FILES \${s}/ioapi.h \${s}/zip.h \${s}/unzip.h \${s}/mztools.h \${s}/iowin32.h DESTINATION include/minizip)
CMAKE
fi
cmake_lib minizip "$deps/minizip-cmake" "${zlib_args[@]}"
[ -e "$deps/minizip.done" ] && basename "$minizip" >"$deps/minizip.done"

cmake_lib libxlsxwriter "$xlsx" "${zlib_args[@]}" -DUSE_SYSTEM_MINIZIP=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF
# expat: the XML parser of the .xlsx roster reader; static, so its users define XML_STATIC.
# Debian's security patches test "#if XML_DTD == 1", which the CMake build's
# config header defines empty (its autotools build, which Debian uses, says 1).
sed -i 's/^#cmakedefine XML_DTD$/#cmakedefine XML_DTD 1/' "$expat/expat/expat_config.h.cmake"
cmake_lib expat "$expat/expat" -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
  -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_FUZZERS=OFF -DEXPAT_BUILD_PKGCONFIG=OFF
[ -e "$deps/expat.done" ] && basename "$expat" >"$deps/expat.done"
cmake_lib fmt "$fmt" -DFMT_DOC=OFF -DFMT_TEST=OFF -DFMT_INSTALL=ON
cmake_lib yaml-cpp "$yaml" -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_CPP_BUILD_CONTRIB=OFF \
  -DYAML_BUILD_SHARED_LIBS=OFF
cmake_lib cli11 "$cli11" -DCLI11_BUILD_TESTS=OFF -DCLI11_BUILD_EXAMPLES=OFF -DCLI11_BUILD_DOCS=OFF -DCLI11_INSTALL=ON
for f in "$deps"/*.done; do log "built $(basename "$f" .done) from $(cat "$f")"; done

# Wine runs the build's own helper (tools/embed_trees.cc parses the embedded
# YAML at build time) and the tests: a prefix of its own under BUILD_DIR,
# created once, headless and quiet.
need_packages wine64
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
export WINEPREFIX=$out/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
if [ ! -e "$WINEPREFIX/system.reg" ]; then
  log "wine: creating the prefix $WINEPREFIX"
  "$wine" wineboot --init >"$out/wineboot.log" 2>&1 || { cat "$out/wineboot.log" >&2; exit 1; }
  "$(dirname "$wine")/wineserver" -w 2>/dev/null || wineserver -w 2>/dev/null || true
fi

# MinSizeRel (-Os): a smaller executable, and a faster build than -O3 on CI's two cores.
log "ipzone: configuring and building in $out/ipzone"
cmake -S "$src" -B "$out/ipzone" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CROSSCOMPILING_EMULATOR="$wine" -DBUILD_TESTING=OFF \
  -DIPZONE_WERROR=ON "${zlib_args[@]}" "${launcher[@]}" >"$out/ipzone-configure.log" 2>&1 ||
  { cat "$out/ipzone-configure.log" >&2; exit 1; }
cmake --build "$out/ipzone" -j"$jobs" --target ipzone
exe=$out/ipzone/ipzone.exe
x86_64-w64-mingw32-strip -o "$out/ipzone.exe" "$exe"

# No DLL to ship: every DLL the executable imports comes with Windows.
imports=$(x86_64-w64-mingw32-objdump -p "$out/ipzone.exe" | awk '/DLL Name:/ { print $3 }')
log "ipzone.exe imports: $(echo $imports)"
for dll in $imports; do
  case "$(echo "$dll" | tr '[:upper:]' '[:lower:]')" in
    kernel32.dll | msvcrt.dll | user32.dll | advapi32.dll | shell32.dll | ole32.dll | ws2_32.dll | bcrypt.dll | \
      ntdll.dll | shlwapi.dll | api-ms-win-*.dll) ;;
    *) echo "build-windows: ipzone.exe needs $dll, which does not come with Windows" >&2; exit 1 ;;
  esac
done
log "done: $out/ipzone.exe ($(stat -c %s "$out/ipzone.exe") bytes)"
