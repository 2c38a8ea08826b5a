# End-to-end cases: the real binary on the dossiers in examples/ and tests/dossiers/.
# Included from tests/CMakeLists.txt, which defines ipzone_e2e() (working directory:
# the repository root; NO_COLOR=1, LC_ALL=C.UTF-8).
#
# These cases check rule ids, outcomes, verdicts, exit codes and the shape of
# file:line:column locations only, never the wording of messages (that is for the
# language checks). The JSON shape they rely on is the contract: each result object
# on one line, keys in the order id, clause, outcome, ...; ": " and ", " separators;
# errors and warnings as {"file": ..., "line": N, "column": N, "message": ...}, one a line.
#
# The fixtures are written by tests/tools/make_fixtures.py and the examples by
# tests/tools/make_examples.py; line numbers pinned below come from those files.
#
# NB: in a CMake quoted argument "\x" for a non-alphanumeric x is just x, so a
# regex backslash is written "\\". A list element must not hold ";" or an
# unbalanced "[" (CMake list splitting); "[{]" stands for a literal brace.

set(IPZ_RULE_IDS
  art4.applicant art5.1.carrier art5.2.count art5.2.sme-share art5.2.high-end-share
  art5.3.patents art5.4.services art6.legal-person art6.1.operation art6.2.services
  art6.3.effect art6.4.credit art7.documents art8.fraud-ban art11.4.termination-ban
  art13.funds-ban art14.changes)

# ipz_rule_re(OUT id outcome-regex): a regex for one result object of the JSON report.
function(ipz_rule_re out id outcome)
  string(REPLACE "." "\\." id_re "${id}")
  set(${out} "\"id\": \"${id_re}\", \"clause\": \"[^\"]*\", \"outcome\": \"${outcome}\"" PARENT_SCOPE)
endfunction()

# ipz_check(NAME name FILE path EXIT code VERDICT verdict-regex
#           [RULES id=outcome-regex...] [ARGS extra-args...] [EXPECT re...] [REJECT re...])
# Runs `ipzone check --format json ARGS FILE`. Every rule in RULES must have the given
# outcome; every other rule must PASS (so a fixture that changes one thing moves one
# rule only).
function(ipz_check)
  cmake_parse_arguments(C "" "NAME;FILE;EXIT;VERDICT" "RULES;ARGS;EXPECT;REJECT" ${ARGN})
  set(expect "\"verdict\": \"${C_VERDICT}\"" ${C_EXPECT})
  set(reject ${C_REJECT})
  set(listed "")
  foreach(pair IN LISTS C_RULES)
    string(FIND "${pair}" "=" eq)
    string(SUBSTRING "${pair}" 0 ${eq} id)
    math(EXPR from "${eq} + 1")
    string(SUBSTRING "${pair}" ${from} -1 outcome)
    ipz_rule_re(re "${id}" "${outcome}")
    list(APPEND expect "${re}")
    list(APPEND listed "${id}")
  endforeach()
  foreach(id IN LISTS IPZ_RULE_IDS)
    if(NOT id IN_LIST listed)
      ipz_rule_re(re "${id}" "(fail|missing|review)")
      list(APPEND reject "${re}")
    endif()
  endforeach()
  ipzone_e2e(NAME "${C_NAME}" EXIT ${C_EXIT}
    ARGS check --format json ${C_ARGS} ${C_FILE}
    EXPECT ${expect}
    REJECT ${reject})
endfunction()

# ipz_invalid(NAME name FILE path [LINE n] [COLUMN n] [EXPECT re...]): a dossier that
# cannot be loaded: exit 2, verdict invalid, an error located by file:line:column
# (LINE/COLUMN pin the location when given).
function(ipz_invalid)
  cmake_parse_arguments(I "" "NAME;FILE;LINE;COLUMN" "EXPECT" ${ARGN})
  set(line "[0-9]+")
  set(column "[0-9]+")
  if(DEFINED I_LINE)
    set(line "${I_LINE}")
  endif()
  if(DEFINED I_COLUMN)
    set(column "${I_COLUMN}")
  endif()
  string(REPLACE "." "\\." file_re "${I_FILE}")
  ipzone_e2e(NAME "${I_NAME}" EXIT 2
    ARGS check --format json ${I_FILE}
    EXPECT "\"verdict\": \"invalid\""
           "\"file\": \"${file_re}\", \"line\": ${line}, \"column\": ${column}"
           ${I_EXPECT}
    REJECT "\"verdict\": \"(eligible|needs-review|incomplete|ineligible)\"")
endfunction()

# A non-empty warnings list opens a line of its own; each warning is one line.
set(IPZ_ANY_WARNING "\"warnings\": .$")

# --- examples/ ----------------------------------------------------------------------

set(eligible_all_pass "")
foreach(id IN LISTS IPZ_RULE_IDS)
  list(APPEND eligible_all_pass "${id}=pass")
endforeach()
ipz_check(NAME "examples: eligible dossier passes every rule" FILE examples/eligible.yaml
  EXIT 0 VERDICT eligible RULES ${eligible_all_pass}
  EXPECT "\"tool\": \"ipzone\""
         "\"rule_set\": [{]\"name\": \"recognition\", \"version\": \"2023-12-20\"[}]"
         "\"as_of\": \"2024-03-31\""
         "\"file\": \"examples/eligible\\.yaml\""
         "\"name\": \"中关村海淀北部智汇科技园\""
         "\"summary\": [{]\"eligible\": 1, \"needs-review\": 0, \"incomplete\": 0, \"ineligible\": 0, \"invalid\": 0[}]"
  REJECT "\"warnings\": .$")

ipzone_e2e(NAME "examples: eligible dossier, text report" EXIT 0
  ARGS check examples/eligible.yaml)
ipzone_e2e(NAME "examples: eligible dossier, English text report" EXIT 0
  ARGS check --lang en examples/eligible.yaml)

ipz_check(NAME "examples: art5.2 high-end share 47 of 85 fails" FILE examples/ineligible-high-end-share.yaml
  EXIT 1 VERDICT ineligible RULES art5.2.high-end-share=fail)

ipz_check(NAME "examples: art6.4 administrative penalty 14 months before as_of fails" FILE examples/ineligible-credit.yaml
  EXIT 1 VERDICT ineligible RULES art6.4.credit=fail)

ipz_check(NAME "examples: art5.2 count 68 distinct of 72 rows with all three grounds is review"
  FILE examples/needs-review-relaxation.yaml
  EXIT 0 VERDICT needs-review RULES art5.2.count=review
  # the four repeated rows are warned about where they are
  EXPECT "${IPZ_ANY_WARNING}" "\"line\": 112, " "\"line\": 124, " "\"line\": 133, " "\"line\": 142, ")

ipz_check(NAME "examples: needs-review with --strict exits 1" FILE examples/needs-review-relaxation.yaml
  ARGS --strict EXIT 1 VERDICT needs-review RULES art5.2.count=review)

ipz_check(NAME "examples: art6.4 without operator.credit is missing" FILE examples/incomplete.yaml
  EXIT 1 VERDICT incomplete RULES art6.4.credit=missing)

ipzone_e2e(NAME "examples: invalid dossier reports all four errors with line:column" EXIT 2
  ARGS check --format json examples/invalid.yaml
  EXPECT "\"verdict\": \"invalid\""
         "\"file\": \"examples/invalid\\.yaml\", \"line\": 29, \"column\": [0-9]+"
         "\"file\": \"examples/invalid\\.yaml\", \"line\": 67, \"column\": [0-9]+"
         "\"file\": \"examples/invalid\\.yaml\", \"line\": 82, \"column\": [0-9]+"
         "\"file\": \"examples/invalid\\.yaml\", \"line\": 103, \"column\": [0-9]+"
  REJECT "\"verdict\": \"(eligible|needs-review|incomplete|ineligible)\"")

