#!/usr/bin/env bash
# package.sh BUILD VERSION: CPack makes ipzone_VERSION_amd64.deb, and the
# package is right: its name, version and architecture; a Depends that names
# the Debian package of every shared library the binary needs (as the
# dynamic section lists them, found with dpkg -S); and the files of
# `cmake --install` under /usr. (.ci/run installs it with apt-get, runs it
# and removes it again; a test must not change the machine.)
set -u
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is not installed: skipped"; exit 77; }

cpack --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$work/ipzone_${version}_amd64.deb
[ -f "$deb" ] || { ls "$work"; echo "FAIL: no $deb"; exit 1; }
[ "$(dpkg-deb -f "$deb" Package)" = ipzone ] || fail "Package: $(dpkg-deb -f "$deb" Package)"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version: $(dpkg-deb -f "$deb" Version), not $version"
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || fail "Architecture: $(dpkg-deb -f "$deb" Architecture)"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer"
depends=$(dpkg-deb -f "$deb" Depends)
depends_names=$(sed 's/ *([^)]*)//g; s/, */\n/g' <<<"$depends")  # one package name a line
mkdir "$work/root"
dpkg-deb -x "$deb" "$work/root"
binary=$work/root/usr/bin/ipzone
[ -x "$binary" ] || fail "no usr/bin/ipzone"
for lib in $(objdump -p "$binary" | awk '$1 == "NEEDED" {print $2}'); do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
  [ -n "$path" ] || { fail "$lib: not found by ldconfig"; continue; }
  pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1)
  [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)
  [ -n "$pkg" ] || { fail "$lib: no Debian package owns $path"; continue; }
  grep -qxF "$pkg" <<<"$depends_names" || fail "Depends ($depends) lacks $pkg, which holds $lib"
done
for f in usr/share/man/man1/ipzone.1.gz usr/share/bash-completion/completions/ipzone \
  usr/share/zsh/vendor-completions/_ipzone usr/share/fish/vendor_completions.d/ipzone.fish \
  usr/share/doc/ipzone/README.md usr/share/doc/ipzone/rules-recognition.md usr/share/doc/ipzone/examples/eligible.yaml; do
  [ -f "$work/root/$f" ] || fail "the package lacks /$f"
done
if file "$binary" | grep -q "not stripped"; then fail "usr/bin/ipzone is not stripped"; fi
[ $fails = 0 ] && echo "ipzone_${version}_amd64.deb: Depends: $depends; every file in place"
exit $((fails > 0))
