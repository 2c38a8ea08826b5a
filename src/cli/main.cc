// ipzone: checks applications for recognition as a Beijing SME intellectual
// property agglomeration zone against the Measures of 2023-12-20. The
// command line itself is built in cli/app.cc; each sub-command lives in its
// own file under cli/.
#include <exception>
#include <iostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/console.h"

int main(int argc, char** argv) {
  ipz::cli::set_up_console();
  CLI::App app{"", "ipzone"};
  int exit_code = ipz::cli::kExitOk;
  ipz::cli::build_app(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : ipz::cli::kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << "ipzone: internal error: " << e.what() << "\n";
    return ipz::cli::kExitInvalid;
  }
  return exit_code;
}