ipzone_e2e(NAME "examples: invalid dossier, text report names file:line:column of each error" EXIT 2
  ARGS check examples/invalid.yaml
  EXPECT "invalid\\.yaml:29:[0-9]+" "invalid\\.yaml:67:[0-9]+" "invalid\\.yaml:82:[0-9]+"
         "invalid\\.yaml:103:[0-9]+" "high_end_industry")

# --- batches, stdin, --strict, --as-of, usage ------------------------------------------

ipzone_e2e(NAME "batch: examples/ folder, one invalid file makes exit 2 and stops nothing" EXIT 2
  ARGS check --format json examples/
  EXPECT "\"summary\": [{]\"eligible\": 2, \"needs-review\": 1, \"incomplete\": 1, \"ineligible\": 2, \"invalid\": 1[}]"
         "\"file\": \"examples/eligible\\.yaml\"" "\"file\": \"examples/invalid\\.yaml\"")

ipzone_e2e(NAME "batch: examples/ folder, text report" EXIT 2
  ARGS check examples/)

ipzone_e2e(NAME "batch: eligible plus ineligible exits 1" EXIT 1
  ARGS check --format json examples/eligible.yaml examples/ineligible-credit.yaml
  EXPECT "\"verdict\": \"eligible\"" "\"verdict\": \"ineligible\""
         "\"summary\": [{]\"eligible\": 1, \"needs-review\": 0, \"incomplete\": 0, \"ineligible\": 1, \"invalid\": 0[}]")

ipzone_e2e(NAME "batch: eligible plus needs-review exits 0" EXIT 0
  ARGS check --format json examples/eligible.yaml examples/needs-review-relaxation.yaml
  EXPECT "\"verdict\": \"eligible\"" "\"verdict\": \"needs-review\"")

ipzone_e2e(NAME "batch: tests/dossiers/ folder, bad files do not stop the batch" EXIT 2
  ARGS check --format json tests/dossiers/
  EXPECT "\"verdict\": \"eligible\"" "\"verdict\": \"needs-review\"" "\"verdict\": \"incomplete\""
         "\"verdict\": \"ineligible\"" "\"verdict\": \"invalid\""
         "\"file\": \"tests/dossiers/bad-deep-nesting\\.yaml\""
         "\"file\": \"tests/dossiers/bad-gbk\\.yaml\""
         "\"file\": \"tests/dossiers/sme-80-exact\\.yaml\"")

ipzone_e2e(NAME "stdin: eligible dossier from -" EXIT 0 STDIN examples/eligible.yaml
  ARGS check --format json -
  EXPECT "\"verdict\": \"eligible\"")

ipzone_e2e(NAME "stdin: invalid dossier from - exits 2 with line:column" EXIT 2 STDIN tests/dossiers/bad-date.yaml
  ARGS check --format json -
  EXPECT "\"verdict\": \"invalid\"" "\"line\": 5, \"column\": 8")

ipz_check(NAME "--strict: art5.2 count 69 relaxed exits 1" FILE tests/dossiers/count-69-relaxed.yaml
  ARGS --strict EXIT 1 VERDICT needs-review RULES art5.2.count=review)

ipz_check(NAME "--as-of overrides the dossier: art6.1 and art6.2 one day short on 2024-03-30"
  FILE tests/dossiers/operating-3y-to-the-day.yaml ARGS --as-of 2024-03-30
  EXIT 1 VERDICT ineligible RULES art6.1.operation=fail art6.2.services=fail
  EXPECT "\"as_of\": \"2024-03-30\""
  REJECT "\"as_of\": \"2024-03-31\"")

ipzone_e2e(NAME "usage: --as-of with a date that does not exist exits 2" EXIT 2
  ARGS check --as-of 2024-02-30 examples/eligible.yaml)
ipzone_e2e(NAME "usage: unknown --format exits 2" EXIT 2
  ARGS check --format xml examples/eligible.yaml)
ipzone_e2e(NAME "usage: unknown --lang exits 2" EXIT 2
  ARGS check --lang fr examples/eligible.yaml)
ipzone_e2e(NAME "usage: check with no path exits 2" EXIT 2
  ARGS check)
ipzone_e2e(NAME "usage: unknown subcommand exits 2" EXIT 2
  ARGS frobnicate examples/eligible.yaml)
ipzone_e2e(NAME "usage: a file that does not exist exits 2" EXIT 2
  ARGS check tests/dossiers/no-such-dossier.yaml)

# --- tests/dossiers/: art5.2 count --------------------------------------------------------

ipz_check(NAME "art5.2 count 70 distinct passes" FILE tests/dossiers/count-70.yaml
  EXIT 0 VERDICT eligible RULES art5.2.count=pass)
ipz_check(NAME "art5.2 count 69 without grounds fails" FILE tests/dossiers/count-69.yaml
  EXIT 1 VERDICT ineligible RULES art5.2.count=fail)
ipz_check(NAME "art5.2 count 69 with all three grounds is review" FILE tests/dossiers/count-69-relaxed.yaml
  EXIT 0 VERDICT needs-review RULES art5.2.count=review)
ipz_check(NAME "art5.2 count 69 with two of three grounds fails" FILE tests/dossiers/count-69-two-grounds.yaml
  EXIT 1 VERDICT ineligible RULES art5.2.count=fail)
ipz_check(NAME "art5.2 count 69 with a ground without evidence is missing, naming it" FILE tests/dossiers/count-69-ground-without-evidence.yaml
  EXIT 1 VERDICT incomplete RULES art5.2.count=missing
  EXPECT "zone\\.relaxation_grounds\\.distinctive_model")
ipz_check(NAME "art5.2 format 1's plain list of grounds loads, warns that evidence is missing, and is missing"
  FILE tests/dossiers/count-69-relaxed-format1.yaml
  EXIT 1 VERDICT incomplete RULES art5.2.count=missing
  EXPECT "count-69-relaxed-format1\\.yaml\", \"line\": 15, \"column\": 23, \"message\": \"[^\"]*档案格式 1")
ipz_check(NAME "art5.2 count 71 rows with 2 duplicates is 69 and fails" FILE tests/dossiers/count-duplicates-69.yaml
  EXIT 1 VERDICT ineligible RULES art5.2.count=fail
  EXPECT "${IPZ_ANY_WARNING}" "\"line\": 112, " "\"line\": 113, ")

# --- art5.2 shares ---------------------------------------------------------------------------

ipz_check(NAME "art5.2 SME share 64 of 80 exactly 80 percent passes" FILE tests/dossiers/sme-80-exact.yaml
  EXIT 0 VERDICT eligible RULES art5.2.sme-share=pass)
ipz_check(NAME "art5.2 SME share 79 of 100 fails" FILE tests/dossiers/sme-below-80.yaml
  EXIT 1 VERDICT ineligible RULES art5.2.sme-share=fail)
ipz_check(NAME "art5.2 SME share with a row lacking sme is missing" FILE tests/dossiers/missing-sme-flag.yaml
  EXIT 1 VERDICT incomplete RULES art5.2.sme-share=missing)
ipz_check(NAME "art5.2 high-end share 48 of 80 exactly 60 percent passes" FILE tests/dossiers/high-end-60-exact.yaml
  EXIT 0 VERDICT eligible RULES art5.2.high-end-share=pass)
