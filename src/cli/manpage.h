// The man page ipzone(1), written from the command line's own definitions
// (cli/command_spec.h) into a roff template (docs/ipzone.1.in) that holds
// the prose no option carries: exit status, environment, examples. The build
// runs it (tools/make_manpage.cc) every time the binary changes, so the page
// is never stale.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "cli/command_spec.h"

namespace ipz::cli {

// Text for roff: backslashes and hyphens escaped, no line starting with a
// control character.
std::string roff_escape(std::string_view text);

// The template with @VERSION@, @SYNOPSIS@, @DESCRIPTION@, @OPTIONS@ (the
// top-level options) and @COMMANDS@ (a section per sub-command) filled in.
void write_manpage(const CommandSpec& root, std::string_view tmpl, const std::string& version, std::ostream& out);

}  // namespace ipz::cli
