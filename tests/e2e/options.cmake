# Options that mean the same in every command (README "Usage"). Included from tests/CMakeLists.txt.

# --quiet never hides a failure from a CI server: JUnit keeps every testsuite.
ipzone_e2e(NAME "options: --quiet --format junit keeps the failures, not an empty suite that passes" EXIT 1
  ARGS check --quiet --format junit --lang en examples/eligible.yaml examples/ineligible-credit.yaml
  EXPECT "<testsuite name=\"examples/ineligible-credit\\.yaml\" tests=\"17\" failures=\"1\""
         "<failure type=\"fail\" message=\"Not met: administrative penalties in the 3 years to 2024-03-31: 2023-01-31"
         "<testsuite name=\"examples/eligible\\.yaml\" tests=\"17\" failures=\"0\"")
ipzone_e2e(NAME "options: --quiet --format sarif keeps every finding" EXIT 1
  ARGS check --quiet --format sarif examples/ineligible-credit.yaml
  EXPECT "\"ruleId\": \"art6\\.4\\.credit\", \"ruleIndex\": [0-9]+, \"kind\": \"fail\", \"level\": \"error\"")

# --- the input options: files, folders, -, -r, --files-from, the same for check, score, rank, rules diff ---

foreach(command check score rank)
  ipzone_e2e(NAME "options: ${command} -r finds the dossiers in subfolders" EXIT 2
    ARGS ${command} -r --format csv --lang en tests
    EXPECT "tests/dossiers/count-70\\.yaml," "tests/rosters/csv-ok\\.yaml,")
  ipzone_e2e(NAME "options: ${command} without -r takes a folder's own files only" EXIT 2
    ARGS ${command} --format json --lang en tests
    EXPECT "\"file\": \"tests\""
    REJECT "tests/dossiers/")
  ipzone_e2e(NAME "options: ${command} --files-from FILE reads paths, one a line" EXIT 1
    ARGS ${command} --format csv --files-from tests/e2e/paths.txt
    EXPECT "examples/eligible\\.yaml," "examples/ineligible-credit\\.yaml,")
  ipzone_e2e(NAME "options: ${command} --files-from - reads paths from standard input" EXIT 1
    ARGS ${command} --format csv --files-from - STDIN tests/e2e/paths.txt
    EXPECT "examples/eligible\\.yaml," "examples/ineligible-credit\\.yaml,")
  ipzone_e2e(NAME "options: ${command} - reads a dossier from standard input" EXIT 0
    ARGS ${command} --format csv - STDIN examples/eligible.yaml
    EXPECT "^(1,)?-,")
  ipzone_e2e(NAME "options: ${command} with standard input named twice is a usage error" EXIT 2
    ARGS ${command} --lang en --files-from - - STDIN tests/e2e/paths.txt
    EXPECT "^ipzone ${command}: standard input \\(-\\) can be read only once")
  ipzone_e2e(NAME "options: ${command} without any dossier is a usage error (zh)" EXIT 2
    ARGS ${command}
    EXPECT "^ipzone ${command}: 没有给出档案")
endforeach()
ipzone_e2e(NAME "options: rules diff -r and --files-from, as check" EXIT 0
  ARGS rules diff --lang en rules/recognition rules/recognition -r tests --files-from tests/e2e/paths.txt
  EXPECT "^0 of [0-9]{2,} dossiers change verdict")
ipzone_e2e(NAME "options: rules diff --files-from - reads paths from standard input" EXIT 0
  ARGS rules diff --lang en --format json rules/recognition rules/recognition --files-from - STDIN tests/e2e/paths.txt
  EXPECT "\"dossiers\": 2,")
ipzone_e2e(NAME "options: rules diff with standard input named twice is a usage error" EXIT 2
  ARGS rules diff --lang en rules/recognition rules/recognition --files-from - -
  EXPECT "^ipzone rules diff: standard input \\(-\\) can be read only once")