ipz_check(NAME "art5.2 high-end share 59 of 100 fails" FILE tests/dossiers/high-end-below-60.yaml
  EXIT 1 VERDICT ineligible RULES art5.2.high-end-share=fail)
ipz_check(NAME "art5.2 high-end share counts the 2017 industry names as aliases" FILE tests/dossiers/high-end-aliases.yaml
  EXIT 0 VERDICT eligible RULES art5.2.high-end-share=pass)
ipz_check(NAME "art5.2 high-end share with an unknown industry name warns at the row" FILE tests/dossiers/high-end-unknown-name.yaml
  EXIT 0 VERDICT "(eligible|needs-review)" RULES "art5.2.high-end-share=(pass|review)"
  EXPECT "${IPZ_ANY_WARNING}" "\"line\": 43, ")
ipz_check(NAME "art5.2 high-end share with a row lacking high_end_industry is missing" FILE tests/dossiers/missing-high-end-key.yaml
  EXIT 1 VERDICT incomplete RULES art5.2.high-end-share=missing)

# --- art5.3 patents -----------------------------------------------------------------------------

ipz_check(NAME "art5.3 patents 300 valid passes" FILE tests/dossiers/patents-300.yaml
  EXIT 0 VERDICT eligible RULES art5.3.patents=pass)
ipz_check(NAME "art5.3 patents 299 valid and 149 invention fails" FILE tests/dossiers/patents-299-inv-149.yaml
  EXIT 1 VERDICT ineligible RULES art5.3.patents=fail)
ipz_check(NAME "art5.3 patents 299 valid and 150 invention passes" FILE tests/dossiers/patents-299-inv-150.yaml
  EXIT 0 VERDICT eligible RULES art5.3.patents=pass)
ipz_check(NAME "art5.3 patents in the valid-invention form sum to 300 and pass" FILE tests/dossiers/patents-valid-form.yaml
  EXIT 0 VERDICT eligible RULES art5.3.patents=pass)
ipz_check(NAME "art5.3 patents absent on a row count as zero" FILE tests/dossiers/patents-absent-counts-zero.yaml
  EXIT 0 VERDICT eligible RULES art5.3.patents=pass)

# --- art6.1 / art6.2 years ------------------------------------------------------------------------

ipz_check(NAME "art6.1 and art6.2 three years to the day pass" FILE tests/dossiers/operating-3y-to-the-day.yaml
  EXIT 0 VERDICT eligible RULES art6.1.operation=pass art6.2.services=pass)
ipz_check(NAME "art6.1 and art6.2 three years less a day fail" FILE tests/dossiers/operating-3y-a-day-short.yaml
  EXIT 1 VERDICT ineligible RULES art6.1.operation=fail art6.2.services=fail)
ipz_check(NAME "art6.1 and art6.2 from 29 Feb 2020 pass on 28 Feb 2023" FILE tests/dossiers/operating-feb29.yaml
  EXIT 0 VERDICT eligible RULES art6.1.operation=pass art6.2.services=pass
  EXPECT "\"as_of\": \"2023-02-28\"")
ipz_check(NAME "art6.1 and art6.2 from 29 Feb 2020 fail on 27 Feb 2023" FILE tests/dossiers/operating-feb29-a-day-short.yaml
  EXIT 1 VERDICT ineligible RULES art6.1.operation=fail art6.2.services=fail)
ipz_check(NAME "art6.1 without zone_operating_since is missing" FILE tests/dossiers/operating-since-missing.yaml
  EXIT 1 VERDICT incomplete RULES art6.1.operation=missing)

# --- art6.1 / art6.3 evidence, art4, art6 legal person, art7 ---------------------------------------

ipz_check(NAME "art6.1 with no planning evidence is missing" FILE tests/dossiers/evidence-planning-empty.yaml
  EXIT 1 VERDICT incomplete RULES art6.1.operation=missing)
ipz_check(NAME "art6.3 with no effect evidence is missing" FILE tests/dossiers/evidence-effect-empty.yaml
  EXIT 1 VERDICT incomplete RULES art6.3.effect=missing)
ipz_check(NAME "art4 applicant that is not the actual operator fails" FILE tests/dossiers/applicant-not-operator.yaml
  EXIT 1 VERDICT ineligible RULES art4.applicant=fail)
ipz_check(NAME "art6 operator that is not an independent legal person fails" FILE tests/dossiers/legal-person-not-independent.yaml
  EXIT 1 VERDICT ineligible RULES art6.legal-person=fail)
ipz_check(NAME "art7 documents without a work plan are missing" FILE tests/dossiers/documents-no-work-plan.yaml
  EXIT 1 VERDICT incomplete RULES "art7.documents=missing")

# --- art6.4 credit ----------------------------------------------------------------------------------

ipz_check(NAME "art6.4 penalty one day inside the 3-year window fails" FILE tests/dossiers/penalty-inside-3y.yaml
  EXIT 1 VERDICT ineligible RULES art6.4.credit=fail)
ipz_check(NAME "art6.4 penalty exactly 3 years before as_of passes" FILE tests/dossiers/penalty-outside-3y.yaml
  EXIT 0 VERDICT eligible RULES art6.4.credit=pass)
ipz_check(NAME "art6.4 a bad record on Credit China fails" FILE tests/dossiers/credit-bad-record.yaml
  EXIT 1 VERDICT ineligible RULES art6.4.credit=fail)
ipz_check(NAME "art6.4 a dishonest judgment debtor fails" FILE tests/dossiers/credit-dishonest-debtor.yaml
  EXIT 1 VERDICT ineligible RULES art6.4.credit=fail)
ipz_check(NAME "art6.4 an agency sanctioned for abnormal applications fails" FILE tests/dossiers/agency-sanction.yaml
  EXIT 1 VERDICT ineligible RULES art6.4.credit=fail)

# --- bans: art8, art11.4, art13 -------------------------------------------------------------------

ipz_check(NAME "art11.4 termination one day inside the 5-year ban fails" FILE tests/dossiers/termination-inside-5y.yaml
  EXIT 1 VERDICT ineligible RULES art11.4.termination-ban=fail)
ipz_check(NAME "art11.4 termination 5 years and a day before as_of passes (the bar ran through the anniversary)" FILE tests/dossiers/termination-outside-5y.yaml
  EXIT 0 VERDICT eligible RULES art11.4.termination-ban=pass)
ipz_check(NAME "art8 fraud finding one day inside the 5-year ban fails" FILE tests/dossiers/fraud-inside-5y.yaml
  EXIT 1 VERDICT ineligible RULES art8.fraud-ban=fail)
ipz_check(NAME "art8 fraud finding 5 years and a day before as_of passes (the bar ran through the anniversary)" FILE tests/dossiers/fraud-outside-5y.yaml
  EXIT 0 VERDICT eligible RULES art8.fraud-ban=pass)
ipz_check(NAME "art13 fund fraud one day inside the 5-year ban fails" FILE tests/dossiers/fund-fraud-inside-5y.yaml
  EXIT 1 VERDICT ineligible RULES art13.funds-ban=fail)
ipz_check(NAME "art13 fund fraud 5 years and a day before as_of passes (the bar ran through the anniversary)" FILE tests/dossiers/fund-fraud-outside-5y.yaml
  EXIT 0 VERDICT eligible RULES art13.funds-ban=pass)

# --- art5.4 services, art5.1 carrier -----------------------------------------------------------------

ipz_check(NAME "art5.4 a workstation alone passes" FILE tests/dossiers/services-workstation.yaml
  EXIT 0 VERDICT eligible RULES art5.4.services=pass)
