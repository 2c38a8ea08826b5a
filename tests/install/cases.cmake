# Distribution: what `cmake --install` puts where, the man page, the shell
# completions and the Debian package (tests/install/*.sh; each says what it checks).
# Included from tests/CMakeLists.txt.
file(STRINGS "${CMAKE_SOURCE_DIR}/rules/recognition/ruleset.yaml" ipz_rules_version REGEX "^version:")
string(REGEX REPLACE "^version: *\"?([^\"]*)\"?.*$" "\\1" ipz_rules_version "${ipz_rules_version}")

add_test(NAME "install: cmake --install into a temporary prefix; man -l and the installed binary"
  COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/install/install.sh" "${CMAKE_BINARY_DIR}" "${PROJECT_VERSION}"
          "${ipz_rules_version}" "$<TARGET_FILE:ipzone_make_manpage>")
add_test(NAME "install: cpack makes ipzone_${PROJECT_VERSION}_amd64.deb with its dependencies and files"
  COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/install/package.sh" "${CMAKE_BINARY_DIR}" "${PROJECT_VERSION}")
set_tests_properties("install: cpack makes ipzone_${PROJECT_VERSION}_amd64.deb with its dependencies and files"
  PROPERTIES SKIP_RETURN_CODE 77)
foreach(shell bash zsh fish)
  set(name "install: ipzone completion ${shell} offers every command, option and choice of --help")
  add_test(NAME "${name}" COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/install/completion.sh" "$<TARGET_FILE:ipzone>" ${shell})
  set_tests_properties("${name}" PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

ipzone_e2e(NAME "--version: the version of project() and the built-in rule set's name and version" EXIT 0
  ARGS --version
  EXPECT "^ipzone ${PROJECT_VERSION}$" "^built-in rule set: recognition ${ipz_rules_version}$")