add_test(NAME "e2e: options: rules diff gives the same report with any -j"
  COMMAND bash -c "set -e; a=$(\"$1\" rules diff --format json -j 1 -r rules/recognition \"$2\" examples tests || test $? = 1); b=$(\"$1\" rules diff --format json -j 2 -r rules/recognition \"$2\" examples tests || test $? = 1); test \"$a\" = \"$b\"; grep -q '\"dossiers\": [0-9][0-9]' <<<\"$a\" && echo same"
          _ "$<TARGET_FILE:ipzone>" "${CMAKE_SOURCE_DIR}/rules/recognition"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")

# --- the output options: -o FILE and --format, for every command that writes a report ---

set(IPZONE_REPORTING_COMMANDS
  "check --format json examples/eligible.yaml examples/ineligible-credit.yaml"
  "score --format csv examples/eligible.yaml"
  "rank --format markdown examples/eligible.yaml examples/csv-roster.yaml"
  "explain --format json art5.2.sme-share"
  "explain art6.4.credit"
  "rules list --format json"
  "rules lint rules/recognition"
  "rules lint --format sarif rules/recognition"
  "rules test --format junit rules/recognition"
  "rules diff --format markdown rules/recognition rules/recognition examples"
  "rules doc rules/recognition")
foreach(args IN LISTS IPZONE_REPORTING_COMMANDS)
  separate_arguments(argv UNIX_COMMAND "${args}")
  add_test(NAME "e2e: options: -o FILE of ${args}"
    COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/e2e/output_option.sh" "$<TARGET_FILE:ipzone>" ${argv}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
endforeach()
# Safe writes (issue 14, point 5): inputs refused, links followed, FIFOs and devices written into, modes
# kept, no temporary file after SIGINT/SIGTERM/SIGHUP, write errors with the file and the reason.
add_test(NAME "e2e: options: -o refuses an input, follows links, keeps modes, cleans up on signals; write errors say why (tests/e2e/safe_writes.py)"
  COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/e2e/safe_writes.py" "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
add_test(NAME "e2e: options: explain --format json is one JSON object with the rule, its condition and parameters"
  COMMAND bash -c "\"$1\" explain --format json --as-of 2024-06-30 art5.2.count | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"id\"]==\"art5.2.count\", d; assert d[\"as_of\"]==\"2024-06-30\"; p=d[\"parameters\"][0]; assert p[\"in_force\"][\"value\"]==70, p; assert d[\"check\"], d; assert d[\"facts\"][0][\"name\"], d; print(\"json ok\")'"
          _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
add_test(NAME "e2e: options: rules list --format json lists every rule of rules list"
  COMMAND bash -c "n=$(\"$1\" rules list | tail -n +2 | wc -l); \"$1\" rules list --format json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d[\"rules\"])==int(sys.argv[1]), (len(d[\"rules\"]), sys.argv[1]); assert d[\"rules\"][0][\"id\"]==\"art4.applicant\"; print(\"json ok\", sys.argv[1])' \"$n\""
          _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
ipzone_e2e(NAME "options: -q is documented for every format in check --help" EXIT 0
  ARGS check --help
  EXPECT "-q,--quiet.*text, markdown, html.*json, ndjson.*csv.*junit, sarif and xlsx are never shortened")
foreach(cmd score rank)
  ipzone_e2e(NAME "options: ${cmd} -q is documented: no progress line, the report whole" EXIT 0
    ARGS ${cmd} --help
    EXPECT "-q,--quiet.*No progress line.*never shortened")
  # -q leaves the report as it is (the progress test checks the terminal).
  add_test(NAME "e2e: options: ${cmd} -q writes the same report as without it"
    COMMAND bash -c "cmp <(\"$1\" $2 --format json examples) <(\"$1\" $2 -q --format json examples) && echo same"
            _ "$<TARGET_FILE:ipzone>" ${cmd}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
endforeach()

# --- the rule folder: DIR or --rules DIR, the same for every rules sub-command ---

foreach(sub list lint test doc)
  add_test(NAME "e2e: options: rules ${sub} --rules DIR is the same as rules ${sub} DIR"
    COMMAND bash -c "set -e; cmp <(\"$1\" rules $2 --lang en rules/recognition) <(\"$1\" rules $2 --lang en --rules rules/recognition) && echo same"
            _ "$<TARGET_FILE:ipzone>" ${sub}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  ipzone_e2e(NAME "options: rules ${sub} with two different rule folders is a usage error" EXIT 2
    ARGS rules ${sub} --lang en --rules rules rules/recognition
    EXPECT "^ipzone rules ${sub}: the rule folder is given twice, differently: rules/recognition and --rules rules; give one")
endforeach()
add_test(NAME "e2e: options: rules list --rules DIR reads the folder, not the built-in set"
  COMMAND bash -c "set -e; d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; cp -r rules/recognition \"$d/r\"; sed -i 's/^version: .*/version: 2099-01-01/' \"$d/r/ruleset.yaml\"; \"$1\" rules list \"$d/r\" | grep -q '^recognition 2099-01-01 ' && \"$1\" rules list --rules \"$d/r\" | grep -q '^recognition 2099-01-01 ' && echo read"
          _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")

# --- contradictory or meaningless combinations: usage errors, exit 2, in the report's language ---

ipzone_e2e(NAME "options: check --strict with --fail-on is a usage error (zh)" EXIT 2
  ARGS check --strict --fail-on ineligible examples/eligible.yaml
  EXPECT "^ipzone check: --strict 与 --fail-on 不能同时使用"
  REJECT "结论")
ipzone_e2e(NAME "options: check --strict with --fail-on is a usage error (en)" EXIT 2
  ARGS check --lang en --fail-on needs-review --strict examples/eligible.yaml
  EXPECT "^ipzone check: --strict and --fail-on cannot be used together")
foreach(flag --excel --csv-detail)
  ipzone_e2e(NAME "options: check ${flag} without --format csv is a usage error" EXIT 2
    ARGS check --lang en --format json ${flag} examples/eligible.yaml
    EXPECT "^ipzone check: ${flag} applies only to --format csv, and the format is json"
    REJECT "verdict")
endforeach()
ipzone_e2e(NAME "options: check --excel --format csv is accepted" EXIT 0
  ARGS check --excel --format csv examples/eligible.yaml
  EXPECT "eligible")
foreach(command score rank)
  ipzone_e2e(NAME "options: ${command} --excel without --format csv is a usage error (zh)" EXIT 2
    ARGS ${command} --excel examples/eligible.yaml
    EXPECT "^ipzone ${command}: --excel 只用于 --format csv，而当前格式是 text")
  ipzone_e2e(NAME "options: ${command} --strict with --fail-on is a usage error" EXIT 2
    ARGS ${command} --lang en --strict --fail-on incomplete examples/eligible.yaml
    EXPECT "^ipzone ${command}: --strict and --fail-on cannot be used together")
endforeach()

# --- score and rank exit as check does: by the worst verdict, with --fail-on and --strict ---

foreach(command score rank)
  ipzone_e2e(NAME "options: ${command} exits 0 when every dossier is eligible" EXIT 0
    ARGS ${command} --format csv examples/eligible.yaml examples/csv-roster.yaml)
  ipzone_e2e(NAME "options: ${command} exits 1 with an ineligible dossier, as check" EXIT 1
    ARGS ${command} --format csv examples/eligible.yaml examples/ineligible-credit.yaml
    EXPECT "examples/ineligible-credit\\.yaml,")
  ipzone_e2e(NAME "options: ${command} exits 1 with an incomplete dossier, 0 with --fail-on ineligible" EXIT 0
    ARGS ${command} --format csv --fail-on ineligible examples/incomplete.yaml)
  ipzone_e2e(NAME "options: ${command} --strict exits 1 on needs-review" EXIT 1
    ARGS ${command} --format csv --strict examples/needs-review-relaxation.yaml)
  ipzone_e2e(NAME "options: ${command} exits 0 on needs-review without --strict" EXIT 0
    ARGS ${command} --format csv examples/needs-review-relaxation.yaml)
  ipzone_e2e(NAME "options: ${command} exits 2 with an invalid dossier" EXIT 2
    ARGS ${command} --format csv examples/eligible.yaml examples/invalid.yaml)
endforeach()
add_test(NAME "e2e: options: the suffix of -o gives the format of every report writer (explain .json, rules lint .sarif)"
  COMMAND bash -c "set -e; d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; \"$1\" explain -o \"$d/r.json\" art5.2.count; /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' \"$d/r.json\"; \"$1\" rules lint -o \"$d/l.sarif\" rules/recognition; grep -q '\"version\": \"2.1.0\"' \"$d/l.sarif\"; ! \"$1\" rules list -o \"$d/l.csv\" 2>/dev/null; test ! -e \"$d/l.csv\"; echo suffix"
          _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