ipz_check(NAME "art5.4 three of four functions without a workstation fails" FILE tests/dossiers/services-three-functions.yaml
  EXIT 1 VERDICT ineligible RULES art5.4.services=fail)
ipz_check(NAME "art5.1 district outside Beijing fails" FILE tests/dossiers/district-outside-beijing.yaml
  EXIT 1 VERDICT ineligible RULES art5.1.carrier=fail)
ipz_check(NAME "art5.1 Beijing Economic-Technological Development Area passes" FILE tests/dossiers/district-yizhuang.yaml
  EXIT 0 VERDICT eligible RULES art5.1.carrier=pass)
ipz_check(NAME "art5.1 carrier type other is review" FILE tests/dossiers/carrier-other.yaml
  EXIT 0 VERDICT needs-review RULES art5.1.carrier=review)

# --- warnings that do not stop the evaluation -------------------------------------------------------

ipz_check(NAME "declared totals that disagree with the roster warn, the roster wins" FILE tests/dossiers/declared-mismatch.yaml
  EXIT 0 VERDICT eligible RULES art5.2.count=pass
  EXPECT "${IPZ_ANY_WARNING}" "\"line\": 41, ")
ipz_check(NAME "a roster USCC with a bad check character warns at the row" FILE tests/dossiers/uscc-bad-check.yaml
  EXIT 0 VERDICT eligible
  EXPECT "${IPZ_ANY_WARNING}" "\"line\": 70, ")
ipz_check(NAME "USCCs compare in upper case: a lower-case repeat counts once, 69 fails" FILE tests/dossiers/count-uscc-lower-case-69.yaml
  EXIT 1 VERDICT ineligible RULES art5.2.count=fail
  EXPECT "${IPZ_ANY_WARNING}" "\"line\": 111, \"column\": 35, " "\"line\": 111, \"column\": 5, ")
ipz_check(NAME "the same name with another USCC is two enterprises, with a warning at the second row" FILE tests/dossiers/same-name-other-uscc.yaml
  EXIT 0 VERDICT eligible
  EXPECT "${IPZ_ANY_WARNING}" "\"line\": 81, \"column\": 5, " "\"fact\": \"enterprise_count\", \"value\": 80, ")
ipz_check(NAME "art8 a cancellation (Art. 12) within 5 years is for review: was it for false material?"
  FILE tests/dossiers/history-cancellation-inside-5y.yaml
  EXIT 0 VERDICT needs-review RULES art8.fraud-ban=review)
ipz_check(NAME "art14 changes are reported; one not filed is a warning at its line, not a failure"
  FILE tests/dossiers/history-change-not-filed.yaml
  EXIT 0 VERDICT eligible RULES art14.changes=pass
  EXPECT "${IPZ_ANY_WARNING}" "\"line\": 37, \"column\": 41, ")
ipz_invalid(NAME "invalid: a history event of an unknown kind names the known kinds" FILE tests/dossiers/bad-history-event.yaml
  LINE 35 COLUMN 13 EXPECT "fraud_finding, termination, fund_fraud, cancellation, change")
ipz_check(NAME "a UTF-8 byte-order mark is accepted" FILE tests/dossiers/bom-ok.yaml
  EXIT 0 VERDICT eligible
  REJECT "\"errors\": .[{]")

# --- malformed dossiers: invalid, exit 2, file:line:column ------------------------------------------

ipz_invalid(NAME "invalid: YAML syntax, unclosed flow sequence" FILE tests/dossiers/bad-yaml-syntax.yaml)
ipz_invalid(NAME "invalid: YAML syntax, bad indentation" FILE tests/dossiers/bad-indentation.yaml)
ipz_invalid(NAME "invalid: a word where a patent count belongs" FILE tests/dossiers/bad-type-count.yaml LINE 49)
ipz_invalid(NAME "invalid: unknown key carier_type suggests carrier_type" FILE tests/dossiers/bad-unknown-key.yaml LINE 9
  EXPECT "carrier_type")
ipz_invalid(NAME "invalid: missing zone.district" FILE tests/dossiers/bad-missing-required.yaml)
ipz_invalid(NAME "invalid: missing format" FILE tests/dossiers/bad-missing-format.yaml)
ipz_invalid(NAME "invalid: unsupported format version" FILE tests/dossiers/bad-format-version.yaml LINE 4)
ipz_invalid(NAME "invalid: missing roster" FILE tests/dossiers/bad-missing-roster.yaml)
ipz_invalid(NAME "invalid: roster row without name" FILE tests/dossiers/bad-row-no-name.yaml LINE 80)
ipz_invalid(NAME "invalid: as_of 2024-02-30 does not exist" FILE tests/dossiers/bad-date.yaml LINE 5 COLUMN 8)
ipz_invalid(NAME "invalid: negative invention count" FILE tests/dossiers/bad-negative.yaml LINE 52)
ipz_invalid(NAME "invalid: invention patents above valid patents" FILE tests/dossiers/bad-invention-above-valid.yaml LINE 60)
ipz_invalid(NAME "invalid: empty file" FILE tests/dossiers/bad-empty.yaml)
ipz_invalid(NAME "invalid: comments only" FILE tests/dossiers/bad-comment-only.yaml)
ipz_invalid(NAME "invalid: GBK-encoded file is not UTF-8" FILE tests/dossiers/bad-gbk.yaml)
ipz_invalid(NAME "invalid: 10000 nested sequences do not crash" FILE tests/dossiers/bad-deep-nesting.yaml)
ipz_invalid(NAME "invalid: duplicate key zone.name" FILE tests/dossiers/bad-duplicate-key.yaml LINE 8)
ipz_invalid(NAME "invalid: top level is a list" FILE tests/dossiers/bad-not-a-map.yaml)
ipz_invalid(NAME "invalid: top level is a scalar" FILE tests/dossiers/bad-top-scalar.yaml)

# the same in the text report: file:line:column
ipzone_e2e(NAME "invalid, text: unknown key names file:line:column and carrier_type" EXIT 2
  ARGS check tests/dossiers/bad-unknown-key.yaml
  EXPECT "bad-unknown-key\\.yaml:9:[0-9]+" "carrier_type")
ipzone_e2e(NAME "invalid, text: bad date names file:line:column" EXIT 2
  ARGS check tests/dossiers/bad-date.yaml
  EXPECT "bad-date\\.yaml:5:8")
ipzone_e2e(NAME "invalid, text: GBK file names file:line:column" EXIT 2
  ARGS check tests/dossiers/bad-gbk.yaml
  EXPECT "bad-gbk\\.yaml:[0-9]+:[0-9]+")
ipzone_e2e(NAME "invalid, text: YAML syntax error names file:line:column" EXIT 2
  ARGS check tests/dossiers/bad-yaml-syntax.yaml
  EXPECT "bad-yaml-syntax\\.yaml:[0-9]+:[0-9]+")
ipzone_e2e(NAME "invalid, text: empty file names file:line:column" EXIT 2
  ARGS check tests/dossiers/bad-empty.yaml
  EXPECT "bad-empty\\.yaml:[0-9]+:[0-9]+")

# --- the report's language (text and JSON), colour -------------------------------------------

ipzone_e2e(NAME "report zh (default): a failing share says by how much, in Chinese" EXIT 1
  ARGS check examples/ineligible-high-end-share.yaml
  EXPECT "✗ 不通过 +第五条第2项 +高精尖产业企业占比"
         "实际 55\\.3% \\(47/85\\) +\\| +要求 ≥ 60%"
         "需现有企业中再有 4 家属于高精尖产业领域，或新增 10 家高精尖产业企业"
         "结论： 不符合条件 \\(ineligible\\)"
  REJECT "Verdict")
