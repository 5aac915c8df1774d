#!/usr/bin/env python3
"""Renders the fixture templates in Fixtures/sources/*.tmpl into the logs the tests read.

Run from the repository root:  python3 Fixtures/tools/render.py
Output is deterministic (fixed clocks, gzip mtime=0), so re-running it changes nothing
unless a template changed. The rendered files are committed; the templates are the source.

Why templates: a real CodeBuild log carries a timestamp on every agent line and, in the
CloudWatch export and get-log-events shapes, on every line. Writing those by hand is error
prone, so a template names the agent lines (`@ ...`, `%run ...`) and the renderer stamps them
in the agent's exact format. Tool output lines are written verbatim.

Template syntax (one directive per line):
  #! key=value ...          options: start=2024-03-06T10:00:00 micro=yes|no agent=Container|Instance
                            oldstates=yes (Success: true|false)
  #> path key=value ...     one output under Fixtures/: shape=raw|export|json|json-compact
                            gzip=yes crlf=yes console=yes truncate=<fraction of the gzip kept>
  @ message                 an agent line now;  @+12.5 message  advances the clock first
  ~+30                      advances the clock without printing (a long-running command)
  %preamble k=v ...         DOWNLOAD_SOURCE preamble: src= source= phases=BUILD:2,POST_BUILD:1
                            runtime=nodejs:18 (optional) decrypt=parameter-store (optional)
  %enter PHASE              Entering phase PHASE
  %run command              Running command ...;   following lines starting with '| ' continue
                            a multi-line (YAML block scalar) command
  %ok                       the current phase completed successfully
  %fail N                   the current command exited with N; the phase failed
  %phase-fail CODE | msg    the current phase failed with a context code (no command)
  %upload file ...          UPLOAD_ARTIFACTS succeeded with these files (none: report discovery only)
  %upload-missing file ...  UPLOAD_ARTIFACTS failed: no matching artifact paths found
  \\                        an empty tool output line (a plain empty line is one too)
  \\@… \\%… \\~… \\#…         a tool output line that starts with one of the directive characters
  anything else             a tool output line, verbatim (ANSI escapes written as \\x1b are decoded)
"""
import datetime as dt
import gzip
import io
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # Fixtures/


