// make_manpage TEMPLATE OUTPUT: writes the man page ipzone(1) from the
// template docs/ipzone.1.in and the command line as the binary defines it
// (see src/cli/manpage.h). Run by the build whenever ipzone's sources change.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/app.h"
#include "cli/command_spec.h"
#include "cli/manpage.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_manpage TEMPLATE OUTPUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream tmpl;
  tmpl << in.rdbuf();
  if (!in) {
    std::cerr << "make_manpage: cannot read " << argv[1] << "\n";
    return 2;
  }
  CLI::App app{"", "ipzone"};
  int exit_code = 0;
  ipz::cli::build_app(app, exit_code);
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  ipz::cli::write_manpage(ipz::cli::describe_command_line(app), tmpl.str(), IPZONE_VERSION, out);
  out.close();
  if (!out) {
    std::cerr << "make_manpage: cannot write " << argv[2] << "\n";
    return 2;
  }
  return 0;
}
