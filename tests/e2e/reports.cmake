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
ipz_html(NAME "check --detail: how each roster row was classified"
  ARGS check --detail --lang en tests/rosters/csv-size-figures.yaml examples/eligible.yaml)
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

# --- XLSX: the workbook opened with python3-openpyxl, its cells against the JSON ---------------

function(ipz_xlsx)
  cmake_parse_arguments(X "" "NAME" "ARGS" ${ARGN})
  add_test(NAME "e2e: xlsx: ${X_NAME}"
    COMMAND bash -c "test -x ${IPZ_PYTHON} || { echo 'skipped: ${IPZ_PYTHON} is not installed'; exit 77; }; exec ${IPZ_PYTHON} \"$@\"" _
            "${CMAKE_CURRENT_SOURCE_DIR}/tools/check_xlsx.py" "$<TARGET_FILE:ipzone>" ${X_ARGS}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties("e2e: xlsx: ${X_NAME}" PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS xlsx ENVIRONMENT "LC_ALL=C.UTF-8")
endfunction()

ipz_xlsx(NAME "check, the examples: Summary, Details, Warnings typed like the JSON (zh)" ARGS check examples/)
ipz_xlsx(NAME "check, every test dossier, in English" ARGS check -r --lang en tests)
ipz_xlsx(NAME "score: totals, dimensions, indicators as numbers" ARGS score --lang en examples/)
ipz_xlsx(NAME "rank: the ranking in order, points as numbers" ARGS rank examples/)
ipz_xlsx(NAME "a control character or a bidi override in a zone name never breaks the workbook"
  ARGS hostile examples/eligible.yaml)

# ipz_terminal(NAME name EXIT code [STDOUT file] ARGS ... EXPECT ... REJECT ...): ipzone on a
# pseudo-terminal (tests/tools/on_terminal.py): stdin, stdout and stderr a terminal, or with
# STDOUT only stderr.
function(ipz_terminal)
  cmake_parse_arguments(T "" "NAME;EXIT;STDOUT" "ARGS;EXPECT;REJECT" ${ARGN})
  set(redirect "")
  if(T_STDOUT)
    set(redirect --stdout "${T_STDOUT}")
  endif()
  set(cmd bash "${CMAKE_CURRENT_SOURCE_DIR}/e2e/expect.sh" "${IPZ_PYTHON}" "${T_EXIT}" /dev/null)
  foreach(re IN LISTS T_EXPECT)
    list(APPEND cmd "+${re}")
  endforeach()
  foreach(re IN LISTS T_REJECT)
    list(APPEND cmd "-${re}")
  endforeach()
  list(APPEND cmd -- "${CMAKE_CURRENT_SOURCE_DIR}/tools/on_terminal.py" ${redirect} -- "$<TARGET_FILE:ipzone>" ${T_ARGS})
  add_test(NAME "e2e: terminal: ${T_NAME}" COMMAND ${cmd} WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties("e2e: terminal: ${T_NAME}" PROPERTIES TIMEOUT 120 ENVIRONMENT "NO_COLOR=1;LC_ALL=C.UTF-8")
endfunction()

ipz_terminal(NAME "xlsx is never written to a terminal: it says to use -o" EXIT 2
  ARGS check --lang en --format xlsx examples/eligible.yaml
  EXPECT "binary file and is not written to a terminal: write it to a file with -o")
ipz_terminal(NAME "score --format xlsx on a terminal is refused too" EXIT 2
  ARGS score --format xlsx examples/eligible.yaml
  EXPECT "-o")
add_test(NAME "e2e: xlsx: to a pipe it is written (a zip archive)"
  COMMAND bash -c "\"$1\" check --format xlsx examples/eligible.yaml | head -c 2 | grep -q PK && echo zip" _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")

# --- -o FILE: atomic for every format; the suffix gives the format ---------------------------

foreach(suffix html xlsx)
  add_test(NAME "e2e: -o report.${suffix}: written atomically, no temporary file left, an old file kept on failure"
    COMMAND bash -c "set -e; d=$(mktemp -d); export TMPDIR=$(mktemp -d); \"$1\" check -o \"$d/r.$2\" examples/eligible.yaml; test -s \"$d/r.$2\"; test $(ls -A \"$d\" | wc -l) = 1; echo old > \"$d/r.$2\"; if \"$1\" check --rules \"$d\" -o \"$d/r.$2\" examples/eligible.yaml; then exit 1; fi; test \"$(cat \"$d/r.$2\")\" = old; test $(ls -A \"$d\" | wc -l) = 1; test -z \"$(ls -A $TMPDIR)\" || { echo 'a temporary file was left in TMPDIR'; exit 1; }; rm -r \"$d\" $TMPDIR; echo ok"
            _ "$<TARGET_FILE:ipzone>" ${suffix}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
endforeach()
foreach(pair "json:\"verdict\": \"eligible\"" "ndjson:^[{]\"file\": " "csv:^file,name,as_of,verdict," "xml:<testsuites name=\"ipzone check\">"
             "md:^\\| dossier \\| zone \\|" "html:<!DOCTYPE html>")
  string(FIND "${pair}" ":" colon)
  string(SUBSTRING "${pair}" 0 ${colon} suffix)
  math(EXPR from "${colon} + 1")
  string(SUBSTRING "${pair}" ${from} -1 re)
  add_test(NAME "e2e: -o report.${suffix} without --format writes that format"
    COMMAND bash -c "d=$(mktemp -d); \"$1\" check --lang en -o \"$d/report.$2\" examples/eligible.yaml; grep -Eq -- \"$3\" \"$d/report.$2\"; r=$?; rm -r \"$d\"; exit $r"
            _ "$<TARGET_FILE:ipzone>" ${suffix} "${re}"
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
endforeach()
ipzone_e2e(NAME "-o: a --format that the suffix contradicts is a usage error" EXIT 2
  ARGS check --lang en --format json -o /tmp/ipzone-never-written.csv examples/eligible.yaml
  EXPECT "--format json does not match the suffix of /tmp/ipzone-never-written\\.csv: leave --format out, or name the file with \\.json")
ipzone_e2e(NAME "-o: the same --format as the suffix is fine, and an unknown suffix is text" EXIT 0
  ARGS check --format csv -o /dev/null examples/eligible.yaml)
# A FIFO (or a device such as /dev/null) named by -o is written into, never
# replaced by a file renamed over it (which turned /dev/null into a plain file).
add_test(NAME "e2e: -o: a FIFO is written into and stays a FIFO"
  COMMAND bash -c "d=$(mktemp -d); mkfifo \"$d/p\"; timeout 20 cat \"$d/p\" >\"$d/got\" & \"$1\" check --format json -o \"$d/p\" examples/eligible.yaml; rc=$?; wait; test $rc = 0 && test -p \"$d/p\" && grep -q '\"verdict\": \"eligible\"' \"$d/got\"; r=$?; rm -r \"$d\"; exit $r"
          _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
set_tests_properties("e2e: -o: a FIFO is written into and stays a FIFO" PROPERTIES TIMEOUT 60)
ipzone_e2e(NAME "-o: a suffix naming a format the command lacks is a usage error" EXIT 2
  ARGS score --lang en -o /tmp/ipzone-never-written.ndjson examples/eligible.yaml
  EXPECT "names the format ndjson, which this command does not write")
add_test(NAME "e2e: xlsx: a workbook that cannot be made is an error (exit 2), and -o FILE is left as it was"
  COMMAND bash -c "d=$(mktemp -d); echo old > \"$d/r.xlsx\"; TMPDIR=/nonexistent-folder \"$1\" check --lang en -o \"$d/r.xlsx\" examples/eligible.yaml 2>\"$d/err\"; rc=$?; cat \"$d/err\"; test $rc = 2 && grep -q 'cannot write the XLSX workbook' \"$d/err\" && test \"$(cat \"$d/r.xlsx\")\" = old && test $(ls -A \"$d\" | wc -l) = 2; r=$?; rm -r \"$d\"; exit $r"
          _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")

# --- progress on a terminal ---------------------------------------------------------------------

# A corpus that takes more than a second at -j 1 (tests/bench/gen_dossiers.py, deterministic).
set(IPZ_PROGRESS_CORPUS "${CMAKE_BINARY_DIR}/progress-corpus")
add_test(NAME "e2e: progress: a corpus of 200 dossiers of 300 rows"
  COMMAND ${IPZ_PYTHON} "${CMAKE_CURRENT_SOURCE_DIR}/bench/gen_dossiers.py" --out "${IPZ_PROGRESS_CORPUS}" --count 200
          --enterprises 300 --jobs 2)
set_tests_properties("e2e: progress: a corpus of 200 dossiers of 300 rows" PROPERTIES FIXTURES_SETUP progress_corpus TIMEOUT 300)
add_test(NAME "e2e: progress: on a terminal only, never in a pipe, a file or with --quiet; the report unchanged"
  COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/e2e/progress.sh" "$<TARGET_FILE:ipzone>" "${IPZ_PROGRESS_CORPUS}"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
set_tests_properties("e2e: progress: on a terminal only, never in a pipe, a file or with --quiet; the report unchanged"
  PROPERTIES FIXTURES_REQUIRED progress_corpus TIMEOUT 900 ENVIRONMENT "NO_COLOR=1;LC_ALL=C.UTF-8")

# --- Rosters kept in .xlsx workbooks (issue 10): written at test time by openpyxl and by hand ----
foreach(group same quirks errors hostile)
  add_test(NAME "e2e: xlsx: roster workbooks, ${group} (tests/rosters/xlsx_rosters.py)"
    COMMAND bash -c "test -x ${IPZ_PYTHON} || { echo 'skipped: ${IPZ_PYTHON} is not installed'; exit 77; }; exec ${IPZ_PYTHON} \"$@\"" _
            "${CMAKE_CURRENT_SOURCE_DIR}/rosters/xlsx_rosters.py" "$<TARGET_FILE:ipzone>" ${group}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties("e2e: xlsx: roster workbooks, ${group} (tests/rosters/xlsx_rosters.py)" PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS xlsx ENVIRONMENT "LC_ALL=C.UTF-8")
endforeach()