class Renderer:
    def __init__(self, name, options):
        self.rng = random.Random(name)
        self.clock = dt.datetime.fromisoformat(options.get("start", "2024-03-06T10:00:00"))
        self.clock += dt.timedelta(microseconds=self.rng.randrange(1000, 900000))
        self.micro = options.get("micro", "yes") == "yes"
        self.agent = options.get("agent", "Container")
        # Agents before 2019 printed `Success: true|false` instead of `State: …`.
        self.old_states = options.get("oldstates", "no") == "yes"
        self.lines = []  # (event time, text)
        self.phase = None
        self.command = None  # text of the running command (may end in "\n" when multi-line)
        self.in_output = False

    # -- clock -----------------------------------------------------------------------------
    def tick(self, low=200, high=9000):
        self.clock += dt.timedelta(microseconds=self.rng.randrange(low, high))

    def advance(self, seconds):
        self.clock += dt.timedelta(seconds=seconds)

    # -- lines -----------------------------------------------------------------------------
    def stamp(self):
        if self.micro:
            return self.clock.strftime("%Y/%m/%d %H:%M:%S.%f")
        return self.clock.strftime("%Y/%m/%d %H:%M:%S")

    def agent_line(self, message):
        if self.in_output:
            # The agent ends every command's output with an empty line.
            self.out_line("")
            self.in_output = False
        self.tick()
        if message.startswith("Entering phase "):
            self.phase = message[len("Entering phase "):]
        text = f"[{self.agent}] {self.stamp()} {message}"
        for part in text.split("\n"):
            self.lines.append((self.clock, part))

    def out_line(self, text):
        self.tick(100, 20000)
        self.lines.append((self.clock, text))

    # -- directives ------------------------------------------------------------------------
    def preamble(self, args):
        src = args["src"]
        if self.micro:
            self.agent_line("Running on CodeBuild On-demand")
        self.agent_line("Waiting for agent ping")
        self.tick(150000, 400000)
        self.agent_line("Waiting for DOWNLOAD_SOURCE")
        self.tick(800000, 2500000)
        self.agent_line("Phase is DOWNLOAD_SOURCE")
        self.agent_line(f"CODEBUILD_SRC_DIR={src}")
        self.agent_line(f"YAML location is {args.get('yaml', src + '/buildspec.yml')}")
        source = args.get("source", "github")
        if source == "s3":
            self.agent_line("Setting HTTP client timeout to higher timeout for S3 source")
        elif source == "github":
            self.agent_line("Setting HTTP client timeout to higher timeout for Github and GitHub Enterprise sources")
        self.agent_line("Processing environment variables")
        if args.get("decrypt") == "parameter-store":
            self.agent_line("Decrypting parameter store environment variables")
        if "runtime" in args:
            lang, version = args["runtime"].split(":")
            self.agent_line(f"Selecting '{lang}' runtime version '{version}' based on manual selections...")
        elif self.micro:
            self.agent_line("No runtime version selected in buildspec.")
        self.tick(50000, 300000)
        self.agent_line(f"Moving to directory {src}")
        if self.micro:
            self.agent_line("Cache is not defined in the buildspec")
            self.agent_line("Skip cache due to: no paths specified to be cached")
        self.agent_line("Registering with agent")
        phases = [p.split(":") for p in args["phases"].split(",")]
        self.agent_line(f"Phases found in YAML: {len(phases)}")
        for phase, count in phases:
            self.agent_line(f" {phase}: {count} commands")
        self.phase = "DOWNLOAD_SOURCE"
        self.ok()

    def state(self, success):
        if self.old_states:
            return "Success: true" if success else "Success: false"
        return "State: SUCCEEDED" if success else "State: FAILED"

    def enter(self, phase):
        self.tick(20000, 120000)
        self.agent_line(f"Entering phase {phase}")
        self.phase = phase

    def run(self, command):
        self.agent_line(f"Running command {command}")
        self.command = command
        # A block-scalar command ends in "\n", which the agent prints as an empty line.
        self.in_output = True

    def ok(self):
        self.agent_line(f"Phase complete: {self.phase} {self.state(True)}")
        self.agent_line("Phase context status code:  Message: ")
        self.command = None

    def fail(self, status):
        self.agent_line(f"Command did not exit successfully {self.command} exit status {status}")
        self.agent_line(f"Phase complete: {self.phase} {self.state(False)}")
        self.agent_line("Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing "
                        f"command: {self.command}. Reason: exit status {status}")
        self.command = None

    def phase_fail(self, code, message):
        self.agent_line(f"Phase complete: {self.phase} {self.state(False)}")
        self.agent_line(f"Phase context status code: {code} Message: {message}")

    def discovery(self):
        self.agent_line("Set report auto-discover timeout to 5 seconds")
        self.expand("**/*")
        self.agent_line("No matching auto-discover report paths found")
        self.agent_line(f"Report auto-discover file discovery took {self.rng.uniform(0.003, 0.02):.6f} seconds")

    def expand(self, pattern):
        base = "Expanding base directory path:  ." if self.micro else "Expanding base directory path: ."
        self.agent_line(base)
        self.agent_line("Assembling file list")
        self.agent_line("Expanding .")
        self.agent_line("Expanding file paths for base directory .")
        self.agent_line("Assembling file list")
        self.agent_line(f"Expanding {pattern}")

    def upload(self, files, found):
        if self.phase == "BUILD":
            # The agent enters POST_BUILD even when the buildspec has no post_build section.
            self.enter("POST_BUILD")
            self.ok()
        self.tick(20000, 80000)
        self.phase = "UPLOAD_ARTIFACTS"
        if files:
            for name in files:
                self.expand(name) if name == files[0] else self.agent_line(f"Expanding {name}")
            if not found:
                for name in files:
                    self.agent_line(f"Skipping invalid file path {name}")
                self.agent_line(f"Phase complete: UPLOAD_ARTIFACTS {self.state(False)}")
                self.agent_line("Phase context status code: CLIENT_ERROR Message: no matching artifact paths found")
                return
            self.agent_line(f"Found {len(files)} file(s)")
        if self.micro:
            self.discovery()
        self.agent_line(f"Phase complete: UPLOAD_ARTIFACTS {self.state(True)}")
        self.agent_line("Phase context status code:  Message: ")


def parse_options(text):
    options = {}
    for item in text.split():
        key, _, value = item.partition("=")
        options[key] = value
    return options


