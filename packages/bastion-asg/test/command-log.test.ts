import "cdktf/lib/testing/adapters/jest";
import {
  commandLogProfileScript,
  COMMAND_LOG_EVENT,
  COMMAND_METRIC_FILTER_PATTERN,
  journalForwarders,
} from "../src/private/command-log";
import { filterPatternMatches } from "./filter-pattern";
import { runInteractiveShell, shellcheck } from "./shell";

// Lines of the other streams the CloudWatch agent ships to the same log group.
const otherLines = [
  // auditd EXECVE record of the logger call itself (arguments with spaces are hex-encoded)
  'type=EXECVE msg=audit(1700000000.123:456): argc=8 a0="logger" a1="-t" a2="bastion-cmd" a3="-p" a4="authpriv.info" a5="--size" a6="8192" a7=7B226576656E74223A226261737469',
  "2024-05-01T10:00:00+0000 ip-10-0-0-10 sshd[1234]: Accepted publickey for ec2-user from 203.0.113.5 port 50000 ssh2",
  "bastion bootstrap: start 2024-05-01T10:00:00Z",
  '{"event":"something-else","cmd":"ls"}',
];

describe("command logging", () => {
  describe("profile script", () => {
    it("passes shellcheck", () => {
      const result = shellcheck(commandLogProfileScript());
      expect(result.output).toBe("");
      expect(result.code).toBe(0);
    });

    it("logs one JSON line per interactive command, with user, source address, directory and command", () => {
      // GIVEN the profile script in an interactive bash over "SSH"
      // WHEN three commands run, one of them multi-line with quotes, and an empty line
      const lines = runInteractiveShell(
        commandLogProfileScript(),
        ["cd /", "echo \"it's\" 'quoted' $((1 + 1))", "", 'echo "two', 'lines"'],
        { SSH_CONNECTION: "203.0.113.5 50000 10.0.0.10 22", SSH_TTY: "/dev/pts/0", USER: "alice" },
      );
      // THEN
      expect(lines).toHaveLength(3);
      const events = lines.map((l) => JSON.parse(l));
      expect(events.map((e) => e.cmd)).toEqual([
        "cd /",
        "echo \"it's\" 'quoted' $((1 + 1))",
        'echo "two lines"', // the newline inside the quotes becomes a space: one event per command
      ]);
      for (const e of events) {
        expect(Object.keys(e)).toEqual(["event", "time", "user", "from", "tty", "pwd", "cmd"]);
        expect(e.event).toBe(COMMAND_LOG_EVENT);
        expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(e.from).toBe("203.0.113.5");
        expect(e.tty).toBe("/dev/pts/0");
        expect(e.user).toMatch(/\S/);
      }
      expect(events[1].pwd).toBe("/");
    });

    it("logs commands that start with a space and repeated commands (no HISTCONTROL escape)", () => {
      const lines = runInteractiveShell(commandLogProfileScript(), [" true", "true", "true"], {
        HISTCONTROL: "ignoreboth",
      });
      expect(lines.map((l) => JSON.parse(l).cmd)).toEqual(["true", "true", "true"]);
    });

    it("reports 'local' as the source of a session without SSH", () => {
      const lines = runInteractiveShell(commandLogProfileScript(), ["true"]);
      expect(JSON.parse(lines[0]).from).toBe("local");
    });

    it("cuts very long commands to 2000 characters and keeps the line valid JSON", () => {
      const long = `echo ${"x".repeat(5000)}`;
      const lines = runInteractiveShell(commandLogProfileScript(), [long]);
      expect(JSON.parse(lines[0]).cmd).toBe(long.slice(0, 2000));
    });
  });

  describe("metric filter pattern", () => {
    it("is the JSON pattern on the event field", () => {
      expect(COMMAND_METRIC_FILTER_PATTERN).toBe('{ $.event = "bastion-command" }');
    });

    it("matches every line the profile script writes", () => {
      // GIVEN lines produced by the real profile script
      const lines = runInteractiveShell(commandLogProfileScript(), ["ls -la", 'psql "host=db port=5432"']);
      expect(lines).toHaveLength(2);
      // THEN each one matches the metric filter
      for (const line of lines) expect(filterPatternMatches(COMMAND_METRIC_FILTER_PATTERN, line)).toBe(true);
    });

    it.each(otherLines)("does not match other lines of the log group: %s", (line) => {
      expect(filterPatternMatches(COMMAND_METRIC_FILTER_PATTERN, line)).toBe(false);
    });

    it("replaces the reference's USER_LOGIN pattern, which never matches a command line (BAS-19)", () => {
      const lines = runInteractiveShell(commandLogProfileScript(), ["whoami"]);
      expect(filterPatternMatches("USER_LOGIN", lines[0])).toBe(false);
      expect(filterPatternMatches(COMMAND_METRIC_FILTER_PATTERN, lines[0])).toBe(true);
    });
  });

  describe("journal forwarders", () => {
    it("copy command lines verbatim and sshd lines with timestamps, resuming from a cursor", () => {
      const [commands, sshd] = journalForwarders();
      expect(commands.unit).toBe("bastion-command-log.service");
      expect(commands.content).toContain(
        "ExecStart=/usr/bin/journalctl --follow --no-pager --identifier=bastion-cmd --output=cat --cursor-file=/var/lib/bastion/bastion-command-log.cursor",
      );
      expect(commands.content).toContain("StandardOutput=append:/var/log/bastion/commands.log");
      expect(sshd.content).toContain("--identifier=sshd --output=short-iso");
      expect(sshd.content).toContain("StandardOutput=append:/var/log/bastion/sshd.log");
    });
  });
});

describe("filterPatternMatches (test helper)", () => {
  it.each([
    ['{ $.event = "a" }', '{"event":"a"}', true],
    ['{ $.event = "a" }', '{"event":"b"}', false],
    ['{ $.event = "a*" }', '{"event":"abc"}', true],
    ['{ $.event != "a" }', '{"event":"b"}', true],
    ['{ $.a.b = "x" && $.c = "y" }', '{"a":{"b":"x"},"c":"y"}', true],
    ['{ $.a.b = "x" && $.c = "y" }', '{"a":{"b":"x"},"c":"z"}', false],
    ['{ $.c = "y" || $.c = "z" }', '{"c":"z"}', true],
    ['{ $.event = "a" }', "event = a", false],
    ['{ $.event = "a" }', '["a"]', false],
    ["ERROR", "an ERROR here", true],
    ['"exact phrase" other', "an exact phrase and other", true],
    ['"exact phrase" other', "an exact phrase", false],
    ["", "anything", true],
  ])("evaluates %s against %s as %s", (pattern, event, expected) => {
    expect(filterPatternMatches(pattern, event)).toBe(expected);
  });

  it("fails on syntax it does not implement", () => {
    expect(() => filterPatternMatches("[ip, user]", "1.2.3.4 bob")).toThrow(/unsupported term syntax/);
    expect(() => filterPatternMatches("{ $.n > 3 }", '{"n":4}')).toThrow(/unsupported JSON comparison/);
  });
});
