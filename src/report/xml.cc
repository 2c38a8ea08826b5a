// XML escaping for the JUnit outputs (see formats.h), by the one sanitiser.
#include "report/formats.h"
#include "report/sanitize.h"

namespace ipz {

std::string xml_escape(std::string_view s) { return sanitize(s, Sink::xml); }

}  // namespace ipz
