#!/usr/bin/env bash
# Smoke test of the Windows build under Wine, run before a release:
#   packaging/windows/smoke-test.sh [--no-build]
# builds the release and the installer (packaging/windows/build-installer.sh) unless --no-build,
# then, in a fresh Wine prefix: installs silently, and with the installed programs runs the demo
# on a fresh default database (%APPDATA%), `check`, a letter's PDF (its text read back with
# pdftotext), printing through the shell's «print» verb (first with no program for PDF files,
# then with one), an import of a Windows-1251 CSV with CRLF line ends from a folder with
# Cyrillic letters and spaces, the window under Xvfb (a screenshot, and the renderer it chose),
# and the uninstaller (the database stays). Prints a line per step and exits non-zero when one
# failed. Output: target/smoke/ (log, screenshots, PDFs).
#
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, which Rust's standard library needs since 1.78:
# a stand-in exporting ProcessPrng (over RtlGenRandom) goes into the prefix's system folder.
# Windows 10 and 11 have the real one.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
build=1
[ "${1:-}" = "--no-build" ] && build=0

need=""
command -v x86_64-w64-mingw32-gcc >/dev/null || need="$need gcc-mingw-w64-x86-64"
[ -x /usr/lib/wine/wine64 ] || need="$need wine64"
command -v makensis >/dev/null || need="$need nsis"
command -v pdftotext >/dev/null || need="$need poppler-utils"
command -v Xvfb >/dev/null || need="$need xvfb"
command -v import >/dev/null || need="$need imagemagick"
command -v iconv >/dev/null || need="$need libc-bin"
if [ -n "$need" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi

if [ $build = 1 ]; then
  packaging/windows/build-installer.sh || exit 1
else
  packaging/windows/build-installer.sh --no-build >/dev/null || exit 1
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
setup="$top/target/installer/vipdesk-setup-$version.exe"

out="$top/target/smoke"
rm -rf "$out"
mkdir -p "$out"
# No Mono or Gecko prompt, and no menu entries or icons made in this machine's own desktop.
export WINEPREFIX="$out/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
wine=/usr/lib/wine/wine64
log="$out/smoke.log"
failed=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failed=1; }

"$wine" wineboot -i >/dev/null 2>&1
/usr/lib/wine/wineserver -w
sys="$WINEPREFIX/drive_c/windows/system32"
cat >"$out/bcp.c" <<'C'
#include <windows.h>
typedef BOOLEAN (WINAPI *Gen)(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE p, SIZE_T n) {
  static Gen g = 0; if (!g) g = (Gen)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
  while (n) { ULONG k = n > 0x10000000 ? 0x10000000 : (ULONG)n; if (!g(p, k)) return FALSE; p += k; n -= k; }
  return TRUE;
}
C
x86_64-w64-mingw32-gcc -shared -o "$sys/bcryptprimitives.dll" "$out/bcp.c" -Wl,--kill-at || exit 1