def render_template(path):
    name = os.path.basename(path)[: -len(".tmpl")]
    with open(path, encoding="utf-8") as handle:
        raw = handle.read().split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    options, outputs, body = {}, [], []
    for line in raw:
        if line.startswith("#! "):
            options.update(parse_options(line[3:]))
        elif line.startswith("#> "):
            target, _, rest = line[3:].partition(" ")
            outputs.append((target, parse_options(rest)))
        else:
            body.append(line)
    renderer = Renderer(name, options)
    index = 0
    while index < len(body):
        line = body[index]
        index += 1
        if line.startswith("@"):
            head, _, message = line.partition(" ")
            if head.startswith("@+"):
                renderer.advance(float(head[2:]))
            renderer.agent_line(message)
        elif line.startswith("~+"):
            renderer.advance(float(line[2:]))
        elif line.startswith("%"):
            directive, _, rest = line[1:].partition(" ")
            if directive == "preamble":
                renderer.preamble(parse_options(rest))
            elif directive == "enter":
                renderer.enter(rest.strip())
            elif directive == "run":
                command = rest
                continuation = []
                while index < len(body) and body[index].startswith("| "):
                    continuation.append(body[index][2:])
                    index += 1
                if continuation:
                    command = "\n".join([command] + continuation) + "\n"
                renderer.run(command)
            elif directive == "ok":
                renderer.ok()
            elif directive == "fail":
                renderer.fail(int(rest))
            elif directive == "phase-fail":
                code, _, message = rest.partition(" | ")
                renderer.phase_fail(code, message)
            elif directive == "upload":
                renderer.upload(rest.split(), True)
            elif directive == "upload-missing":
                renderer.upload(rest.split(), False)
            else:
                raise SystemExit(f"{path}: unknown directive %{directive}")
        else:
            if line == "\\" or (line[:1] == "\\" and line[1:2] in "@~%#\\"):
                line = line[1:]  # an escaped empty line or directive character; "\x1b…" is not an escape
            renderer.out_line(line.replace("\\x1b", "\x1b"))
    for target, output_options in outputs:
        write_output(os.path.join(ROOT, target), renderer.lines, output_options)
    return [target for target, _ in outputs]


def millis(moment):
    return int(moment.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)


def shape_text(lines, options):
    shape = options.get("shape", "raw")
    if shape == "raw":
        texts = [text for _, text in lines]
        if options.get("console") == "yes":
            # The console's copy: the first line bare, a '--' rule, then a line-number column.
            numbered = [texts[0], "--"]
            for number, text in enumerate(texts[1:], start=2):
                numbered.append(f"{number} | {text}" if text else str(number))
            texts = numbered
        newline = "\r\n" if options.get("crlf") == "yes" else "\n"
        return newline.join(texts) + newline
    if shape == "export":
        out = []
        for moment, text in lines:
            stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
            out.append(f"{stamp} {text}")
        return "\n".join(out) + "\n"
    if shape in ("json", "json-compact"):
        events = []
        for moment, text in lines:
            stamp = millis(moment)
            events.append({"timestamp": stamp, "message": text + "\n", "ingestionTime": stamp + 437})
        token = "".join(str((millis(lines[-1][0]) >> shift) & 0xF) for shift in range(0, 56, 4))
        document = {
            "events": events,
            "nextForwardToken": "f/" + token.ljust(56, "0"),
            "nextBackwardToken": "b/" + token.rjust(56, "1"),
        }
        if shape == "json":
            return json.dumps(document, indent=4, ensure_ascii=False) + "\n"
        return json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    raise SystemExit(f"unknown shape {shape}")


def write_output(path, lines, options):
    data = shape_text(lines, options).encode("utf-8")
    if options.get("gzip") == "yes":
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=6) as packed:
            packed.write(data)
        data = buffer.getvalue()
        if "truncate" in options:
            # The cut is a fraction of the compressed size, so it stays inside the noise
            # whatever the compressor does; the failing lines come well before it.
            data = data[: int(len(data) * float(options["truncate"]))]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def main():
    sources = os.path.join(ROOT, "sources")
    written = []
    for entry in sorted(os.listdir(sources)):
        if entry.endswith(".tmpl"):
            written += render_template(os.path.join(sources, entry))
    print(f"rendered {len(written)} files from {sources}")


if __name__ == "__main__":
    sys.exit(main())