ipzone_e2e(NAME "report en: a failing share says by how much, in English" EXIT 1
  ARGS check --lang en examples/ineligible-high-end-share.yaml
  EXPECT "✗ fail +Art\\. 5\\(2\\) +Share in Beijing high-end industries"
         "found 55\\.3% \\(47/85\\) +\\| +required ≥ 60%"
         "needs 4 more of the current enterprises in high-end industries, or 10 more high-end enterprises"
         "Verdict: ineligible \\(ineligible\\)"
  REJECT "结论")
ipzone_e2e(NAME "report en JSON: messages in English, clause cited in Chinese" EXIT 1
  ARGS check --lang en --format json examples/ineligible-high-end-share.yaml
  EXPECT "\"id\": \"art5\\.2\\.high-end-share\", \"clause\": \"第五条第2项\", \"outcome\": \"fail\", \"actual\": \"55\\.3% \\(47/85\\)\", \"required\": \"≥ 60%\", \"message\": \"High-end share"
  REJECT "\"message\": \"属于")
ipzone_e2e(NAME "report zh JSON: messages in Chinese" EXIT 1
  ARGS check --format json examples/ineligible-high-end-share.yaml
  EXPECT "\"message\": \"属于北京市高精尖产业领域的企业占比 55\\.3% \\(47/85\\)，低于 60%")
ipzone_e2e(NAME "report zh: a missing section names the field to add" EXIT 1
  ARGS check examples/incomplete.yaml
  EXPECT "… 缺数据 +第六条第4项" "请在档案中填写 operator\\.credit" "结论： 材料不全 \\(incomplete\\)")
ipzone_e2e(NAME "report en: a missing section names the field to add" EXIT 1
  ARGS check --lang en examples/incomplete.yaml
  EXPECT "… missing +Art\\. 6\\(4\\)" "add operator\\.credit to the dossier" "Verdict: incomplete \\(incomplete\\)")
ipzone_e2e(NAME "report zh: relaxation of Art. 5(2) is for the experts" EXIT 0
  ARGS check examples/needs-review-relaxation.yaml
  EXPECT "\\? 待复核 +第五条第2项 +企业数量" "是否放宽、放宽多少，由专家评审判断"
         "enterprises\\[41\\]（北京弘毅瀚海智行科技有限公司，统一社会信用代码 91110113MA03Y4KH22）与 enterprises\\[7\\]（北京弘毅瀚海智行科技有限公司，统一社会信用代码 91110113MA03Y4KH22）的统一社会信用代码相同"
         "结论： 需人工复核 \\(needs-review\\)")
ipzone_e2e(NAME "report en: repeated roster rows are named and counted once" EXIT 0
  ARGS check --lang en examples/needs-review-relaxation.yaml
  EXPECT "needs-review-relaxation\\.yaml:112:5: warning: enterprises\\[41\\] \\(北京弘毅瀚海智行科技有限公司, USCC 91110113MA03Y4KH22\\) repeats enterprises\\[7\\] \\(北京弘毅瀚海智行科技有限公司, USCC 91110113MA03Y4KH22\\): the same USCC"
         "enterprises\\[62\\] \\(北京中瑞宸光汽车电子科技有限公司\\) repeats enterprises\\[5\\] \\(北京中瑞宸光汽车电子科技有限公司\\): the same name" "found 68 enterprises")
ipzone_e2e(NAME "report zh: a credit failure names the penalty and when it leaves the window" EXIT 1
  ARGS check examples/ineligible-credit.yaml
  EXPECT "✗ 不通过 +第六条第4项" "截至 2024-03-31 的近 3 年内有行政处罚：2023-01-31" "2026-01-31 移出3年期限")
ipzone_e2e(NAME "errors en: unknown key with did-you-mean, at file:line:column" EXIT 2
  ARGS check --lang en tests/dossiers/bad-unknown-key.yaml
  EXPECT "bad-unknown-key\\.yaml:9:[0-9]+: error: unknown key carier_type in zone; did you mean carrier_type\\?")
ipzone_e2e(NAME "errors zh: unknown key with did-you-mean, at file:line:column" EXIT 2
  ARGS check tests/dossiers/bad-unknown-key.yaml
  EXPECT "bad-unknown-key\\.yaml:9:[0-9]+: 错误: zone 下有未知字段 carier_type，是否应为 carrier_type？")
ipzone_e2e(NAME "errors en: a GBK file is named as such, with the iconv command" EXIT 2
  ARGS check --lang en tests/dossiers/bad-gbk.yaml
  EXPECT "looks like GBK" "iconv -f GBK -t UTF-8 tests/dossiers/bad-gbk\\.yaml")
ipzone_e2e(NAME "errors en: every error of examples/invalid.yaml is reported" EXIT 2
  ARGS check --lang en examples/invalid.yaml
  EXPECT "invalid\\.yaml:29:[0-9]+: error: operator\\.zone_operating_since is not a valid date"
         "invalid\\.yaml:67:[0-9]+: error: unknown key high_end_industy .*did you mean high_end_industry"
         "invalid\\.yaml:82:[0-9]+: error: enterprises\\[27\\]\\.patents\\.invention should be a whole number"
         "invalid\\.yaml:103:[0-9]+: error: enterprises\\[48\\]\\.patents: 5 invention patents exceed 3 valid patents"
         "Verdict: invalid")
ipzone_e2e(NAME "colour: none when NO_COLOR is set, even with --color auto" EXIT 0
  ARGS check --color auto examples/eligible.yaml
  REJECT "32m")
ipzone_e2e(NAME "colour: --color always paints outcomes" EXIT 0
  ARGS check --color always examples/eligible.yaml
  EXPECT "32m✓")
ipzone_e2e(NAME "help: ipzone check --help explains the options" EXIT 0
  ARGS check --help
  EXPECT "--as-of" "--lang" "--format" "--strict" "--rules")

# --- real rosters: CSV, SME by the size standard, data checks ----------------------------------

ipz_check(NAME "examples: a 150-row CSV roster (BOM, CRLF, quoted commas, size figures) is eligible"
  FILE examples/csv-roster.yaml EXIT 0 VERDICT eligible RULES ${eligible_all_pass})
ipz_check(NAME "CSV roster: Chinese headers, quoted commas, exactly 80 % SMEs and 60 % high-end pass"
  FILE tests/rosters/csv-ok.yaml EXIT 0 VERDICT eligible
  EXPECT "\"actual\": \"80\\.0% \\(56/70\\)\"" "\"actual\": \"60\\.0% \\(42/70\\)\"")
ipz_check(NAME "CSV roster: SME by size figures at the standard's boundaries, 59 of 70"
  FILE tests/rosters/csv-size-figures.yaml EXIT 0 VERDICT eligible
  EXPECT "\"actual\": \"84\\.3% \\(59/70\\)\""
         "roster-size\\.csv\", \"line\": 62, \"column\": 1, \"message\": \"[^\"]*北京测试样本061"
         "roster-size\\.csv\", \"line\": 63, \"column\": 1, \"message\": \"[^\"]*宇宙航行业")
