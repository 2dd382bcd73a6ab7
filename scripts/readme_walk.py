"""The README walk's runner (called by scripts/readme-walk once Fordra is ready).

Reads the ```bash blocks of README.md from "## Using Fordra" to the next "## " heading (a block right after a line
<!-- not run --> is skipped), splits them into commands, and runs each in order with bash in the walk folder, with
localhost:8080 turned into the walk's port. What a command must do is the comment on its line (or on the comment
lines right below it):

  - a status first (`# 201 …`, `# 202 + summary`, `# 409`): curl must answer it; no status: any 2xx;
  - each `"key": value` in the comment (a JSON string, number, true, false or null): the answer, a JSON object (or
    each object of a JSON list, one must match), has that value at that key (`"tally.matched.count": 2` looks inside);
  - a command that is not curl must exit 0.

A GET that does not do what it says yet is tried again for up to 60 s: timers, sending and imports run in the
background within seconds of the request that started them.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

STATUS = re.compile(r"^\s*(\d{3})\b")
FRAGMENT = re.compile(r'"([A-Za-z0-9_.]+)":\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)')
RETRY_SECONDS = 60


def blocks(readme):
    """(first line number, lines) of each bash block of the walk."""
    lines = open(readme, encoding="utf-8").read().split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "## Using Fordra")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    i = start
    while i < end:
        if lines[i].strip() == "```bash":
            previous = next((lines[j].strip() for j in range(i - 1, start, -1) if lines[j].strip()), "")
            close = next(j for j in range(i + 1, end) if lines[j].strip() == "```")
            if previous != "<!-- not run -->":
                yield i + 2, lines[i + 1:close]
            i = close
        i += 1


def split_comment(line, quote):
    """The code and the comment of one line, given the quote open at its start; and the quote open at its end."""
    for k, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (k == 0 or line[k - 1] in " \t"):
            return line[:k].rstrip(), line[k + 1:].strip(), None
    return line, "", quote


def commands(first_line, lines):
    """(line number, command, expectation) for each command of a block."""
    result = []
    code, comment, quote, start = [], [], None, None
    for n, line in enumerate(lines, first_line):
        if not code and line.strip().startswith("#"):
            if result:  # a comment line below a command says more about what it does
                result[-1][2] = (result[-1][2] + " " + line.strip()[1:].strip()).strip()
            continue
        if not code and not line.strip():
            continue
        part, said, quote = split_comment(line, quote)
        if not code:
            start = n
        code.append(part)
        if said:
            comment.append(said)
        if quote is None and not part.endswith("\\"):
            result.append([start, "\n".join(code), " ".join(comment)])
            code, comment = [], []
    if code:
        raise SystemExit("README line %d: the command does not end (an open quote or a trailing \\)" % start)
    return result


def value_at(obj, dotted):
    for key in dotted.split("."):
        if not isinstance(obj, dict) or key not in obj:
            return KeyError
        obj = obj[key]
    return obj


def check(expectation, status, body, is_curl, exit_code):
    """What is wrong with an answer, or None."""
    if not is_curl:
        return None if exit_code == 0 else "exit code %d" % exit_code
    if exit_code != 0:
        return "curl failed with exit code %d" % exit_code
    wanted = STATUS.match(expectation)
    if wanted and status != int(wanted.group(1)):
        return "HTTP %d, the README says %s" % (status, wanted.group(1))
    if not wanted and not 200 <= status < 300:
        return "HTTP %d, the README says nothing, so it must be 2xx" % status
    fragments = FRAGMENT.findall(expectation)
    if not fragments:
        return None
    try:
        answer = json.loads(body)
    except ValueError:
        return "the answer is not JSON, the README expects " + ", ".join('"%s": %s' % f for f in fragments)
    candidates = answer if isinstance(answer, list) else [answer]
    for key, literal in fragments:
        want = json.loads(literal)
        if not any(value_at(c, key) == want for c in candidates):
            found = sorted({json.dumps(value_at(c, key)) for c in candidates if value_at(c, key) is not KeyError})
            return '"%s" is %s, the README says %s' % (key, " / ".join(found) or "missing", literal)
    return None


CURL = """#!/usr/bin/env bash
# curl as the README calls it, plus: its status code and (unless it saves the answer itself) its body for the walk.
out=()
case " $* " in *" -o "*|*" -O "*|*" -OJ "*|*" -JO "*) ;; *) out=(-o "$WALK_STEP/body") ;; esac
exec "$REAL_CURL" -sS "${out[@]}" -w '%{http_code}' "$@" >"$WALK_STEP/status"
"""


def main(readme, port, folder):
    tools = tempfile.mkdtemp(prefix="readme-walk-bin.")
    with open(os.path.join(tools, "curl"), "w") as f:
        f.write(CURL)
    os.chmod(os.path.join(tools, "curl"), 0o755)
    real_curl = subprocess.run(["bash", "-c", "command -v curl"], capture_output=True, text=True).stdout.strip()
    env = dict(os.environ, PATH=tools + os.pathsep + os.environ["PATH"], REAL_CURL=real_curl)
    steps = [(b, c) for b, block in blocks(readme) for c in commands(b, block)]
    print("readme-walk: %d commands in %d blocks" % (len(steps), len({b for b, _ in steps})))
    failed = 0
    for number, (block, (line, command, expectation)) in enumerate(steps, 1):
        command = command.replace("localhost:8080", "localhost:%s" % port)
        is_curl = command.lstrip().startswith("curl ")
        retry = is_curl and not re.search(r"(^|\s)(-d|--data\S*|-F|--form|-X|--request|-T)(\s|$)", command)
        began = time.time()
        while True:
            step = tempfile.mkdtemp(prefix="step.", dir=tools)
            run = subprocess.run(["bash", "-c", command], cwd=folder, env=dict(env, WALK_STEP=step),
                                 capture_output=True, text=True)
            status_text = open(os.path.join(step, "status")).read().strip() if is_curl and os.path.exists(
                os.path.join(step, "status")) else "0"
            status = int(status_text or 0)
            body_file = os.path.join(step, "body")
            body = open(body_file, encoding="utf-8", errors="replace").read() if os.path.exists(body_file) else ""
            problem = check(expectation, status, body, is_curl, run.returncode)
            if problem is None or not retry or time.time() - began > RETRY_SECONDS:
                break
            time.sleep(1)
        took = time.time() - began
        shown = command.split("\n")[0][:110]
        if problem:
            print("FAIL README line %d (block at line %d): %s" % (line, block, problem))
            print("  command: " + command.replace("\n", "\n           "))
            if expectation:
                print("  README:  # " + expectation)
            print("  answer:  " + (body[:2000] if body else run.stdout[:2000] + run.stderr[:2000]))
            if not os.environ.get("WALK_KEEP_GOING"):
                return 1
            failed += 1
            continue
        print("ok %2d  line %3d  %s  %5.1f s  %s" % (number, line, status_text if is_curl else "exit 0", took, shown))
    if failed:
        print("readme-walk: %d of %d commands did not do what the README says" % (failed, len(steps)))
        return 1
    print("readme-walk: all %d commands did what the README says" % len(steps))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
