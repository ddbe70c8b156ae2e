/**
 * The bastion's first-boot script (cloud-init user data), rendered at synth time. It replaces the
 * reference's cfn-init, Quick Start bucket downloads and bastion_bootstrap.sh (MOD-09, MOD-13):
 * everything it needs is written inline, and packages come from the Amazon Linux 2023 repositories.
 *
 * The script must not contain `${` or `%{`: it is embedded in a Terraform string expression (the
 * allocation id and log group name are references), where both start an interpolation. Bash
 * `$VAR` forms are used instead of `${VAR}`; the renderer checks it.
 */
import { commandLogProfileScript, COMMAND_LOG_FILE, journalForwarders } from "./command-log";

/** Inputs of {@link renderUserData}. Strings may be cdktf tokens (they are quoted by the script). */
export interface UserDataOptions {
  /** Allocation id of the Elastic IP to take at boot; unset: no association (SSM-only). */
  readonly elasticIpAllocationId?: string;
  /** Log group the CloudWatch agent writes to. */
  readonly logGroupName: string;
  /** `AllowTcpForwarding local` instead of `no` (BAS-10). */
  readonly tcpForwarding: boolean;
  /** `X11Forwarding yes` instead of `no` (BAS-11). */
  readonly x11Forwarding: boolean;
  /** Text of the SSH banner (BAS-08/09); unset: no banner. Must be a plain string. */
  readonly bannerText?: string;
  /** Install the daily security-update timer and follow the latest AL2023 release. */
  readonly securityUpdates: boolean;
  /** https:// or s3:// URL of a user script run last (BAS-12); unset: none. */
  readonly bootstrapScriptUrl?: string;
}

/** Log file of the bootstrap itself (shipped to CloudWatch). */
export const BOOTSTRAP_LOG_FILE = "/var/log/bastion/bootstrap.log";