ipzone_e2e(NAME "check --detail: each size-classified row says why (299 < 300, 9999 < 10000, 999 < 1000)" EXIT 0
  ARGS check --lang en --detail tests/rosters/csv-size-figures.yaml
  EXPECT "roster-size\\.csv:57 +北京测试样本056科技有限公司  SME \\(by the size standard: software and information technology services, employees 299 < 300\\)"
         "roster-size\\.csv:58 +北京测试样本057科技有限公司  not an SME \\(by the size standard: software and information technology services, at or above every ceiling"
         "roster-size\\.csv:59 +北京测试样本058科技有限公司  SME \\(by the size standard: software and information technology services, revenue \\(10k yuan\\) 9999 < 10000\\)"
         "roster-size\\.csv:60 +北京测试样本059科技有限公司  not an SME"
         "roster-size\\.csv:61 +北京测试样本060科技有限公司  SME \\(by the size standard: industry, employees 999 < 1000\\)"
         "roster-size\\.csv:62 .*declared SME \"yes\", but the size standard"
         "roster-size\\.csv:63 +北京测试样本062科技有限公司  SME \\(by the size standard: below a ceiling as each of the 16 sectors it may be\\)")
ipzone_e2e(NAME "check --detail --format json: a roster array with each row's classification" EXIT 0
  ARGS check --format json --detail tests/rosters/csv-size-figures.yaml
  EXPECT "\"row\": \"tests/rosters/roster-size\\.csv:57\", \"name\": \"北京测试样本056科技有限公司\", \"duplicate_of\": 0, \"sme\": true, \"sme_basis\": \"size_standard\""
         "\"row\": \"tests/rosters/roster-size\\.csv:58\", \"name\": \"[^\"]*\", \"duplicate_of\": 0, \"sme\": false")
ipzone_e2e(NAME "CSV roster: a misspelled column is named, with the closest known header" EXIT 2
  ARGS check tests/rosters/csv-bad-columns.yaml
  EXPECT "roster-bad-columns\\.csv:1:1: 错误: 名录的列名 企业名陈 无法识别（是否应为 企业名称？）"
         "名录缺少必需的列：企业名称" "结论： 档案无效")
ipzone_e2e(NAME "CSV roster: a GBK file (Excel's CSV for Chinese) is read as GBK, with a warning that says so (issue 10)" EXIT 0
  ARGS check --format json --detail tests/rosters/csv-gbk.yaml
  EXPECT "\"verdict\": \"eligible\"" "roster-gbk\\.csv 不是 UTF-8 编码，已按 GBK 读取[^\"]*另存为“CSV UTF-8（逗号分隔）”"
         "北京测试样本001科技有限公司")
ipzone_e2e(NAME "CSV roster: a GBK file read as GBK, in English" EXIT 0
  ARGS check --lang en tests/rosters/csv-gbk.yaml
  EXPECT "roster-gbk\\.csv: warning: the roster tests/rosters/roster-gbk\\.csv is not UTF-8 and was read as GBK"
  REJECT "iconv" "\\.yaml >")
ipzone_e2e(NAME "CSV roster: UTF-16 with its byte order mark is read, with a warning (issue 10)" EXIT 0
  ARGS check --lang en tests/rosters/csv-utf16.yaml
  EXPECT "roster-utf16\\.csv: warning: the roster tests/rosters/roster-utf16\\.csv is UTF-16LE" "Verdict: eligible")
ipzone_e2e(NAME "a GBK dossier's iconv advice writes a file of the same kind, never .csv to .yaml" EXIT 2
  ARGS check --lang en tests/dossiers/bad-gbk.yaml
  EXPECT "iconv -f GBK -t UTF-8 tests/dossiers/bad-gbk\\.yaml > tests/dossiers/bad-gbk-utf8\\.yaml")
ipzone_e2e(NAME "CSV roster: bad cells are reported at the CSV's line and column, all of them" EXIT 2
  ARGS check --lang en tests/rosters/csv-bad-cells.yaml
  EXPECT "roster-bad-cells\\.csv:5:[0-9]+: error: column 有效专利: 很多 is not valid; expected a whole number"
         "roster-bad-cells\\.csv:6:1: error: .*5 invention patents exceed 3 valid patents"
         "roster-bad-cells\\.csv:8:[0-9]+: error: line 8 has 7 cells; the header has 9")
ipzone_e2e(NAME "CSV roster: a missing file is an error at the enterprises_file line" EXIT 2
  ARGS check --lang en tests/rosters/csv-missing-file.yaml
  EXPECT "csv-missing-file\\.yaml:37:[0-9]+: error: no such file: tests/rosters/no-such-roster\\.csv")

# --- init, schema, explain ----------------------------------------------------------------------

ipzone_e2e(NAME "init: the Chinese template loads without errors (init | check -)" EXIT 1
  ARGS check --format json -
  STDIN "${CMAKE_SOURCE_DIR}/format/template.zh.yaml"
  EXPECT "\"verdict\": \"ineligible\"" "\"errors\": \\[\\]"
  REJECT "\"verdict\": \"invalid\"")
ipzone_e2e(NAME "init: the English template loads without errors" EXIT 1
  ARGS check --format json -
  STDIN "${CMAKE_SOURCE_DIR}/format/template.en.yaml"
  EXPECT "\"errors\": \\[\\]"
  REJECT "\"verdict\": \"invalid\"")
ipzone_e2e(NAME "init: prints the Chinese template with the schema header" EXIT 0
  ARGS init
  EXPECT "^# yaml-language-server: [$]schema=" "^format: ipzone-dossier/1" "enterprises_file" "relaxation_grounds")
ipzone_e2e(NAME "init --lang en: English comments" EXIT 0
  ARGS init --lang en
  EXPECT "^format: ipzone-dossier/1" "# .*[Aa]rt")
ipzone_e2e(NAME "init --csv: the roster CSV header, Chinese" EXIT 0
  ARGS init --csv
  EXPECT "企业名称,统一社会信用代码,是否中小企业,所属行业,从业人员,营业收入\\(万元\\),资产总额\\(万元\\),高精尖产业领域,有效专利,发明专利,实用新型,外观设计")
ipzone_e2e(NAME "init --csv --lang en: the roster CSV header, English" EXIT 0
  ARGS init --csv --lang en
  EXPECT "name,uscc,sme,sector,employees,revenue_10k_yuan,assets_10k_yuan,high_end_industry,valid,invention,utility_model,design")
