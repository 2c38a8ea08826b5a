// The process's console and standard streams, set up once at the start of
// main. On Windows: UTF-8 output in cmd.exe and PowerShell (the console's code
// page, restored at exit), ANSI colours and the progress line's escapes
// understood by the console, and stdin/stdout in binary mode, so that a report
// redirected to a file has the same bytes as on Linux and an XLSX workbook on
// stdout is not corrupted. Elsewhere it does nothing. File names reach the C
// runtime as UTF-8 through the application manifest (src/cli/windows/).
#pragma once

namespace ipz::cli {

void set_up_console();

}  // namespace ipz::cli
