# Options that mean the same in every command (README "Usage"). Included from tests/CMakeLists.txt.

# --quiet never hides a failure from a CI server: JUnit keeps every testsuite.
ipzone_e2e(NAME "options: --quiet --format junit keeps the failures, not an empty suite that passes" EXIT 1
  ARGS check --quiet --format junit --lang en examples/eligible.yaml examples/ineligible-credit.yaml
  EXPECT "<testsuite name=\"examples/ineligible-credit\\.yaml\" tests=\"16\" failures=\"1\""
         "<failure type=\"fail\" message=\"Not met: no administrative penalty in the last 3 years"
         "<testsuite name=\"examples/eligible\\.yaml\" tests=\"16\" failures=\"0\"")
ipzone_e2e(NAME "options: --quiet --format sarif keeps every finding" EXIT 1
  ARGS check --quiet --format sarif examples/ineligible-credit.yaml
  EXPECT "\"ruleId\": \"art6\\.4\\.credit\", \"ruleIndex\": [0-9]+, \"kind\": \"fail\", \"level\": \"error\"")
