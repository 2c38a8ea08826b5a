# End-to-end cases of the reports for people (HTML, and later XLSX and the
# progress line): the real binary, its output parsed by a checker that
# compares it with the JSON output of the same run. Included from
# tests/CMakeLists.txt; the checkers use only Debian's /usr/bin/python3 (and
# its python3-* packages), and skip (exit 77) where that is not installed.

set(IPZ_PYTHON /usr/bin/python3)

# ipz_html(NAME name ARGS mode args...): tests/tools/check_html.py on the page and the JSON.
function(ipz_html)
  cmake_parse_arguments(H "" "NAME" "ARGS" ${ARGN})
  add_test(NAME "e2e: html: ${H_NAME}"
    COMMAND bash -c "test -x ${IPZ_PYTHON} || { echo 'skipped: ${IPZ_PYTHON} is not installed'; exit 77; }; exec ${IPZ_PYTHON} \"$@\"" _
            "${CMAKE_CURRENT_SOURCE_DIR}/tools/check_html.py" "$<TARGET_FILE:ipzone>" ${H_ARGS}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties("e2e: html: ${H_NAME}" PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 ENVIRONMENT "LC_ALL=C.UTF-8")
endfunction()

ipz_html(NAME "check, one failing dossier: cards, gauges with the shortfall, the JSON's texts (zh)"
  ARGS check examples/ineligible-high-end-share.yaml)
ipz_html(NAME "check, the examples as a batch: summary table, a section per dossier (en)"
  ARGS check --lang en examples/)
ipz_html(NAME "check, every test dossier: warnings and errors with file:line:column"
  ARGS check -r --lang en tests)
ipz_html(NAME "check --quiet: the summary only"
  ARGS check --quiet examples/)
ipz_html(NAME "score: the note, each dimension as a bar, where to gain (en)"
  ARGS score --lang en examples/)
ipz_html(NAME "rank: a row per dossier in ranking order, bars (zh)"
  ARGS rank examples/)
ipz_html(NAME "a zone name full of markup is shown as text, never run"
  ARGS hostile examples/eligible.yaml)

ipzone_e2e(NAME "html: the shortfall of a failing share is marked on its gauge" EXIT 1
  ARGS check --format html --lang en examples/ineligible-high-end-share.yaml
  EXPECT "<span class=\"short\">4 more, or 10 added</span>" "<html lang=\"en\">")
ipzone_e2e(NAME "html: the same exit code as every other format" EXIT 2
  ARGS check --format html examples/)
add_test(NAME "e2e: html: -j 1 and -j 2 give byte-identical pages"
  COMMAND bash -c "cmp <(\"$1\" check -j 1 --format html -r examples tests) <(\"$1\" check -j 2 --format html -r examples tests) && echo identical"
          _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")

# The pages in a real browser (Debian's headless Chromium): screenshots,
# printing to PDF (one A4 page per typical dossier), the DOM. Skipped, with
# a message, where chromium or poppler-utils is not installed; CI installs them.
add_test(NAME "browser: HTML reports render, print on A4 one page per dossier, and hold every rule id"
  COMMAND bash -c "test -x ${IPZ_PYTHON} || { echo 'skipped: ${IPZ_PYTHON} is not installed'; exit 77; }; exec ${IPZ_PYTHON} \"$@\"" _
          "${CMAKE_CURRENT_SOURCE_DIR}/browser/browser_test.py" "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
set_tests_properties("browser: HTML reports render, print on A4 one page per dossier, and hold every rule id"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 LABELS browser ENVIRONMENT "LC_ALL=C.UTF-8")
