import "cdktf/lib/testing/adapters/jest";
import { PostgresTunnel } from "@aurora-cdktf/postgres-bootstrap";
import { STACK_IDS } from "../src/stack";
import { resourcesOf, StackJson, synthApp } from "./util";

const LOCAL = { mode: "local", database: "appdb" } as const;

/** The remote-state reference cdktf renders for an output of another stack. */
const remote = (stack: string, output: RegExp | string): RegExp =>
  new RegExp(
    `^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-${stack}\\.outputs\\.${
      typeof output === "string" ? output : output.source
    }\\}$`,
  );

const outputNames = (json: StackJson): string[] => Object.keys(json.output ?? {});

describe("reference architecture", () => {
  describe("snapshots", () => {
    const cluster = synthApp();
    const local = synthApp({ databaseTarget: LOCAL });

    test.each(STACK_IDS.map((id) => [id]))("the %s stack matches its snapshot", (id) => {
      expect(cluster.synth[id]).toMatchSnapshot();
    });

    test.each([["database-bootstrap"], ["lineage-database"]])(
      "the %s stack in local mode matches its snapshot",
      (id) => {
        expect(local.synth[id]).toMatchSnapshot();
      },
    );
  });

  describe("stacks and state", () => {
    it("creates the six stacks, each with its own local state file named after stage and stack", () => {
      // GIVEN / WHEN
      const { json } = synthApp({ stage: "test" });
      // THEN
      expect(Object.keys(json).sort()).toEqual([...STACK_IDS].sort());
      for (const id of STACK_IDS) {
        expect(json[id].terraform?.backend).toEqual({
          local: { path: `../../../terraform.test.${id}.tfstate` },
        });
      }
    });

    it("keeps the state of local-mode database stacks apart from the cluster's", () => {
      // GIVEN / WHEN
      const { json } = synthApp({ databaseTarget: LOCAL, stateDirectory: "/var/state" });
      // THEN
      expect(json["database-bootstrap"].terraform?.backend).toEqual({
        local: { path: "/var/state/terraform.local-dev.database-bootstrap.tfstate" },
      });
      expect(json.network.terraform?.backend).toEqual({
        local: { path: "/var/state/terraform.dev.network.tfstate" },
      });
    });

    it("keeps every stack's state in S3 with TF_STATE_BUCKET, and the cross-stack references read it there", () => {
      // GIVEN / WHEN
      const { json } = synthApp({ stage: "prod", region: "eu-west-1", stateBucket: "orders-tfstate" });
      // THEN
      for (const id of STACK_IDS) {
        expect(json[id].terraform?.backend).toEqual({
          s3: {
            bucket: "orders-tfstate",
            key: `prod/${id}.tfstate`,
            region: "eu-west-1",
            encrypt: true,
            use_lockfile: true,
          },
        });
      }
      const remoteState = (id: string) =>
        (json[id].data as Record<string, Record<string, { backend: string; config: unknown }>>)
          .terraform_remote_state;
      expect(remoteState("bastion")["cross-stack-reference-input-network"]).toEqual({
        backend: "s3",
        // A read: no lock file
        config: { bucket: "orders-tfstate", key: "prod/network.tfstate", region: "eu-west-1", encrypt: true },
        workspace: "${terraform.workspace}",
      });
    });

    it("keeps the S3 state of local-mode database stacks apart from the cluster's", () => {
      // GIVEN / WHEN
      const { json } = synthApp({ databaseTarget: LOCAL, stateBucket: "orders-tfstate" });
      // THEN
      expect(json["database-bootstrap"].terraform?.backend).toMatchObject({
        s3: { key: "local-dev/database-bootstrap.tfstate" },
      });
    });

    it("orders the stacks by their references: lineage-database after the bootstrap and lineage-aws", () => {
      // GIVEN / WHEN
      const { stacks } = synthApp();
      // THEN
      const deps = (s: { dependencies: { node: { id: string } }[] }) =>
        s.dependencies.map((d) => d.node.id).sort();
      expect(deps(stacks.bastion)).toEqual(["network"]);
      expect(deps(stacks.database)).toEqual(["bastion", "network"]);
      expect(deps(stacks.databaseBootstrap)).toEqual(["database"]);
      expect(deps(stacks.lineageAws)).toEqual(["database"]);
      expect(deps(stacks.lineageDatabase)).toEqual(["database", "database-bootstrap", "lineage-aws"]);
    });
  });

  describe("cross-stack wiring", () => {
    const { json } = synthApp();

    it("exports the network's VPC and subnets to the bastion and database stacks", () => {
      // THEN the producer has the cross-stack outputs
      expect(outputNames(json.network)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^cross-stack-output-aws_vpcNetwork_.*id$/),
          expect.stringMatching(/^cross-stack-output-aws_subnetNetwork_PrivateSubnetA_.*id$/),
        ]),
      );
      // AND the bastion's security group lives in that VPC
      const sg = Object.values(resourcesOf(json.bastion, "aws_security_group"))[0];
      expect(sg.vpc_id).toMatch(remote("network", /cross-stack-output-aws_vpcNetwork_\w+id/));
      // AND the cluster's subnet group uses the private subnets
      const subnets = Object.values(resourcesOf(json.database, "aws_db_subnet_group"))[0].subnet_ids;
      expect(subnets).toEqual([
        expect.stringMatching(remote("network", /cross-stack-output-aws_subnetNetwork_PrivateSubnetA_\w+id/)),
        expect.stringMatching(remote("network", /cross-stack-output-aws_subnetNetwork_PrivateSubnetB_\w+id/)),
        expect.stringMatching(remote("network", /cross-stack-output-aws_subnetNetwork_PrivateSubnetC_\w+id/)),
      ]);
    });

    it("admits the bastion's security group on the cluster's port", () => {
      // THEN
      const sgId = Object.keys(resourcesOf(json.database, "aws_security_group"))[0];
      const rules = Object.values(resourcesOf(json.database, "aws_vpc_security_group_ingress_rule"));
      const fromBastion = rules.filter((r) => r.from_port === 5432);
      expect(fromBastion).toEqual([
        expect.objectContaining({
          ip_protocol: "tcp",
          from_port: 5432,
          to_port: 5432,
          security_group_id: `\${aws_security_group.${sgId}.id}`,
          referenced_security_group_id: expect.stringMatching(
            remote("bastion", /cross-stack-output-aws_security_groupBastion_SecurityGroup_\w+id/),
          ),
        }),
      ]);
      expect(outputNames(json.bastion)).toContainEqual(
        expect.stringMatching(/^cross-stack-output-aws_security_groupBastion_SecurityGroup_\w+id$/),
      );
    });

    it("sets log_statement = mod on the cluster's instance parameter group (lineage, LIN-06)", () => {
      // THEN
      const groups = Object.values(resourcesOf(json.database, "aws_db_parameter_group"));
      expect(groups).toHaveLength(1);
      expect(groups[0].parameter).toContainEqual({
        name: "log_statement",
        value: "mod",
        apply_method: "immediate",
      });
      // AND the cluster's instances use that group
      const instances = Object.values(resourcesOf(json.database, "aws_rds_cluster_instance"));
      const groupId = Object.keys(resourcesOf(json.database, "aws_db_parameter_group"))[0];
      for (const i of instances)
        expect(i.db_parameter_group_name).toBe(`\${aws_db_parameter_group.${groupId}.name}`);
    });

    it("generates the application passwords ephemerally into Secrets Manager in cluster mode, never into state", () => {
      // THEN
      const boot = json["database-bootstrap"];
      expect(boot.resource?.random_password).toBeUndefined();
      expect(Object.keys(boot.ephemeral?.random_password ?? {})).toHaveLength(3);
      expect(
        Object.values(boot.resource?.aws_secretsmanager_secret ?? {})
          .map((x) => x.name)
          .sort(),
      ).toEqual(["orders-dev/app_owner", "orders-dev/app_ro", "orders-dev/app_rw"]);
      expect(Object.keys(boot.output ?? {}).sort()).toEqual([
        "application_role_secrets",
        "application_schema",
      ]);
      expect(boot.output?.application_role_secrets.sensitive).toBeUndefined();
    });

    it("configures the bootstrap's postgresql provider from the cluster's outputs and secret, through the tunnel", () => {
      // THEN the master secret is read by an ephemeral resource (never in state), from the cluster's output
      const boot = json["database-bootstrap"];
      expect(boot.data?.aws_secretsmanager_secret_version).toBeUndefined();
      const secret = Object.entries(boot.ephemeral?.aws_secretsmanager_secret_version ?? {});
      expect(secret).toHaveLength(1);
      const [name, body] = secret[0];
      const local = /^\$\{local\.(\w+)\}$/.exec(body.secret_id)?.[1] as string;
      expect(boot.locals?.[local]).toMatch(
        remote("database", /cross-stack-output-aws_rds_clusterCluster_\w+master_user_secret0secret_arn/),
      );
      expect(boot.provider?.postgresql).toEqual([
        {
          host: "127.0.0.1",
          port: 15432,
          database: "orders",
          username: "postgres",
          password: `\${jsondecode(ephemeral.aws_secretsmanager_secret_version.${name}.secret_string).password}`,
          sslmode: "require",
          superuser: false,
          connect_timeout: 15,
        },
      ]);
      expect(outputNames(json.database)).toContainEqual(
        expect.stringMatching(/^cross-stack-output-aws_rds_clusterCluster_\w+master_user_secret0secret_arn$/),
      );
    });

    it("hands the lineage access key and secret from the AWS side to the Datafold hand-over", () => {
      // THEN
      const out = json["lineage-database"].output?.datafold_connection;
      expect(out?.sensitive).toBe(true);
      const value = out?.value as Record<string, unknown>;
      expect(value.awsAccessKey).toMatch(
        remote("lineage-aws", /cross-stack-output-aws_iam_access_keyLineage_AccessKey_\w+id/),
      );
      expect(value.awsSecretReference).toMatch(
        remote("lineage-aws", /cross-stack-output-aws_secretsmanager_secretLineage_AccessKeySecret_\w+arn/),
      );
      expect(value.cloudwatchPostgresLogGroup).toBe("/aws/rds/cluster/orders-dev/postgresql");
      expect(value.host).toMatch(remote("database", /cross-stack-output-aws_rds_clusterCluster_\w+endpoint/));
      // AND the observed schema is the bootstrap's, read by datafold for existing and future tables
      const grants = Object.values(resourcesOf(json["lineage-database"], "postgresql_grant"));
      expect(grants).toContainEqual(
        expect.objectContaining({ schema: "app", object_type: "table", privileges: ["SELECT"] }),
      );
      const defaults = Object.values(resourcesOf(json["lineage-database"], "postgresql_default_privileges"));
      expect(defaults).toEqual([
        expect.objectContaining({ schema: "app", owner: "app_owner", privileges: ["SELECT"] }),
      ]);
    });

    it("gives the tunnel command as an output of the database stack", () => {
      // THEN
      const value = json.database.output?.tunnel_command?.value as string;
      expect(value).toContain("--document-name AWS-StartPortForwardingSessionToRemoteHost");
      expect(value).toContain('"localPortNumber":["15432"]');
      expect(value).toMatch(/--auto-scaling-group-names orders-dev-bastion /);
    });
  });

  describe("hardening (policy scan findings fixed by configuration)", () => {
    const { json } = synthApp();

    it("names the AZs, maps no public IP in public subnets, and encrypts the flow logs with their own key", () => {
      // THEN
      expect(json.network.data?.aws_availability_zones).toBeUndefined();
      const subnets = Object.values(resourcesOf(json.network, "aws_subnet"));
      expect(subnets.map((s) => s.availability_zone).sort()).toEqual([
        "us-east-1a",
        "us-east-1a",
        "us-east-1b",
        "us-east-1b",
        "us-east-1c",
        "us-east-1c",
      ]);
      for (const s of subnets) expect(s.map_public_ip_on_launch).not.toBe(true);
      expect(Object.values(resourcesOf(json.network, "aws_kms_key"))).toEqual([
        expect.objectContaining({ enable_key_rotation: true }),
      ]);
      const flowLogGroup = Object.values(resourcesOf(json.network, "aws_cloudwatch_log_group"))[0];
      expect(flowLogGroup.kms_key_id).toBe("${aws_kms_key.FlowLogKey.arn}");
    });

    it("keeps the bastion's and the cluster's logs a year, the cluster's encrypted with its key", () => {
      // THEN
      expect(Object.values(resourcesOf(json.bastion, "aws_cloudwatch_log_group"))[0].retention_in_days).toBe(
        365,
      );
      const pgLogs = Object.values(resourcesOf(json.database, "aws_cloudwatch_log_group"))[0];
      expect(pgLogs).toMatchObject({
        retention_in_days: 365,
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\./),
      });
    });

    it("logs data-modifying and slow statements on the cluster parameter group too", () => {
      // THEN
      const group = Object.values(resourcesOf(json.database, "aws_rds_cluster_parameter_group"))[0];
      expect(group.parameter).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: "log_statement", value: "mod" }),
          expect.objectContaining({ name: "log_min_duration_statement", value: "5000" }),
        ]),
      );
    });

    it("encrypts the lineage access key's secret with the cluster's key", () => {
      // THEN
      const secret = Object.values(resourcesOf(json["lineage-aws"], "aws_secretsmanager_secret"))[0];
      expect(secret.kms_key_id).toMatch(remote("database", /cross-stack-output-aws_kms_keyCluster_\w+arn/));
    });
  });

  describe("local database target", () => {
    const { json, synth } = synthApp({ databaseTarget: LOCAL });

    it("leaves every connection setting of the postgresql provider to the libpq environment", () => {
      for (const id of ["database-bootstrap", "lineage-database"]) {
        // THEN
        expect(json[id].provider?.postgresql).toEqual([{}]);
        expect(json[id].provider?.aws).toBeUndefined();
        expect(json[id].data?.terraform_remote_state).toBeUndefined();
        expect(synth[id]).not.toMatch(/password"\s*:\s*"[^$]/);
      }
    });

    it("bootstraps the database named by the target with an extension a non-superuser may create", () => {
      // THEN
      const boot = json["database-bootstrap"];
      expect(Object.values(resourcesOf(boot, "postgresql_extension"))).toEqual([
        expect.objectContaining({ name: "pgcrypto", database: "appdb" }),
      ]);
      expect(Object.values(resourcesOf(boot, "postgresql_schema"))).toEqual([
        expect.objectContaining({
          name: "app",
          owner: expect.stringMatching(/^\$\{postgresql_role\.App_Owner_/),
        }),
      ]);
      // AND the lineage side hands over the database fields only
      expect(json["lineage-database"].output?.datafold_database_access?.sensitive).toBe(true);
      expect(json["lineage-database"].output?.datafold_connection).toBeUndefined();
    });
  });

  describe("options", () => {
    it("pins the AWS provider of every AWS stack and sets the region", () => {
      // GIVEN / WHEN
      const { json } = synthApp({ awsProviderVersion: "5.100.0", region: "eu-west-1" });
      // THEN
      for (const id of STACK_IDS) {
        expect(json[id].terraform?.required_providers?.aws?.version).toBe("5.100.0");
        expect(json[id].provider?.aws).toEqual([
          {
            region: "eu-west-1",
            default_tags: [{ tags: { Example: "reference-architecture", Stage: "dev" } }],
          },
        ]);
      }
    });

    it("applies the prod preset: a reader, deletion protection, one NAT gateway per AZ", () => {
      // GIVEN / WHEN
      const { json } = synthApp({ stage: "prod" });
      // THEN
      expect(Object.keys(resourcesOf(json.database, "aws_rds_cluster_instance"))).toHaveLength(2);
      expect(Object.values(resourcesOf(json.database, "aws_rds_cluster"))[0]).toMatchObject({
        cluster_identifier: "orders-prod",
        deletion_protection: true,
        backup_retention_period: 35,
      });
      expect(Object.keys(resourcesOf(json.network, "aws_nat_gateway"))).toHaveLength(3);
    });

    it("shares one NAT gateway in dev and test", () => {
      const { json } = synthApp({ stage: "dev" });
      expect(Object.keys(resourcesOf(json.network, "aws_nat_gateway"))).toHaveLength(1);
      expect(Object.keys(resourcesOf(json.database, "aws_rds_cluster_instance"))).toHaveLength(1);
    });

    it("makes the bastion SSM-only without SSH CIDRs, and an SSH bastion with TCP forwarding with them", () => {
      // GIVEN / WHEN
      const ssmOnly = synthApp().json;
      const ssh = synthApp({ sshAllowedCidrs: ["203.0.113.0/24"] }).json;
      // THEN
      expect(resourcesOf(ssmOnly.bastion, "aws_eip")).toEqual({});
      expect(resourcesOf(ssmOnly.bastion, "aws_vpc_security_group_ingress_rule")).toEqual({});
      expect(ssmOnly.bastion.output?.ssh_command).toBeUndefined();
      expect(Object.values(resourcesOf(ssh.bastion, "aws_vpc_security_group_ingress_rule"))).toContainEqual(
        expect.objectContaining({ cidr_ipv4: "203.0.113.0/24", from_port: 22, to_port: 22 }),
      );
      expect(ssh.bastion.output?.ssh_command).toBeDefined();
      const acl = Object.values(resourcesOf(ssh.network, "aws_network_acl")).find((a) =>
        JSON.stringify(a.ingress).includes("203.0.113.0/24"),
      );
      expect(acl).toBeDefined();
    });

    it("connects through a SOCKS proxy to the real endpoint when asked", () => {
      // GIVEN / WHEN
      const { json } = synthApp({ databaseTarget: { mode: "cluster", tunnel: PostgresTunnel.socksProxy() } });
      // THEN
      const pg = json["database-bootstrap"].provider?.postgresql?.[0];
      expect(pg?.host).toMatch(remote("database", /cross-stack-output-aws_rds_clusterCluster_\w+endpoint/));
      expect(pg?.port).toBe(5432);
    });

    it("fails on an unknown stage", () => {
      expect(() => synthApp({ stage: "qa" as "dev" })).toThrow(
        /stage must be one of dev, test, pre-prod, prod, got "qa"/,
      );
    });
  });
});
