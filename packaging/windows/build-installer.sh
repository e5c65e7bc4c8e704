#!/usr/bin/env bash
# Builds the Windows installer of vipdesk on Linux:
#   packaging/windows/build-installer.sh [--no-build]
# cross-compiles the release (cargo build --release --target x86_64-pc-windows-gnu, with Debian's
# gcc-mingw-w64-x86-64) unless --no-build, then makes target/installer/vipdesk-setup-VERSION.exe
# with makensis (Debian's nsis). Installs the rustup target and the packages when missing.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
build=1
[ "${1:-}" = "--no-build" ] && build=0
need=""
command -v x86_64-w64-mingw32-gcc >/dev/null || need="$need gcc-mingw-w64-x86-64"
command -v makensis >/dev/null || need="$need nsis"
if [ -n "$need" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
src="$top/target/x86_64-pc-windows-gnu/release"
if [ $build = 1 ]; then
  rustup target list --installed | grep -q x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
    cargo build --release --target x86_64-pc-windows-gnu
fi
for exe in vipdesk.exe vipdesk-cli.exe; do
  [ -f "$src/$exe" ] || { echo "build-installer: no $src/$exe (run without --no-build)" >&2; exit 1; }
done
mkdir -p target/installer
out="$top/target/installer/vipdesk-setup-$version.exe"
makensis -V2 -DVERSION="$version" -DSRC="$src" -DICON="$top/assets/icon.ico" -DOUT="$out" \
  packaging/windows/vipdesk.nsi
ls -l "$out"