/** Renders the complete user data script. */
export function renderUserData(o: UserDataOptions): string {
  const parts = [
    header(o),
    sshdHardening(o),
    auditRules(),
    o.elasticIpAllocationId !== undefined ? elasticIp(o.elasticIpAllocationId) : "",
    packages(o),
    commandLogging(),
    cloudWatchAgent(o.logGroupName),
    o.securityUpdates ? securityUpdates() : "",
    psqlrc(),
    o.bootstrapScriptUrl !== undefined ? userScript(o.bootstrapScriptUrl) : "",
    footer(),
  ];
  const script = parts.filter((p) => p !== "").join("\n");
  // cdktf token markers (`${TfToken[TOKEN.n]}`) become Terraform references, which is intended.
  const bad = /\$\{|%\{/.exec(script.replace(/\$\{TfToken\[TOKEN\.\d+\]\}/g, ""));
  if (bad) {
    throw new Error(
      `bastion user data contains "${bad[0]}" (offset ${bad.index}), which Terraform would interpolate`,
    );
  }
  return script;
}

function header(o: UserDataOptions): string {
  return `#!/bin/bash
# Bastion bootstrap rendered by @aurora-cdktf/bastion-asg. cloud-init runs it once, as root, at
# first boot. Nothing is downloaded from third-party buckets or repositories: packages come from
# the Amazon Linux 2023 repositories only.
set -euo pipefail
umask 022
mkdir -p /var/log/bastion /var/lib/bastion
exec > >(tee -a ${BOOTSTRAP_LOG_FILE}) 2>&1
trap 'echo "bastion bootstrap: command failed at line $LINENO" >&2' ERR
echo "bastion bootstrap: start $(date -u +%Y-%m-%dT%H:%M:%SZ)"
FAILED=""

LOG_GROUP_NAME='${o.logGroupName}'

# Instance metadata through IMDSv2 (a session token; the launch template disables IMDSv1).
imds() {
  local token
  token=$(curl -sS --fail --retry 5 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' \\
    http://169.254.169.254/latest/api/token)
  curl -sS --fail --retry 5 -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/meta-data/$1"
}
INSTANCE_ID=$(imds instance-id)
AWS_DEFAULT_REGION=$(imds placement/region)
export AWS_DEFAULT_REGION
echo "bastion bootstrap: instance $INSTANCE_ID in $AWS_DEFAULT_REGION, log group $LOG_GROUP_NAME"
`;
}

function sshdHardening(o: UserDataOptions): string {
  const banner =
    o.bannerText !== undefined
      ? `printf '%s' '${Buffer.from(o.bannerText, "utf8").toString("base64")}' | base64 -d > /etc/ssh/bastion-banner
chmod 644 /etc/ssh/bastion-banner
`
      : "";
  return `# --- SSH hardening (BAS-32). Files in sshd_config.d are read first; the first value wins.
${banner}cat > /etc/ssh/sshd_config.d/10-bastion.conf <<'EOF'
# Managed by @aurora-cdktf/bastion-asg.
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitEmptyPasswords no
MaxAuthTries 3
LoginGraceTime 30
ClientAliveInterval 300
ClientAliveCountMax 2
AllowAgentForwarding no
PermitTunnel no
GatewayPorts no
AllowTcpForwarding ${o.tcpForwarding ? "local" : "no"}
X11Forwarding ${o.x11Forwarding ? "yes" : "no"}
Banner ${o.bannerText !== undefined ? "/etc/ssh/bastion-banner" : "none"}
EOF
chmod 600 /etc/ssh/sshd_config.d/10-bastion.conf
sshd -t
systemctl reload sshd
`;
}

function auditRules(): string {
  return `# --- auditd: record every execve (BAS-28/29). AL2023 ships "-a task,never", which turns
# syscall auditing off; it is removed so the rules below take effect.
sed -i '/^-a task,never/d' /etc/audit/rules.d/audit.rules
cat > /etc/audit/rules.d/50-bastion-execve.rules <<'EOF'
-a always,exit -F arch=b64 -S execve -k bastion-execve
-a always,exit -F arch=b32 -S execve -k bastion-execve
EOF
augenrules --load
`;
}

function elasticIp(allocationId: string): string {
  return `# --- Elastic IP (BAS-23/33): take the bastion's address, also from a previous instance.
EIP_ALLOCATION_ID='${allocationId}'
associated=no
for attempt in $(seq 1 30); do
  if aws ec2 associate-address --instance-id "$INSTANCE_ID" --allocation-id "$EIP_ALLOCATION_ID" \\
    --allow-reassociation --output text >/dev/null; then
    associated=yes
    break
  fi
  echo "bastion bootstrap: associate-address attempt $attempt failed, retrying in 10 s"
  sleep 10
done
if [ "$associated" = yes ]; then
  echo "bastion bootstrap: associated $EIP_ALLOCATION_ID"
else
  FAILED="$FAILED elastic-ip"
fi
`;
}

function packages(o: UserDataOptions): string {
  const releasever = o.securityUpdates
    ? `# Follow the latest AL2023 release so that updates are not pinned to the AMI's release.
echo latest > /etc/dnf/vars/releasever
`
    : "";
  return `# --- Packages from the AL2023 repositories: CloudWatch agent, PostgreSQL client, jq.
${releasever}dnf -y --setopt=retries=5 install amazon-cloudwatch-agent postgresql15 jq audit
`;
}

function commandLogging(): string {
  const units = journalForwarders()
    .map((f) => `cat > /etc/systemd/system/${f.unit} <<'EOF'\n${f.content}EOF\n`)
    .join("");
  return `# --- Per-command logging (BAS-33): profile hook -> journal -> ${COMMAND_LOG_FILE} -> CloudWatch.
cat > /etc/profile.d/bastion-command-log.sh <<'EOF'
${commandLogProfileScript()}EOF
chmod 644 /etc/profile.d/bastion-command-log.sh
touch ${COMMAND_LOG_FILE} /var/log/bastion/sshd.log
chmod 600 ${COMMAND_LOG_FILE} /var/log/bastion/sshd.log
${units}cat > /etc/logrotate.d/bastion <<'EOF'
/var/log/bastion/*.log {
  weekly
  rotate 4
  compress
  missingok
  notifempty
  copytruncate
}
EOF
systemctl daemon-reload
systemctl enable --now ${journalForwarders()
    .map((f) => f.unit)
    .join(" ")}
`;
}

function cloudWatchAgent(logGroupName: string): string {
  const stream = (file: string, name: string) =>
    `          { "file_path": "${file}", "log_group_name": "${logGroupName}", "log_stream_name": "{instance_id}/${name}" }`;
  return `# --- CloudWatch agent: ships commands, sshd, audit and bootstrap logs to the log group.
cat > /opt/aws/amazon-cloudwatch-agent/etc/bastion.json <<'EOF'
{
  "agent": { "run_as_user": "root" },
  "logs": {
    "logs_collected": {
      "files": {
        "collect_list": [
${[
  stream(COMMAND_LOG_FILE, "commands"),
  stream("/var/log/bastion/sshd.log", "sshd"),
  stream("/var/log/audit/audit.log", "audit"),
  stream(BOOTSTRAP_LOG_FILE, "bootstrap"),
].join(",\n")}
        ]
      }
    }
  }
}
EOF
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s \\
  -c file:/opt/aws/amazon-cloudwatch-agent/etc/bastion.json
`;
}

function securityUpdates(): string {
  return `# --- Daily security updates (BAS-33: the reference's daily "yum update --security").
cat > /etc/systemd/system/bastion-security-updates.service <<'EOF'
[Unit]
Description=Apply security updates from the Amazon Linux 2023 repositories
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
ExecStart=/usr/bin/dnf -y --releasever=latest upgrade --security
EOF
cat > /etc/systemd/system/bastion-security-updates.timer <<'EOF'
[Unit]
Description=Daily security updates

[Timer]
OnCalendar=daily
RandomizedDelaySec=1h
Persistent=true

[Install]
WantedBy=timers.target
EOF
systemctl daemon-reload
systemctl enable --now bastion-security-updates.timer
`;
}

function psqlrc(): string {
  return `# --- psql defaults (BAS-28): for ec2-user and for users created later (ssm-user).
cat > /etc/skel/.psqlrc <<'EOF'
\\set QUIET 1
\\pset pager off
\\set COMP_KEYWORD_CASE upper
\\set VERBOSITY verbose
\\set HISTFILE ~/.psql_history- :DBNAME
\\set HISTSIZE 5000
\\set PROMPT1 '%[%033[1;33m%]%n@%M:%>%[%033[0m%] %/%R%# '
\\set version 'SELECT version();'
\\set extensions 'SELECT name, default_version, installed_version FROM pg_available_extensions ORDER BY name;'
\\unset QUIET
EOF
if id ec2-user >/dev/null 2>&1; then
  install -m 644 -o ec2-user -g ec2-user /etc/skel/.psqlrc /home/ec2-user/.psqlrc
fi
`;
}

function userScript(url: string): string {
  return `# --- User bootstrap script (BAS-12), run last.
BOOTSTRAP_SCRIPT_URL='${url}'
user_script=$(mktemp)
case "$BOOTSTRAP_SCRIPT_URL" in
  s3://*) aws s3 cp --only-show-errors "$BOOTSTRAP_SCRIPT_URL" "$user_script" ;;
  *) curl -fsSL --proto '=https' --tlsv1.2 --retry 5 -o "$user_script" "$BOOTSTRAP_SCRIPT_URL" ;;
esac
chmod 700 "$user_script"
if "$user_script"; then
  echo "bastion bootstrap: user script $BOOTSTRAP_SCRIPT_URL succeeded"
else
  FAILED="$FAILED user-script"
fi
`;
}

function footer(): string {
  return `if [ -n "$FAILED" ]; then
  echo "bastion bootstrap: finished with failures:$FAILED" >&2
  exit 1
fi
echo "bastion bootstrap: done $(date -u +%Y-%m-%dT%H:%M:%SZ)"
`;
}

/**
 * Escapes a literal string for a Terraform string expression built by cdktf: backslashes and
 * double quotes (cdktf only escapes newlines and `${`), and template directives `%{`.
 */
export function escapeForTerraformString(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/%\{/g, "%%{");
}
