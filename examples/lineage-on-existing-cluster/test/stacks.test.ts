import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { optionsFromEnvironment, SAMPLE_EXISTING_CLUSTER, STACK_IDS } from "../src/stack";
import { resourcesOf, synthApp } from "./util";

const LOCAL = { mode: "local", database: "appdb", user: "rds_master" } as const;

describe("lineage on an existing cluster", () => {
  describe("snapshots", () => {
    const cluster = synthApp();
    const local = synthApp({ databaseTarget: LOCAL });

    test.each(STACK_IDS.map((id) => [id]))("the %s stack matches its snapshot", (id) => {
      expect(cluster.synth[id]).toMatchSnapshot();
    });

    it("the lineage-database stack in local mode matches its snapshot", () => {
      expect(local.synth["lineage-database"]).toMatchSnapshot();
    });
  });

  describe("AWS side", () => {
    const { json } = synthApp();
    const aws = json["lineage-aws"];

    it("creates new parameter groups with log_statement = mod in the cluster's family, carrying its settings", () => {
      // THEN the instance group (which wins, LIN-06) and the cluster group
      const instance = Object.values(resourcesOf(aws, "aws_db_parameter_group"));
      const cluster = Object.values(resourcesOf(aws, "aws_rds_cluster_parameter_group"));
      expect(instance).toEqual([
        expect.objectContaining({
          name: "legacy-orders-lineage",
          family: "aurora-postgresql16",
          parameter: [
            { name: "log_statement", value: "mod", apply_method: "immediate" },
            { name: "pgaudit.log", value: "ddl", apply_method: "pending-reboot" },
          ],
        }),
      ]);
      expect(cluster).toEqual([
        expect.objectContaining({
          name: "legacy-orders-lineage-cluster",
          parameter: [{ name: "log_statement", value: "mod", apply_method: "immediate" }],
        }),
      ]);
      // AND it touches no cluster or instance: those are attached where the cluster is defined
      expect(aws.resource?.aws_rds_cluster).toBeUndefined();
      expect(aws.resource?.aws_rds_cluster_instance).toBeUndefined();
      expect(aws.output?.attach_to_cluster?.value).toEqual({
        db_cluster_parameter_group_name: expect.stringMatching(/^\$\{aws_rds_cluster_parameter_group\./),
        db_parameter_group_name: expect.stringMatching(/^\$\{aws_db_parameter_group\./),
        enabled_cloudwatch_logs_exports: ["postgresql"],
      });
    });

    it("creates the cluster's postgresql log group with retention, readable only by the lineage user", () => {
      // THEN
      expect(Object.values(resourcesOf(aws, "aws_cloudwatch_log_group"))).toEqual([
        expect.objectContaining({
          name: "/aws/rds/cluster/legacy-orders/postgresql",
          retention_in_days: 365,
          kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.LineageKey\.arn\}$/),
        }),
      ]);
      expect(Object.values(resourcesOf(aws, "aws_secretsmanager_secret"))).toEqual([
        expect.objectContaining({ kms_key_id: "${aws_kms_key.LineageKey.arn}" }),
      ]);
      const policy = Object.values(resourcesOf(aws, "aws_iam_group_policy"));
      expect(policy).toHaveLength(1);
      expect(aws.resource?.aws_iam_group_policy_attachment).toBeUndefined();
      expect(Object.values(resourcesOf(aws, "aws_iam_user"))).toEqual([
        expect.objectContaining({ name: "legacy-orders-datafold" }),
      ]);
    });
  });

  describe("database side", () => {
    it("connects as the cluster's master user through the tunnel, with the password from its secret", () => {
      // GIVEN / WHEN
      const db = synthApp().json["lineage-database"];
      // THEN
      expect(db.data?.aws_secretsmanager_secret_version).toBeUndefined();
      const secret = Object.entries(db.ephemeral?.aws_secretsmanager_secret_version ?? {});
      expect(secret).toHaveLength(1);
      const local = /^\$\{local\.(\w+)\}$/.exec(secret[0][1].secret_id)?.[1] as string;
      expect(db.locals?.[local]).toBe(SAMPLE_EXISTING_CLUSTER.masterUserSecretArn);
      expect(db.provider?.postgresql).toEqual([
        expect.objectContaining({
          host: "127.0.0.1",
          port: 15432,
          database: "orders",
          username: "postgres",
          password: `\${jsondecode(ephemeral.aws_secretsmanager_secret_version.${secret[0][0]}.secret_string).password}`,
          superuser: false,
        }),
      ]);
    });

    it("hands over the AWS side's key and secret through a cross-stack reference", () => {
      // GIVEN / WHEN
      const { json, stacks } = synthApp();
      // THEN
      const value = json["lineage-database"].output?.datafold_connection?.value as Record<string, string>;
      expect(value.awsAccessKey).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-lineage-aws\.outputs\.cross-stack-output-aws_iam_access_key\w+id\}$/,
      );
      expect(value.host).toBe(SAMPLE_EXISTING_CLUSTER.clusterEndpoint);
      // the log group is created by the AWS side, so its name crosses too
      expect(value.cloudwatchPostgresLogGroup).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-lineage-aws\.outputs\.cross-stack-output-aws_cloudwatch_log_group\w+name\}$/,
      );
      expect(Object.keys(json["lineage-aws"].output ?? {})).toContainEqual(
        expect.stringMatching(/^cross-stack-output-aws_iam_access_key\w+id$/),
      );
      expect(stacks.lineageDatabase.dependencies.map((d) => d.node.id)).toEqual(["lineage-aws"]);
    });

    it("grants SELECT on public to datafold, covering the master user's future tables", () => {
      // GIVEN / WHEN
      const db = synthApp().json["lineage-database"];
      // THEN
      expect(Object.values(resourcesOf(db, "postgresql_default_privileges"))).toEqual([
        expect.objectContaining({
          schema: "public",
          owner: "postgres",
          role: expect.any(String),
          privileges: ["SELECT"],
        }),
      ]);
    });

    it("in local mode reads every connection setting from the environment and needs no AWS", () => {
      // GIVEN / WHEN
      const { json, synth, stacks } = synthApp({ databaseTarget: LOCAL });
      const db = json["lineage-database"];
      // THEN
      expect(db.provider?.postgresql).toEqual([{}]);
      expect(db.provider?.aws).toBeUndefined();
      expect(db.data).toBeUndefined();
      expect(synth["lineage-database"]).not.toMatch(/password"\s*:\s*"[^$]/);
      expect(Object.values(resourcesOf(db, "postgresql_default_privileges"))).toEqual([
        expect.objectContaining({ owner: "rds_master", database: "appdb" }),
      ]);
      expect(stacks.lineageDatabase.dependencies).toEqual([]);
      expect(json["lineage-database"].terraform?.backend).toEqual({
        local: { path: "../../../terraform.local.lineage-database.tfstate" },
      });
    });
  });

  describe("options", () => {
    it("takes the cluster's attributes from the cdktf context", () => {
      // GIVEN
      const app = Testing.app({
        context: {
          existingCluster: {
            ...SAMPLE_EXISTING_CLUSTER,
            clusterIdentifier: "billing",
            clusterArn: "arn:aws:rds:us-east-1:123456789012:cluster:billing",
          },
        },
      });
      // WHEN
      const o = optionsFromEnvironment(app, {
        EXAMPLE_AWS_PROVIDER_VERSION: "5.100.0",
        LINEAGE_SCHEMAS: "sales,crm",
      });
      const { json } = synthApp(o);
      // THEN
      expect(Object.values(resourcesOf(json["lineage-aws"], "aws_iam_user"))[0].name).toBe(
        "billing-datafold",
      );
      expect(json["lineage-aws"].terraform?.required_providers?.aws?.version).toBe("5.100.0");
      expect(json["lineage-database"].terraform?.required_providers?.aws?.version).toBe("5.100.0");
      const schemas = Object.values(
        resourcesOf(json["lineage-database"], "postgresql_default_privileges"),
      ).map((d) => d.schema as string);
      expect(schemas.sort()).toEqual(["crm", "sales"]);
    });

    it.each([
      [[], /must be an object of the cluster's attributes/],
      [
        { clusterIdentifier: "x" },
        /lacks clusterArn, clusterResourceId, clusterEndpoint, databaseName, masterUsername, securityGroupId, parameterGroupFamily/,
      ],
      [{ ...SAMPLE_EXISTING_CLUSTER, port: "5432" }, /existingCluster.port must be an integer, got "5432"/],
    ])("fails on the context existingCluster %j", (existingCluster, message) => {
      expect(() => optionsFromEnvironment(Testing.app({ context: { existingCluster } }), {})).toThrow(
        message,
      );
    });

    it.each([
      [{ DB_TARGET: "local" }, /DB_TARGET=local needs PGDATABASE/],
      [{ DB_TUNNEL: "vpn" }, /DB_TUNNEL must be "port-forward", "socks" or "direct", got "vpn"/],
    ])("fails on %j", (env, message) => {
      expect(() => optionsFromEnvironment(Testing.app(), env)).toThrow(message);
    });

    it("fails in local mode when no table owner is known", () => {
      expect(() => synthApp({ databaseTarget: { mode: "local", database: "appdb" } })).toThrow(
        /tableOwners is required with a local database target that names no user/,
      );
    });
  });
});
