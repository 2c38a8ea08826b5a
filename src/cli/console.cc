// The console setup (see console.h).
#include "cli/console.h"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <cstdio>
#include <cstdlib>
#endif

namespace ipz::cli {

#ifdef _WIN32

namespace {

UINT g_output_code_page = 0;  // the console's, before ours; 0: not changed

void restore_code_page() {
  if (g_output_code_page != 0) SetConsoleOutputCP(g_output_code_page);
}

// Lets the console interpret the escape sequences of --color and the progress line.
void enable_escapes(DWORD handle_id) {
  HANDLE h = GetStdHandle(handle_id);
  DWORD mode = 0;
  if (h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode))
    SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
}

}  // namespace

void set_up_console() {
  const UINT before = GetConsoleOutputCP();  // 0 when there is no console
  if (before != 0 && before != CP_UTF8 && SetConsoleOutputCP(CP_UTF8)) {
    g_output_code_page = before;
    std::atexit(restore_code_page);
  }
  enable_escapes(STD_OUTPUT_HANDLE);
  enable_escapes(STD_ERROR_HANDLE);
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
}

#else

void set_up_console() {}

#endif

}  // namespace ipz::cli