user=$(id -un)
home="$WINEPREFIX/drive_c/users/$user"
# Wine links the user's Desktop, Documents and the like to this machine's home folder: made real
# folders of the prefix, so that nothing the test writes lands outside target/smoke.
for link in "$home"/*; do
  [ -L "$link" ] && rm "$link" && mkdir "$link"
done
programs="$home/AppData/Local/Programs/vipdesk"
data="$home/AppData/Roaming/Orelenergosbyt/vipdesk/data"

# 1. The installer, silently, as the user (no administrator).
"$wine" "$setup" /S >>"$log" 2>&1
/usr/lib/wine/wineserver -w
if [ -f "$programs/vipdesk.exe" ] && [ -f "$programs/vipdesk-cli.exe" ]; then
  pass "install: $(ls "$programs" | tr '\n' ' ')→ %LOCALAPPDATA%\\Programs\\vipdesk"
else
  fail "install: no programs in $programs"
fi
cli() { "$wine" "C:\\users\\$user\\AppData\\Local\\Programs\\vipdesk\\vipdesk-cli.exe" "$@"; }

# 1b. An upgrade while a vipdesk program is running (here: vipdesk-cli.exe held open as a running
#     program holds its file) stops before replacing anything (exit 2); once it is closed, the
#     upgrade goes through. The uninstaller likewise.
cat >"$out/hold.c" <<'C'
#include <windows.h>
int wmain(int argc, wchar_t **argv) {
  HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, 0, OPEN_EXISTING, 0, 0);
  if (h == INVALID_HANDLE_VALUE) return 1;
  Sleep(_wtoi(argv[2]) * 1000);
  return 0;
}
C
x86_64-w64-mingw32-gcc -municode -o "$WINEPREFIX/drive_c/hold.exe" "$out/hold.c" || exit 1
built=$(md5sum <"$programs/vipdesk.exe")
printf 'older' >>"$programs/vipdesk.exe"
older=$(md5sum <"$programs/vipdesk.exe")
"$wine" 'C:\hold.exe' "C:\\users\\$user\\AppData\\Local\\Programs\\vipdesk\\vipdesk-cli.exe" 20 &
hold=$!
sleep 3
"$wine" "$setup" /S >>"$log" 2>&1
held_rc=$?
after_held=$(md5sum <"$programs/vipdesk.exe")
"$wine" "C:\\users\\$user\\AppData\\Local\\Programs\\vipdesk\\uninstall.exe" /S _?="C:\\users\\$user\\AppData\\Local\\Programs\\vipdesk" >>"$log" 2>&1
unheld_rc=$?
kill $hold 2>/dev/null; wait $hold 2>/dev/null
/usr/lib/wine/wineserver -w
"$wine" "$setup" /S >>"$log" 2>&1
free_rc=$?
/usr/lib/wine/wineserver -w
if [ $held_rc -ne 0 ] && [ "$after_held" = "$older" ] && [ $unheld_rc -ne 0 ] \
  && [ -f "$programs/vipdesk-cli.exe" ] && [ $free_rc -eq 0 ] \
  && [ "$(md5sum <"$programs/vipdesk.exe")" = "$built" ]; then
  pass "upgrade and uninstall while vipdesk-cli.exe runs: stopped (exit $held_rc and $unheld_rc), nothing replaced or removed; once closed, the upgrade goes through"
else
  fail "upgrade while held: installer exit $held_rc (older kept: $([ "$after_held" = "$older" ] && echo yes || echo no)), uninstaller exit $unheld_rc, free upgrade exit $free_rc"
fi

# 2. The demo on a fresh default database: it is made under %APPDATA%.
if cli --create demo >"$out/demo.txt" 2>>"$log" && [ -f "$data/vipdesk.db" ]; then
  pass "demo: $(head -1 "$out/demo.txt" | tr -d '\r') → %APPDATA%\\Orelenergosbyt\\vipdesk\\data\\vipdesk.db"
else
  fail "demo (see $out/demo.txt, $log)"
fi

# 3. check.
if cli check >"$out/check.txt" 2>&1; then
  pass "check: $(tail -1 "$out/check.txt" | tr -d '\r')"
else
  fail "check: $(tr -d '\r' <"$out/check.txt" | tail -3)"
fi

# 4. A registered letter's PDF into a folder with Cyrillic letters and spaces; its text read back.
docs="$home/Documents/Письма VIP"
mkdir -p "$docs"
line=$(cli letter list --json 2>>"$log" | tr -d '\r' | grep '"number":"VIP-' | head -1)
id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
number=$(printf '%s' "$line" | sed -n 's/.*"number":"\([^"]*\)".*/\1/p')
cli letter render --id "$id" --out "C:\\users\\$user\\Documents\\Письма VIP\\письмо $number.pdf" >>"$log" 2>&1
pdf="$docs/письмо $number.pdf"
if [ -f "$pdf" ] && pdftotext -layout "$pdf" "$out/letter.txt" && grep -q "$number" "$out/letter.txt" \
  && grep -q "Орелэнергосбыт" "$out/letter.txt"; then
  cp "$pdf" "$out/letter.pdf"
  pass "letter PDF: № $number, $(stat -c %s "$pdf") bytes, text read back ($(wc -l <"$out/letter.txt") lines)"
else
  fail "letter PDF of letter $id ($number)"
fi

# 5. Printing. Wine has no program with a «print» verb for PDF files (its «open» hands the file to
#    the host's viewer): the letter is opened to print from there, and the message says so. Then
#    a program whose «print» verb copies the file (as a printing program takes it) → sent.
#    (Wine reads classes from HKEY_CLASSES_ROOT only; Windows also from HKCU\Software\Classes.)
# print_case NAME FAILS PATTERN TITLE: `letter print` exits 0 (FAILS=0) or not (FAILS=1) and
# says PATTERN.
print_case() {
  cli letter print --id "$id" >"$out/$1.txt" 2>&1
  local rc=$? msg failed_as_asked
  msg=$(tr -d '\r' <"$out/$1.txt")
  failed_as_asked=$([ $rc -ne 0 ] && echo 1 || echo 0)
  if [ "$failed_as_asked" = "$2" ] && printf '%s' "$msg" | grep -q "$3"; then
    pass "$4: exit $rc, «$msg»"
  else
    fail "$4: exit $rc, «$msg»"
  fi
}
print_case print-none 0 "не печатает PDF по команде" "print with no program that prints PDFs"
class=$("$wine" reg query 'HKCR\.pdf' /ve 2>/dev/null | tr -d '\r' | sed -n 's/.*REG_SZ *//p' | head -1)
class=${class:-vipdesk.smoke.pdf}
# With no program for PDF files at all: the error, in Russian, and a non-zero exit.
"$wine" reg delete 'HKCR\.pdf' /f >>"$log" 2>&1
print_case print-nothing 1 "нет программы для PDF" "print with nothing for PDF files"
"$wine" reg add 'HKCR\.pdf' /ve /d "$class" /f >>"$log" 2>&1
"$wine" reg add "HKCR\\$class\\shell\\print\\command" /ve \
  /d 'C:\windows\system32\cmd.exe /c copy "%1" C:\printed.pdf' /f >>"$log" 2>&1