add_test(NAME "e2e: init --csv: a UTF-8 byte-order mark and CRLF, as Excel's CSV UTF-8, so Excel shows the headers (issue 10)"
  COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/e2e/init_csv.py" "$<TARGET_FILE:ipzone>")
ipzone_e2e(NAME "schema: a draft 2020-12 JSON Schema naming the format's fields" EXIT 0
  ARGS schema
  EXPECT "json-schema\\.org/draft/2020-12/schema" "\"enterprises_file\"" "\"relaxation_grounds\"" "\"revenue_10k_yuan\"")
ipzone_e2e(NAME "explain: clause, words, parameter in force with its date, fact computation" EXIT 0
  ARGS explain --lang en --as-of 2024-03-31 art5.2.sme-share
  EXPECT "^art5\\.2\\.sme-share  Art\\. 5\\(2\\)  Share of SMEs" "其中80%以上为中小企业"
         "min_sme_share = 80%  since 2023-12-20 \\(第五条第2项\\)" "sme_share \\(share\\): ")
ipzone_e2e(NAME "explain: an unknown rule id gets a did-you-mean and exit 2" EXIT 2
  ARGS explain art5.2.cout
  EXPECT "art5\\.2\\.count")

# The schema and the loader must not drift apart: every example dossier and both
# templates validate against the schema with an independent validator
# (python3-jsonschema; the test is skipped where it is not installed).
add_test(NAME "schema: examples and templates validate with python3-jsonschema"
  COMMAND python3 "${CMAKE_SOURCE_DIR}/tests/tools/check_schema.py"
          examples/eligible.yaml examples/incomplete.yaml examples/ineligible-credit.yaml
          examples/ineligible-high-end-share.yaml examples/needs-review-relaxation.yaml examples/csv-roster.yaml
          format/template.zh.yaml format/template.en.yaml tests/rosters/csv-ok.yaml
          tests/dossiers/history-cancellation-inside-5y.yaml tests/dossiers/history-change-not-filed.yaml
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
set_tests_properties("schema: examples and templates validate with python3-jsonschema" PROPERTIES SKIP_RETURN_CODE 77)

# --- rules that can be changed safely: list, lint, test, diff, doc --------------------------------

ipzone_e2e(NAME "rules list: every rule with its clause" EXIT 0
  ARGS rules list --lang en
  EXPECT "art5\\.2\\.sme-share +Art\\. 5\\(2\\) +Share of SMEs" "art13\\.funds-ban +Art\\. 13")
ipzone_e2e(NAME "rules lint: the shipped rule set is clean" EXIT 0
  ARGS rules lint --lang en rules/recognition
  EXPECT "rule set recognition \\(rules/recognition\\): 0 errors, 0 warnings")
ipzone_e2e(NAME "rules test: the shipped rule set passes its own cases" EXIT 0
  ARGS rules test --lang en rules/recognition
  EXPECT "^[0-9]+ passed, 0 failed$")
ipzone_e2e(NAME "rules test --format junit: a testsuite per file, no failures" EXIT 0
  ARGS rules test --format junit rules/recognition
  EXPECT "<testsuites name=\"ipzone rules test\" tests=\"[0-9]+\" failures=\"0\">"
         "<testcase classname=\"recognition\" name=\"Art\\. 5\\(2\\) 70 enterprises pass\"")
# The layers of src/ (README "How the code is laid out"): every #include follows the data flow.
add_test(NAME "layers: every #include in src/ follows util -> model -> read -> facts -> evaluate -> report -> cli"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/tests/tools/check_layers.py" "${CMAKE_SOURCE_DIR}/src")
# The committed rule document must match the rule files (regenerate: ipzone rules doc > rules/recognition/README.md).
add_test(NAME "e2e: rules doc: rules/recognition/README.md is up to date"
  COMMAND bash -c "\"$1\" rules doc rules/recognition | diff -u rules/recognition/README.md - && echo up to date" _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
foreach(scenario threshold-moved second-date misspelled-key broken-placeholder equals-wrong-type rule-deleted dates-unsorted wrong-types)
  add_test(NAME "e2e: rules changed (${scenario}): lint, test, diff and check see it"
    COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/e2e/rules_change.sh" "$<TARGET_FILE:ipzone>" ${scenario}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
endforeach()
# Rules with since/until: not applicable outside their window, in every format and in rules diff.
add_test(NAME "e2e: rules with since/until are not applicable outside their window (tests/tools/dated_rules.py)"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/tests/tools/dated_rules.py" "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
# One date for a run: --tz, TZ, Asia/Shanghai; every format says it and where it comes from (issue 14, point 7).
add_test(NAME "e2e: one date per run, in --tz, TZ or Asia/Shanghai, printed with its source (tests/e2e/run_date.py)"
  COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/e2e/run_date.py" "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
# Chinese values (issue 10, point 2): labels, aliases, 是/否, 2019年5月16日, 2,600 give the canonical verdicts.
add_test(NAME "e2e: a dossier in Chinese values (孵化器, 是, 2019年5月16日, 2,600) is judged as the canonical one (tests/e2e/chinese_values.py)"
  COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/e2e/chinese_values.py" "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
# The rule tests must notice a broken rule set: each of the mutations in
# tests/tools/broken_rules.py (a bound moved by one, >= turned into > ...) still
# lints but must make `rules test` fail. .ci/run runs it as a step of its own.
add_test(NAME "e2e: rules test: every deliberately broken copy of the rule set fails its own cases"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/tests/tools/broken_rules.py" "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
set_tests_properties("e2e: rules test: every deliberately broken copy of the rule set fails its own cases"
  PROPERTIES LABELS mutation)

# --- batch screening: inputs, -j, formats, -o, --quiet, --fail-on -------------------------------

# The same output whatever -j is, in every format (the corpus is every dossier the project has).
foreach(format text json ndjson csv junit markdown)
  add_test(NAME "e2e: batch: -j 1 and -j 2 give byte-identical ${format}"
    COMMAND bash -c "cmp <(\"$1\" check -j 1 --format $2 -r examples tests) <(\"$1\" check -j 2 --format $2 -r examples tests) && echo identical"
            _ "$<TARGET_FILE:ipzone>" ${format}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
endforeach()
ipzone_e2e(NAME "batch: -r finds dossiers in subfolders, sorted" EXIT 2
  ARGS check -r --quiet --lang en tests
  EXPECT "^  [0-9]+ dossiers:" "Summary:")
ipzone_e2e(NAME "batch: --files-from - reads paths from standard input (find | ipzone check --files-from -)" EXIT 1
  ARGS check --format json --files-from -
  STDIN "${CMAKE_CURRENT_SOURCE_DIR}/e2e/paths.txt"
  EXPECT "\"file\": \"examples/eligible\\.yaml\"" "\"file\": \"examples/ineligible-credit\\.yaml\""
         "\"summary\": [{]\"eligible\": 1, \"needs-review\": 0, \"incomplete\": 0, \"ineligible\": 1, \"invalid\": 0[}]")
ipzone_e2e(NAME "batch: --quiet prints only the summary" EXIT 2
  ARGS check --quiet --lang en examples
  EXPECT "^  7 dossiers: eligible 2, needs review 1, incomplete 1, ineligible 2, invalid 1$"
  REJECT "Art\\. 5")
ipzone_e2e(NAME "batch: --fail-on ineligible lets incomplete pass" EXIT 0
  ARGS check --quiet --fail-on ineligible examples/incomplete.yaml examples/eligible.yaml)
ipzone_e2e(NAME "batch: --fail-on ineligible still fails an ineligible dossier" EXIT 1
  ARGS check --quiet --fail-on ineligible examples/ineligible-credit.yaml)
ipzone_e2e(NAME "batch: --fail-on needs-review is --strict" EXIT 1
  ARGS check --quiet --fail-on needs-review examples/needs-review-relaxation.yaml)
ipzone_e2e(NAME "batch: no dossier at all is a usage error" EXIT 2
  ARGS check --lang en
  EXPECT "no dossier given")
ipzone_e2e(NAME "format ndjson: one dossier per line" EXIT 1
  ARGS check --format ndjson examples/eligible.yaml examples/ineligible-credit.yaml
  EXPECT "^[{]\"file\": \"examples/eligible\\.yaml\", \"name\": \"[^\"]+\", \"as_of\": \"2024-03-31\", \"as_of_source\": \"dossier\", \"time_zone\": null, \"verdict\": \"eligible\", \"results\": .*[}]$"
         "^[{]\"file\": \"examples/ineligible-credit\\.yaml\", .*\"verdict\": \"ineligible\"")
ipzone_e2e(NAME "format csv: a row per dossier with the key figures" EXIT 1
  ARGS check --format csv examples/eligible.yaml examples/ineligible-high-end-share.yaml
  EXPECT "^file,name,as_of,verdict,enterprises,sme,sme_share_percent,high_end,high_end_share_percent,valid_patents,invention_patents,failed,review,missing,errors,warnings"
         "^examples/ineligible-high-end-share\\.yaml,[^,]+,2024-03-31,ineligible,85,75,88\\.2,47,55\\.3,[0-9]+,[0-9]+,art5\\.2\\.high-end-share,,,0,0")
ipzone_e2e(NAME "format csv --csv-detail: a row per dossier and rule, quoted where needed" EXIT 1
  ARGS check --format csv --csv-detail --lang en examples/ineligible-high-end-share.yaml
  EXPECT "^file,name,as_of,verdict,rule,clause,outcome,actual,required,message"
         "^examples/ineligible-high-end-share\\.yaml,[^,]+,2024-03-31,ineligible,art5\\.2\\.high-end-share,第五条第2项,fail,55\\.3% \\(47/85\\),≥ 60%,\"High-end share 55\\.3% \\(47/85\\), below 60%: needs 4 more")
add_test(NAME "e2e: format csv --excel starts with the UTF-8 byte-order mark"
  COMMAND bash -c "\"$1\" check --format csv --excel examples/eligible.yaml | head -c 3 | od -An -tx1 | grep -q 'ef bb bf'" _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
ipzone_e2e(NAME "format junit: a testsuite per dossier, failures with the message, review skipped" EXIT 2
  ARGS check --format junit --lang en examples/ineligible-credit.yaml examples/needs-review-relaxation.yaml examples/invalid.yaml
  EXPECT "^<[?]xml version=\"1\\.0\" encoding=\"UTF-8\"[?]>" "<testsuites name=\"ipzone check\">"
         "<testsuite name=\"examples/ineligible-credit\\.yaml\" tests=\"17\" failures=\"1\" errors=\"0\" skipped=\"0\">"
         "<failure type=\"fail\" message=\"Not met: administrative penalties in the 3 years to 2024-03-31: 2023-01-31"
         "<skipped message=\"Relaxation of the scale limit asked for: 68 of 70 enterprises, 2 short \\(3 %\\)"
         "<testsuite name=\"examples/invalid\\.yaml\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">")
ipzone_e2e(NAME "format markdown: a summary table for a merge request" EXIT 1
  ARGS check --format markdown --lang en examples/eligible.yaml examples/ineligible-high-end-share.yaml
  EXPECT "^\\| dossier \\| zone \\| verdict \\|" "^\\| .examples/ineligible-high-end-share\\.yaml. \\| [^|]+ \\| ineligible \\| 85 \\| 88\\.2 % \\| 55\\.3 % \\| [0-9]+ / [0-9]+ \\| .art5\\.2\\.high-end-share. fail \\|$"
         "^[*][*]2 dossiers[*][*]: eligible 1, needs review 0, incomplete 0, ineligible 1, invalid 0$")
add_test(NAME "e2e: -o FILE writes the report atomically and leaves no temporary file"
  COMMAND bash -c "set -e; d=$(mktemp -d); \"$1\" check --format json -o \"$d/out.json\" examples/eligible.yaml; grep -q '\"verdict\": \"eligible\"' \"$d/out.json\"; test $(ls -A \"$d\" | wc -l) = 1; rm -r \"$d\"" _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
add_test(NAME "e2e: -o FILE with a bad rule set leaves the old file untouched"
  COMMAND bash -c "d=$(mktemp -d); echo old > \"$d/out.json\"; \"$1\" check --rules \"$d\" -o \"$d/out.json\" examples/eligible.yaml; rc=$?; test $rc = 2 && test \"$(cat \"$d/out.json\")\" = old && test $(ls -A \"$d\" | wc -l) = 1; r=$?; rm -r \"$d\"; exit $r" _ "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
ipzone_e2e(NAME "-o into a folder that does not exist is an error, exit 2" EXIT 2
  ARGS check -o /nonexistent-folder/out.json examples/eligible.yaml
  EXPECT "nonexistent-folder")

# --- comprehensive score and ranking (Art. 7(4)) -------------------------------------------------

ipzone_e2e(NAME "score: total, dimensions, indicators with value and maximum, three opportunities" EXIT 0
  ARGS score --lang en examples/eligible.yaml
  EXPECT "^  Total [0-9]+\\.[0-9][0-9] / 100\\.00$" "^  Scale and structure +[0-9.]+ / 25\\.00$"
         "^    Invention patents per enterprise +2\\.02 per enterprise +[0-9.]+ / 8\\.00$"
         "^    IP butler and liaison system +yes +5\\.00 / 5\\.00$"
         "Where more effort adds the most points:" "^    3\\. ")
ipzone_e2e(NAME "score --format json: the breakdown as data" EXIT 0
  ARGS score --format json examples/eligible.yaml
  EXPECT "\"total\": [0-9]+\\.[0-9]+, \"max\": 100\\.00, \"model\": \"2023-12-20\", \"dimensions\": .[{]\"id\": \"scale\""
         "\"opportunities\": .[{]\"id\": ")
ipzone_e2e(NAME "score --format csv: a row per indicator and a total" EXIT 0
  ARGS score --format csv examples/eligible.yaml
  EXPECT "^file,name,verdict,dimension,indicator,value,points,max" "^examples/eligible\\.yaml,[^,]+,eligible,work,ip_butler,是,5\\.00,5\\.00"
         "^examples/eligible\\.yaml,[^,]+,eligible,total,,,[0-9.]+,100\\.00")
ipzone_e2e(NAME "rank: eligible first, then needs-review, then the rest, invalid last" EXIT 2
  ARGS rank --format csv examples
  EXPECT "^rank,file,name,verdict,total,scale,ip_stock,services,work"
         "^1,[^,]+,[^,]+,eligible," "^2,[^,]+,[^,]+,eligible," "^3,[^,]+,[^,]+,needs-review,"
         "^7,examples/invalid\\.yaml,,invalid,,,,,")
ipzone_e2e(NAME "rank --format markdown: a table for a wiki" EXIT 0
  ARGS rank --format markdown --lang en examples/eligible.yaml examples/csv-roster.yaml
  EXPECT "^\\| rank \\| zone \\| verdict \\| Total \\| Scale and structure \\| IP stock \\| Service capacity \\| Work under Art\\. 9 \\|$"
         "^\\| 1 \\| " "^\\| 2 \\| ")
# Parsed, and with the inputs in the other order too (tests/e2e/rank_order.sh).
add_test(NAME "e2e: rank: the same order on every run and with any -j"
  COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/e2e/rank_order.sh" "$<TARGET_FILE:ipzone>"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
foreach(scenario weights-moved weights-broken)
  add_test(NAME "e2e: scoring model changed (${scenario})"
    COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/e2e/rules_change.sh" "$<TARGET_FILE:ipzone>" ${scenario}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
endforeach()

# A repeated roster row names the row it repeats as rows are named (issue 10: not "名录第 roster.csv:6 行").
ipzone_e2e(NAME "CSV roster --detail: a repeated row names the line it repeats, zh" EXIT 1
  ARGS check --detail tests/rosters/csv-duplicate.yaml
  EXPECT "roster-duplicate\\.csv:6 +北京测试样本003科技有限公司  与 tests/rosters/roster-duplicate\\.csv:4 重复，不计"
         "roster-duplicate\\.csv:72 +北京测试样本002科技有限公司  与 tests/rosters/roster-duplicate\\.csv:3 重复，不计"
  REJECT "第 [^ ]*csv" "与第")
ipzone_e2e(NAME "CSV roster --detail: a repeated row names the line it repeats, en" EXIT 1
  ARGS check --detail --lang en tests/rosters/csv-duplicate.yaml
  EXPECT "roster-duplicate\\.csv:6 +北京测试样本003科技有限公司  repeats tests/rosters/roster-duplicate\\.csv:4, not counted"
  REJECT "repeats row")
