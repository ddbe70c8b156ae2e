import "cdktf/lib/testing/adapters/jest";
import { renderUserData, UserDataOptions } from "../src/private/user-data";
import { shellcheck } from "./shell";

const full: UserDataOptions = {
  elasticIpAllocationId: "eipalloc-0123456789abcdef0",
  logGroupName: "/bastion/stack-Bastion",
  tcpForwarding: true,
  x11Forwarding: true,
  bannerText: 'Authorized use only.\nIt\'s ${logged} & 100% audited: "quotes" \\ %{x}\n',
  securityUpdates: true,
  bootstrapScriptUrl: "https://example.com/scripts/setup.sh?v=1",
};
const minimal: UserDataOptions = {
  logGroupName: "/bastion/stack-Bastion",
  tcpForwarding: false,
  x11Forwarding: false,
  securityUpdates: false,
};

describe("renderUserData", () => {
  describe("shellcheck", () => {
    it.each([
      ["every option on", full],
      ["every option off (SSM-only)", minimal],
      ["an s3:// bootstrap script", { ...minimal, bootstrapScriptUrl: "s3://my-bucket/bastion/init.sh" }],
    ])("renders a script that passes shellcheck with %s", (_name, options) => {
      // GIVEN
      const script = renderUserData(options);
      // WHEN
      const result = shellcheck(script);
      // THEN
      expect(result.output).toBe("");
      expect(result.code).toBe(0);
    });
  });

  describe("content", () => {
    it("starts with a bash shebang and strict mode", () => {
      const script = renderUserData(minimal);
      expect(script.startsWith("#!/bin/bash\n")).toBe(true);
      expect(script).toContain("set -euo pipefail");
    });

    it("never contains a Terraform interpolation start, even with a hostile banner", () => {
      // GIVEN a banner with ${ and %{ WHEN rendered THEN the text is carried base64-encoded
      const script = renderUserData(full);
      expect(script).not.toMatch(/\$\{|%\{/);
      const encoded = /printf '%s' '([A-Za-z0-9+/=]+)' \| base64 -d > \/etc\/ssh\/bastion-banner/.exec(
        script,
      );
      expect(encoded).not.toBeNull();
      expect(Buffer.from(encoded![1], "base64").toString("utf8")).toBe(full.bannerText);
    });

    it("reads instance identity only through an IMDSv2 token", () => {
      const script = renderUserData(full);
      expect(script).toContain("X-aws-ec2-metadata-token-ttl-seconds: 300");
      expect(script).toContain('-H "X-aws-ec2-metadata-token: $token"');
      const metadataCalls = script.split("\n").filter((l) => l.includes("169.254.169.254/latest/meta-data"));
      expect(metadataCalls).toHaveLength(1);
      expect(metadataCalls[0]).toContain("X-aws-ec2-metadata-token: $token");
    });

    it("associates the Elastic IP with reassociation, retrying while the role propagates", () => {
      const script = renderUserData(full);
      expect(script).toContain("EIP_ALLOCATION_ID='eipalloc-0123456789abcdef0'");
      expect(script).toContain(
        'aws ec2 associate-address --instance-id "$INSTANCE_ID" --allocation-id "$EIP_ALLOCATION_ID"',
      );
      expect(script).toContain("--allow-reassociation");
      expect(script).toContain("for attempt in $(seq 1 30)");
    });

    it("has no Elastic IP step without an allocation id", () => {
      expect(renderUserData(minimal)).not.toContain("associate-address");
    });

    it.each([
      [false, false, "AllowTcpForwarding no", "X11Forwarding no"],
      [true, true, "AllowTcpForwarding local", "X11Forwarding yes"],
    ])("renders the forwarding toggles (tcp=%s, x11=%s)", (tcp, x11, tcpLine, x11Line) => {
      const script = renderUserData({ ...minimal, tcpForwarding: tcp, x11Forwarding: x11 });
      expect(script).toContain(`\n${tcpLine}\n`);
      expect(script).toContain(`\n${x11Line}\n`);
      expect(script).toContain("\nPasswordAuthentication no\n");
      expect(script).toContain("\nPermitRootLogin no\n");
    });

    it("sets the banner directive only when a banner is given", () => {
      expect(renderUserData(full)).toContain("\nBanner /etc/ssh/bastion-banner\n");
      expect(renderUserData(minimal)).toContain("\nBanner none\n");
      expect(renderUserData(minimal)).not.toContain("bastion-banner");
    });

    it("audits execve for 64- and 32-bit calls and removes AL2023's task,never rule", () => {
      const script = renderUserData(minimal);
      expect(script).toContain("-a always,exit -F arch=b64 -S execve -k bastion-execve");
      expect(script).toContain("-a always,exit -F arch=b32 -S execve -k bastion-execve");
      expect(script).toContain("sed -i '/^-a task,never/d' /etc/audit/rules.d/audit.rules");
      expect(script).toContain("augenrules --load");
    });

    it("installs the CloudWatch agent, the PostgreSQL 15 client and jq from the AL2023 repositories", () => {
      const script = renderUserData(minimal);
      expect(script).toMatch(/dnf -y .*install amazon-cloudwatch-agent postgresql15 jq audit/);
    });

    it("downloads nothing at boot except the user's own script", () => {
      // THEN the only network fetches are IMDS, and the user script in the full variant
      for (const options of [minimal, full]) {
        const fetches = renderUserData(options)
          .replace(/\\\n\s*/g, " ") // join continuation lines
          .split("\n")
          .filter(
            (l) =>
              /\b(curl|wget|aws s3)\b/.test(l) && !l.includes("169.254.169.254") && !l.trim().startsWith("#"),
          );
        expect(fetches).toEqual(
          options.bootstrapScriptUrl
            ? [
                '  s3://*) aws s3 cp --only-show-errors "$BOOTSTRAP_SCRIPT_URL" "$user_script" ;;',
                `  *) curl -fsSL --proto '=https' --tlsv1.2 --retry 5 -o "$user_script" "$BOOTSTRAP_SCRIPT_URL" ;;`,
              ]
            : [],
        );
      }
    });

    it("ships the command, sshd, audit and bootstrap logs to the given log group", () => {
      const script = renderUserData(minimal);
      const config = /bastion\.json <<'EOF'\n([\s\S]*?)\nEOF/.exec(script);
      expect(config).not.toBeNull();
      const parsed = JSON.parse(config![1]);
      const files = parsed.logs.logs_collected.files.collect_list;
      expect(files.map((f: { file_path: string }) => f.file_path)).toEqual([
        "/var/log/bastion/commands.log",
        "/var/log/bastion/sshd.log",
        "/var/log/audit/audit.log",
        "/var/log/bastion/bootstrap.log",
      ]);
      for (const f of files) expect(f.log_group_name).toBe("/bastion/stack-Bastion");
    });

    it("installs a daily security-update timer only when asked", () => {
      expect(renderUserData(full)).toContain(
        "ExecStart=/usr/bin/dnf -y --releasever=latest upgrade --security",
      );
      expect(renderUserData(full)).toContain("OnCalendar=daily");
      expect(renderUserData(full)).toContain("systemctl enable --now bastion-security-updates.timer");
      expect(renderUserData(minimal)).not.toContain("bastion-security-updates");
    });

    it("runs the user's bootstrap script last", () => {
      const script = renderUserData(full);
      const userScript = script.indexOf("# --- User bootstrap script");
      expect(userScript).toBeGreaterThan(script.indexOf("# --- psql defaults"));
      expect(userScript).toBeGreaterThan(script.indexOf("# --- CloudWatch agent"));
      expect(script.indexOf("# ---", userScript + 1)).toBe(-1);
    });

    it("writes the psql defaults of the reference (BAS-28)", () => {
      const script = renderUserData(minimal);
      expect(script).toContain("\\set HISTSIZE 5000");
      expect(script).toContain("\\set COMP_KEYWORD_CASE upper");
      expect(script).toContain("\\set version 'SELECT version();'");
    });

    it("fails when a fragment would contain a Terraform interpolation", () => {
      expect(() => renderUserData({ ...minimal, logGroupName: "${var.x}" })).toThrow(
        /bastion user data contains "\$\{" \(offset \d+\), which Terraform would interpolate/,
      );
    });
  });
});