cli letter print --id "$id" >"$out/print.txt" 2>&1
rc=$?
sleep 2
if [ $rc -eq 0 ] && [ -f "$WINEPREFIX/drive_c/printed.pdf" ] \
  && pdftotext "$WINEPREFIX/drive_c/printed.pdf" - | grep -q "$number"; then
  pass "print through the «print» verb of «$class»: «$(tr -d '\r' <"$out/print.txt")», the program got № $number"
else
  fail "print through the «print» verb: exit $rc, $(tr -d '\r' <"$out/print.txt")"
fi

# 6. Import of a Windows-1251 CSV with CRLF line ends from a path with Cyrillic letters and spaces.
desk="$home/Desktop/Импорт клиентов"
mkdir -p "$desk"
printf '%s\r\n' \
  'Краткое наименование;ИНН;Стратегический' \
  'ООО «Смоук Тест Первый»;5753012340;да' \
  'АО «Смоук Тест Второй»;5751003389;нет' \
  | iconv -f UTF-8 -t WINDOWS-1251 >"$desk/клиенты 2026.csv"
cli import clients "C:\\users\\$user\\Desktop\\Импорт клиентов\\клиенты 2026.csv" >"$out/import.txt" 2>&1
rc=$?
cli clients list >"$out/clients.txt" 2>>"$log"
if [ $rc -eq 0 ] && grep -q "Смоук Тест Второй" "$out/clients.txt"; then
  pass "import of a Windows-1251 CRLF CSV from «Импорт клиентов\\клиенты 2026.csv»: $(tr -d '\r' <"$out/import.txt" | tail -1)"
else
  fail "import: exit $rc, $(tr -d '\r' <"$out/import.txt" | tail -3)"
fi

# 7. The window under Xvfb: the renderer it chose (auto), a screenshot; then glow asked for.
disp=""
for n in $(seq 131 160); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { disp=":$n"; break; }; done
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
window() { # NAME EXPECTED ENV ARGS...: runs the window 12 s, screenshots it, says what drew it
  local name=$1 expected=$2 envs=$3; shift 3
  DISPLAY=$disp RUST_LOG=vipdesk=info env $envs \
    "$wine" "C:\\users\\$user\\AppData\\Local\\Programs\\vipdesk\\vipdesk.exe" "$@" >"$out/$name.log" 2>&1 &
  local app=$!
  sleep 12
  DISPLAY=$disp import -window root "$out/$name.png"
  kill $app 2>/dev/null; /usr/lib/wine/wineserver -k 2>/dev/null; wait $app 2>/dev/null
  local drawn fell
  drawn=$(tr -d '\r' <"$out/$name.log" | sed -n 's/.*the window is drawn by //p' | head -1)
  fell=$(tr -d '\r' <"$out/$name.log" | sed -n 's/.*WARN.*renderer\] \(.*did not start.*\); trying the next/\1/p' | paste -sd ';' -)
  if [ -n "$drawn" ] && [ -s "$out/$name.png" ] && printf '%s' "$drawn" | grep -q "$expected"; then
    pass "window ($name): drawn by «$drawn»${fell:+; before it: $fell}; screenshot $out/$name.png"
  else
    fail "window ($name): drawn by «$drawn», expected «$expected»: $(tr -d '\r' <"$out/$name.log" | grep -v '^$' | tail -3)"
  fi
}
# As started from the Start menu: wgpu on DirectX 12, then on Vulkan, then OpenGL (glow).
window window-auto "wgpu" "VIPDESK_SMOKE=1"
# wgpu finds no adapter (a backend Windows never has): the same process falls back to OpenGL.
window window-fallback "glow" "WGPU_BACKEND=metal"
# OpenGL asked for.
window window-glow "glow" "VIPDESK_SMOKE=1" --renderer glow
kill $xvfb 2>/dev/null

# 8. The uninstaller removes the program and keeps the database.
"$wine" "C:\\users\\$user\\AppData\\Local\\Programs\\vipdesk\\uninstall.exe" /S >>"$log" 2>&1
/usr/lib/wine/wineserver -w
sleep 2
if [ ! -f "$programs/vipdesk.exe" ] && [ -f "$data/vipdesk.db" ]; then
  pass "uninstall: the program removed, the database kept ($(stat -c %s "$data/vipdesk.db") bytes)"
else
  fail "uninstall: program there: $([ -f "$programs/vipdesk.exe" ] && echo yes || echo no), database there: $([ -f "$data/vipdesk.db" ] && echo yes || echo no)"
fi

if [ $failed = 0 ]; then echo "smoke test passed"; else echo "smoke test FAILED (see $out)"; fi
exit $failed
