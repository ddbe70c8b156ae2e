/**
 * Per-command shell logging (BAS-33, modernized): an /etc/profile.d script hooks PROMPT_COMMAND and
 * sends one compact JSON line per interactive command to the journal (identifier
 * {@link COMMAND_LOG_IDENTIFIER}); a systemd service copies those messages verbatim to
 * {@link COMMAND_LOG_FILE}, which the CloudWatch agent ships to the bastion's log group, where the
 * metric filter {@link COMMAND_METRIC_FILTER_PATTERN} counts them.
 *
 * The JSON is built by `jq` (correct escaping of any command text); the line format lives in
 * exactly one place, {@link COMMAND_LOG_JQ_FILTER}, which the profile script embeds.
 */

/** Value of the `event` field of every command line; the metric filter matches on it. */
export const COMMAND_LOG_EVENT = "bastion-command";

/** Journal identifier (`logger -t`) of command lines. */
export const COMMAND_LOG_IDENTIFIER = "bastion-cmd";

/** File the journal forwarder writes and the CloudWatch agent ships. */
export const COMMAND_LOG_FILE = "/var/log/bastion/commands.log";

/** Longest command text kept in one line (characters); longer commands are cut. */
export const COMMAND_MAX_CHARS = 2000;

/**
 * CloudWatch Logs filter pattern of the command metric (JSON syntax): matches exactly the lines
 * written by the profile script, and nothing else the agent ships (audit and bootstrap lines are
 * not JSON). The reference's `USER_LOGIN` never matched its own log lines (BAS-19).
 */
export const COMMAND_METRIC_FILTER_PATTERN = `{ $.event = "${COMMAND_LOG_EVENT}" }`;

/**
 * The jq program that formats one command line. Inputs (`--arg`): `entry` (the raw `history 1`
 * output, with its history number), `user`, `from` (SSH client address or "local"), `tty`, `pwd`.
 * Output: `{"event":"bastion-command","time":"<UTC ISO 8601>","user":..,"from":..,"tty":..,"pwd":..,"cmd":..}`.
 */
export const COMMAND_LOG_JQ_FILTER =
  `{event: "${COMMAND_LOG_EVENT}", time: (now | todate), user: $user, from: $from, tty: $tty, pwd: $pwd, ` +
  `cmd: ($entry | sub("^ *[0-9]+[*]? +"; "") | gsub("\\n"; " ") | .[0:${COMMAND_MAX_CHARS}])}`;

/** Content of /etc/profile.d/bastion-command-log.sh. Free of `${` (see user-data.ts). */
export function commandLogProfileScript(): string {
  return `# Installed by @aurora-cdktf/bastion-asg (BAS-33). Sends every interactive bash command to the
# journal (identifier ${COMMAND_LOG_IDENTIFIER}) as one JSON line; bastion-command-log.service copies the lines
# to ${COMMAND_LOG_FILE} and the CloudWatch agent ships them. auditd execve rules record
# every executed program independently of the shell.
# shellcheck shell=bash
if [ -n "$BASH_VERSION" ] && [ -n "$PS1" ]; then
  HISTCONTROL=
  __bastion_user=$(id -un)
  __bastion_from=$(printf '%s\\n' "$SSH_CONNECTION" | cut -d ' ' -f 1)
  [ -n "$__bastion_from" ] || __bastion_from=local
  __bastion_tty=$SSH_TTY
  __bastion_last_entry=
  __bastion_log_command() {
    local entry line
    entry=$(HISTTIMEFORMAT='' builtin history 1)
    if [ -z "$entry" ] || [ "$entry" = "$__bastion_last_entry" ]; then
      return 0
    fi
    __bastion_last_entry=$entry
    # shellcheck disable=SC2016 # $user etc. are jq variables
    line=$(jq -cn --arg entry "$entry" --arg user "$__bastion_user" --arg from "$__bastion_from" \\
      --arg tty "$__bastion_tty" --arg pwd "$PWD" '${COMMAND_LOG_JQ_FILTER}') || return 0
    logger -t ${COMMAND_LOG_IDENTIFIER} -p authpriv.info --size 8192 -- "$line"
  }
  PROMPT_COMMAND="__bastion_log_command;$PROMPT_COMMAND"
fi
`;
}

/** One systemd unit that copies journal messages of one identifier to a file (the agent cannot read the journal). */
export interface JournalForwarder {
  /** Unit file name, e.g. "bastion-command-log.service". */
  readonly unit: string;
  /** Unit file content. */
  readonly content: string;
}

/** The journal forwarders: command lines verbatim, sshd messages with ISO timestamps. */
export function journalForwarders(): JournalForwarder[] {
  return [
    forwarder(
      "bastion-command-log.service",
      "Copy bastion command lines from the journal to " + COMMAND_LOG_FILE,
      COMMAND_LOG_IDENTIFIER,
      "cat",
      COMMAND_LOG_FILE,
    ),
    forwarder(
      "bastion-sshd-log.service",
      "Copy sshd messages from the journal to /var/log/bastion/sshd.log",
      "sshd",
      "short-iso",
      "/var/log/bastion/sshd.log",
    ),
  ];
}

function forwarder(
  unit: string,
  description: string,
  identifier: string,
  output: string,
  file: string,
): JournalForwarder {
  const cursor = `/var/lib/bastion/${unit.replace(/\.service$/, "")}.cursor`;
  return {
    unit,
    content: `[Unit]
Description=${description}
After=systemd-journald.service

[Service]
ExecStart=/usr/bin/journalctl --follow --no-pager --identifier=${identifier} --output=${output} --cursor-file=${cursor}
StandardOutput=append:${file}
Restart=always
RestartSec=5

[Install]
WantedBy=multi-user.target
`,
  };
}
