# SARIF output, and the CI examples for rule maintainers (pre-commit hooks,
# GitHub Actions, GitLab CI), each run by its script in tests/e2e/.
# Included from tests/CMakeLists.txt.
add_test(NAME "e2e: sarif: check and rules lint write valid SARIF 2.1.0 with rule id, level and file:line:column"
  COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/e2e/sarif.sh" "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
set_tests_properties("e2e: sarif: check and rules lint write valid SARIF 2.1.0 with rule id, level and file:line:column"
  PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT "NO_COLOR=1;LC_ALL=C.UTF-8")
foreach(kind pre-commit github gitlab)
  set(name "e2e: ci example ${kind}: its commands pass on a harmless rule change and fail on a harmful one")
  add_test(NAME "${name}" COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/e2e/ci_examples.sh" "$<TARGET_FILE:ipzone>" ${kind}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties("${name}" PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT "NO_COLOR=1;LC_ALL=C.UTF-8")
endforeach()
