#!/usr/bin/python3
"""ci_steps.py KIND FILE OUTDIR: the commands of a CI example, as scripts a
test can run. KIND is github (docs/ci/github-actions.yml: every `run:` step
of every job, with the workflow's and job's env) or gitlab
(docs/ci/gitlab-ci.yml: each job's `script:` as one script, and its
`after_script:` as another, with its variables). Writes OUTDIR/NN.sh and
prints one line per script: "NN <always|on-success> <name>". Steps that use
an action (`uses:`) are listed as "NN uses <action>" without a script; a
GitHub step named "Install ipzone", and GitLab's before_script, only install
ipzone and are listed as "NN install <name>" without a script.
Needs Debian's python3-yaml (exit 77 without it)."""
import os
import shlex
import sys

try:
    import yaml
except ImportError:
    print("python3-yaml is not installed: skipped")
    sys.exit(77)


def exports(env):
    return "".join("export %s=%s\n" % (k, shlex.quote(str(v))) for k, v in (env or {}).items())


def main():
    kind, path, outdir = sys.argv[1:4]
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    n = 0

    def emit(what, name, script=None):
        nonlocal n
        n += 1
        if script is not None:
            with open(os.path.join(outdir, "%02d.sh" % n), "w", encoding="utf-8") as f:
                f.write(script)
        print("%02d %s %s" % (n, what, name))

    if kind == "github":
        for job in doc["jobs"].values():
            env = exports(doc.get("env")) + exports(job.get("env"))
            for step in job["steps"]:
                name = step.get("name", step.get("uses", "step"))
                if "uses" in step:
                    emit("uses", step["uses"])
                elif name == "Install ipzone":
                    emit("install", name)
                else:
                    # GitHub runs a run: step with bash -e, pipefail on (shell: bash).
                    always = "always()" in str(step.get("if", ""))
                    emit("always" if always else "on-success", name,
                         "set -eo pipefail\n" + env + exports(step.get("env")) + step["run"])
    elif kind == "gitlab":
        for job_name, job in doc.items():
            if not isinstance(job, dict) or "script" not in job:
                continue
            env = exports(job.get("variables"))
            if job.get("before_script"):
                emit("install", job_name + " before_script")
            # GitLab runs a job's script lines in one bash, stopping at the first that fails.
            emit("on-success", job_name + " script", "set -eo pipefail\n" + env + "\n".join(job["script"]) + "\n")
            if job.get("after_script"):
                emit("always", job_name + " after_script", env + "\n".join(job["after_script"]) + "\n")
    else:
        sys.exit("unknown kind " + kind)


main()
