import "cdktf/lib/testing/adapters/jest";
import { ValidationError } from "@aurora-cdktf/core";
import {
  LineageDatabaseAccess,
  LineageDatabaseAccessProps,
  LineageHandover,
  LineageHandoverProps,
  LineageLogAccess,
  LineageLogging,
  LineageLoggingProps,
  LineageLogStatement,
} from "../src";
import { CLOUDWATCH_LOG_RETENTION_DAYS as CLOUDWATCH_RETENTION_DAYS } from "@aurora-cdktf/core";
import { FakeImportedCluster, FakeManagedCluster } from "./fake-cluster";
import { testStack } from "./util";
import { SessionLogging } from "@aurora-cdktf/postgres-bootstrap";

/** Runs `make` and returns the ValidationError it throws. */
function validationError(make: () => void): ValidationError {
  try {
    make();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error("expected a ValidationError, but nothing was thrown");
}

type Existing = Omit<LineageLoggingProps, "cluster">;
const existing: Existing = { parameterGroupFamily: "aurora-postgresql16" };

describe("LineageLogging", () => {
  describe("validation", () => {
    test.each<[string, "managed" | "existing", Existing, RegExp]>([
      [
        "the family is missing for an existing cluster",
        "existing",
        {},
        /parameterGroupFamily is required for a cluster not built by this library.*got nothing\. Fix: set it to the cluster's family, e\.g\. "aurora-postgresql16"/,
      ],
      [
        "the family is not an Aurora PostgreSQL family",
        "existing",
        { parameterGroupFamily: "postgres16" },
        /parameterGroupFamily must be an Aurora PostgreSQL family such as "aurora-postgresql16", got "postgres16"/,
      ],
      [
        "the retention is not a CloudWatch value",
        "existing",
        { ...existing, logRetentionDays: 10 },
        /logRetentionDays must be a value CloudWatch Logs accepts \(0, 1, 3, 5, 7, 14, 30, .*3653; 0 = never expire\), got 10\. Fix: pick the nearest allowed value/,
      ],
      [
        "the retention is negative",
        "existing",
        { ...existing, logRetentionDays: -1 },
        /logRetentionDays must be a value CloudWatch Logs accepts .* got -1/,
      ],
      [
        "the retention is beyond ten years",
        "existing",
        { ...existing, logRetentionDays: 3654 },
        /logRetentionDays must be a value CloudWatch Logs accepts .* got 3654/,
      ],
      [
        "instanceParameters sets a different log_statement",
        "existing",
        { ...existing, instanceParameters: { log_statement: "ddl" } },
        /instanceParameters sets log_statement = "ddl", which conflicts with logStatement "mod" that lineage needs\. Fix: remove log_statement from instanceParameters/,
      ],
      [
        "logStatement all conflicts with clusterParameters log_statement mod",
        "existing",
        { ...existing, logStatement: LineageLogStatement.ALL, clusterParameters: { log_statement: "mod" } },
        /clusterParameters sets log_statement = "mod", which conflicts with logStatement "all"/,
      ],
      [
        "a parameter name is invalid",
        "existing",
        { ...existing, instanceParameters: { "Log Statement": "mod" } },
        /instanceParameters has an invalid parameter name "Log Statement"/,
      ],
      [
        "logStatement is not mod or all",
        "managed",
        { logStatement: "ddl" as LineageLogStatement },
        /logStatement must be one of "mod", "all", got "ddl"/,
      ],
      [
        "logAccess is unknown",
        "managed",
        { logAccess: "admin" as LineageLogAccess },
        /logAccess must be one of "log-group-only", "cloudwatch-logs-read-only", got "admin"/,
      ],
      [
        "a family is given for a cluster built by this library",
        "managed",
        { parameterGroupFamily: "aurora-postgresql16" },
        /parameterGroupFamily was given, but the cluster is built by this library and owns its parameter groups.*Fix: remove parameterGroupFamily here and set it on the AuroraPostgresCluster/,
      ],
      [
        "a retention is given for a cluster built by this library",
        "managed",
        { logRetentionDays: 30 },
        /logRetentionDays was given, but the cluster is built by this library/,
      ],
      [
        "instance parameters are given for a cluster built by this library",
        "managed",
        { instanceParameters: { "pgaudit.log": "ddl" } },
        /instanceParameters was given, but the cluster is built by this library/,
      ],
      [
        "a retention is given without creating the log group",
        "existing",
        { ...existing, createLogGroup: false, logRetentionDays: 30 },
        /logRetentionDays was given with createLogGroup: false.*Fix: remove logRetentionDays, or set createLogGroup: true/,
      ],
      [
        "the IAM user name is too long",
        "managed",
        { iamUserName: "d".repeat(65) },
        /iamUserName must be 1-64 characters of \[A-Za-z0-9_\+=,\.@-\], got "d{65}"/,
      ],
      [
        "the IAM group name has a space",
        "managed",
        { iamGroupName: "CloudWatch Logs" },
        /iamGroupName must be 1-128 characters/,
      ],
      [
        "the secret name has a space",
        "managed",
        { accessKeySecretName: "datafold key" },
        /accessKeySecretName must be 1-512 characters of \[A-Za-z0-9\/_\+=\.@-\], got "datafold key"/,
      ],
    ])("fails when %s", (_name, kind, props, message) => {
      // GIVEN
      const stack = testStack();
      const cluster =
        kind === "managed"
          ? new FakeManagedCluster(stack, "Cluster")
          : new FakeImportedCluster(stack, "Cluster");
      // WHEN
      const err = validationError(() => new LineageLogging(stack, "Lineage", { cluster, ...props }));
      // THEN
      expect(err.message).toMatch(/^\[test\/Lineage\] invalid props: /);
      expect(err.message).toMatch(message);
      expect(err.constructPath).toBe("test/Lineage");
    });

    test("fails when the default IAM user name of a long cluster identifier is too long", () => {
      // GIVEN a 60-character cluster identifier
      const stack = testStack();
      const cluster = new FakeManagedCluster(stack, "Cluster", { clusterIdentifier: "c".repeat(60) });
      // WHEN / THEN
      expect(() => new LineageLogging(stack, "Lineage", { cluster })).toThrow(
        /iamUserName must be 1-64 characters .* got "c{60}-datafold"/,
      );
    });

    test("fails when an imported cluster names another log group than the one RDS exports to", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeImportedCluster(stack, "Cluster", { postgresqlLogGroupName: "/custom/orders" });
      // WHEN / THEN
      expect(() => new LineageLogging(stack, "Lineage", { cluster, ...existing })).toThrow(
        /the cluster's postgresqlLogGroupName is "\/custom\/orders", but RDS exports the postgresql log of this cluster to "\/aws\/rds\/cluster\/orders-prod\/postgresql"/,
      );
    });

    test("reports every problem at once", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeImportedCluster(stack, "Cluster");
      // WHEN
      const err = validationError(
        () => new LineageLogging(stack, "Lineage", { cluster, logRetentionDays: 2, iamUserName: "a b" }),
      );
      // THEN
      expect(err.message.split("\n  - ")).toHaveLength(4);
    });

    test.each(CLOUDWATCH_RETENTION_DAYS.map((d) => [d]))("accepts a retention of %d days", (days) => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeImportedCluster(stack, "Cluster");
      // WHEN / THEN
      expect(
        () => new LineageLogging(stack, "Lineage", { cluster, ...existing, logRetentionDays: days }),
      ).not.toThrow();
    });

    test("accepts log_statement in the parameters when it repeats logStatement", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new FakeImportedCluster(stack, "Cluster");
      // WHEN / THEN
      expect(
        () =>
          new LineageLogging(stack, "Lineage", {
            cluster,
            ...existing,
            instanceParameters: { log_statement: "mod" },
            clusterParameters: { log_statement: "mod" },
          }),
      ).not.toThrow();
    });
  });
});

type Access = Omit<LineageDatabaseAccessProps, "connection">;
const access: Access = { observedSchemas: ["sales"], tableOwners: ["app_owner"] };

describe("LineageDatabaseAccess", () => {
  describe("validation", () => {
    test.each<[string, Access, RegExp]>([
      [
        "the observed-schema list is empty",
        { ...access, observedSchemas: [] },
        /observedSchemas is empty: lineage would observe nothing\. Fix: list the schemas/,
      ],
      [
        "a schema name has upper case",
        { ...access, observedSchemas: ["Sales"] },
        /observedSchemas must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores .*got "Sales"/,
      ],
      [
        "a schema name has a dash",
        { ...access, observedSchemas: ["sales-eu"] },
        /observedSchemas must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores .*got "sales-eu"/,
      ],
      [
        "a schema name is longer than 63 characters",
        { ...access, observedSchemas: ["s".repeat(64)] },
        /observedSchemas must be 1-63 characters: .*got "s{64}"/,
      ],
      [
        "a schema name tries SQL injection",
        { ...access, observedSchemas: ["sales; drop table x"] },
        /observedSchemas must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores/,
      ],
      [
        "a system schema is observed",
        { ...access, observedSchemas: ["pg_catalog"] },
        /observedSchemas must not name a system schema, got "pg_catalog"/,
      ],
      [
        "information_schema is observed",
        { ...access, observedSchemas: ["information_schema"] },
        /observedSchemas must not name a system schema, got "information_schema"/,
      ],
      [
        "the temporary schema is observed",
        { ...access, observedSchemas: ["sales", "datafold_tmp"] },
        /observedSchemas contains the temporary schema "datafold_tmp"; it already gets ALL/,
      ],
      [
        "a schema is listed twice",
        { ...access, observedSchemas: ["sales", "crm", "sales"] },
        /observedSchemas lists "sales" more than once/,
      ],
      [
        "the table-owner list is empty",
        { ...access, tableOwners: [] },
        /tableOwners is empty: tables created later in the observed schemas would not be readable/,
      ],
      [
        "a table owner is invalid",
        { ...access, tableOwners: ["App Owner"] },
        /tableOwners must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores .*got "App Owner"/,
      ],
      [
        "the lineage role is a table owner",
        { ...access, tableOwners: ["datafold"] },
        /tableOwners contains the lineage role "datafold" itself/,
      ],
      [
        "a table owner is listed twice",
        { ...access, tableOwners: ["a", "a"] },
        /tableOwners lists "a" more than once/,
      ],
      [
        "the role name is reserved",
        { ...access, roleName: "pg_datafold" },
        /roleName "pg_datafold" starts with "pg_", which PostgreSQL reserves for its predefined roles/,
      ],
      [
        "the role name is public",
        { ...access, roleName: "public" },
        /roleName "public" is a built-in role name/,
      ],
      [
        "the role name is postgres",
        { ...access, roleName: "postgres" },
        /roleName "postgres" is a built-in role name/,
      ],
      [
        "the role name is an RDS role",
        { ...access, roleName: "rds_datafold" },
        /roleName "rds_datafold" is reserved by Amazon RDS for its own roles/,
      ],
      [
        "the role name is rdsadmin",
        { ...access, roleName: "rdsadmin" },
        /roleName "rdsadmin" is reserved by Amazon RDS/,
      ],
      [
        "the role name is not an identifier",
        { ...access, roleName: "data fold" },
        /roleName must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores.*got "data fold"/,
      ],
      [
        "the temporary schema name is reserved",
        { ...access, tempSchemaName: "pg_tmp" },
        /tempSchemaName "pg_tmp" starts with "pg_", which PostgreSQL reserves for system schemas/,
      ],
      [
        "the temporary schema is public",
        { ...access, tempSchemaName: "public" },
        /tempSchemaName "public" is a schema every database already has/,
      ],
      [
        "the temporary schema is information_schema",
        { ...access, tempSchemaName: "information_schema" },
        /tempSchemaName "information_schema" is a schema every database already has/,
      ],
      [
        "the temporary schema name is not an identifier",
        { ...access, tempSchemaName: "Tmp" },
        /tempSchemaName must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores.*got "Tmp"/,
      ],
      [
        "the password version is zero",
        { ...access, passwordVersion: 0 },
        /passwordVersion must be an integer between 1 and \d+, got 0\. Fix: start at 1 and increase it by one per rotation/,
      ],
      [
        "the password version is above the bootstrap's limit",
        { ...access, passwordVersion: 1_000_001 },
        /passwordVersion must be an integer between 1 and 1000000, got 1000001/,
      ],
      [
        "the role name is none",
        { ...access, roleName: "none" },
        /roleName "none" is a built-in role name or SQL role keyword/,
      ],
      [
        "a table owner is PUBLIC",
        { ...access, tableOwners: ["public"] },
        /tableOwners "public" is a built-in role name or SQL role keyword/,
      ],
      [
        "a table owner is a predefined role",
        { ...access, tableOwners: ["pg_read_all_data"] },
        /tableOwners "pg_read_all_data" starts with "pg_", which PostgreSQL reserves for its predefined roles/,
      ],
      [
        "a table owner is rdsadmin",
        { ...access, tableOwners: ["rdsadmin"] },
        /tableOwners "rdsadmin" is one of Amazon RDS's internal roles.*Fix: name a role that logs in/,
      ],
      [
        "an observed schema is pg_toast",
        { ...access, observedSchemas: ["pg_toast"] },
        /observedSchemas must not name a system schema, got "pg_toast"/,
      ],
      [
        "the database is template1",
        {
          ...access,
          connection: { database: "template1", sessionLogging: SessionLogging.SUPPRESSED },
        } as Access,
        /connection\.database "template1" is PostgreSQL's template database/,
      ],
      [
        "the database is rdsadmin",
        {
          ...access,
          connection: { database: "rdsadmin", sessionLogging: SessionLogging.SUPPRESSED },
        } as Access,
        /connection\.database "rdsadmin" is Amazon RDS's own database/,
      ],
      [
        "the database name is empty",
        { ...access, connection: { database: "", sessionLogging: SessionLogging.SUPPRESSED } } as Access,
        /connection\.database must be a database name of 1-63 bytes .*got ""/,
      ],
      [
        "the password version is fractional",
        { ...access, passwordVersion: 1.5 },
        /passwordVersion must be an integer between 1 and \d+, got 1\.5/,
      ],
    ])("fails when %s", (_name, props, message) => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const err = validationError(
        () =>
          new LineageDatabaseAccess(stack, "Access", {
            connection: { database: "orders", sessionLogging: SessionLogging.SUPPRESSED },
            ...props,
          }),
      );
      // THEN
      expect(err.message).toMatch(/^\[test\/Access\] invalid props: /);
      expect(err.message).toMatch(message);
      expect(err.constructPath).toBe("test/Access");
    });
  });
});

/** A function that makes a hand-over with `props` over a managed cluster's logging and a valid access. */
function handover(props: Partial<LineageHandoverProps>): () => void {
  const stack = testStack();
  const logging = new LineageLogging(stack, "Lineage", { cluster: new FakeManagedCluster(stack, "Cluster") });
  const databaseAccess = new LineageDatabaseAccess(stack, "Access", {
    connection: { database: "orders", sessionLogging: SessionLogging.SUPPRESSED },
    ...access,
  });
  return () => new LineageHandover(stack, "Handover", { logging, databaseAccess, ...props });
}

describe("LineageHandover", () => {
  describe("validation", () => {
    test.each<[string, Partial<LineageHandoverProps>, RegExp]>([
      ["the port is 0", { port: 0 }, /port must be an integer between 1 and 65535, got 0/],
      ["the port is too large", { port: 70000 }, /port must be an integer between 1 and 65535, got 70000/],
      [
        "a secret name is given without createSecret",
        { secretName: "x" },
        /secretName\/secretKmsKey were given without createSecret: true/,
      ],
      [
        "the secret name is invalid",
        { createSecret: true, secretName: "a b" },
        /secretName must be 1-512 characters/,
      ],
      [
        "an output name is given without registerOutputs",
        { outputName: "x" },
        /outputName was given without registerOutputs: true/,
      ],
      [
        "the output name is invalid",
        { registerOutputs: true, outputName: "1 x" },
        /outputName must be a valid Terraform output name, got "1 x"/,
      ],
      [
        "the data source name is empty",
        { dataSourceName: "" },
        /dataSourceName must be 1-255 characters of text, not blank, without leading or trailing whitespace or control characters, got ""\. Fix: use e\.g\. "orders-prod", or omit it for the default/,
      ],
      [
        "the data source name is blank",
        { dataSourceName: "   " },
        /dataSourceName must be 1-255 .*got " {3}"/,
      ],
      [
        "the data source name is padded",
        { dataSourceName: " orders" },
        /dataSourceName must be .*got " orders"/,
      ],
      [
        "the data source name is too long",
        { dataSourceName: "d".repeat(256) },
        /dataSourceName must be 1-255/,
      ],
      [
        "the host is empty",
        { host: "" },
        /host must be a host name or IP address of 1-253 characters .*got ""/,
      ],
      [
        "the host carries a port",
        { host: "orders.example.com:5432" },
        /host must be .*no ":port": the port is its own field\), got "orders\.example\.com:5432"/,
      ],
      [
        "the host is a URL",
        { host: "postgres://orders.example.com" },
        /host must be .*got "postgres:\/\/orders/,
      ],
      ["the host has a space", { host: "orders example" }, /host must be .*got "orders example"/],
    ])("fails when %s", (_name, props, message) => {
      // GIVEN / WHEN
      const err = validationError(handover(props));
      // THEN
      expect(err.message).toMatch(message);
      expect(err.constructPath).toBe("test/Handover");
    });
  });
});

describe("LineageDatabaseAccess and LineageHandover accept", () => {
  test.each<[string, Access]>([
    [
      "postgres as a table owner (the default master user)",
      { ...access, tableOwners: ["postgres", "app_owner"] },
    ],
    ["public as an observed schema", { ...access, observedSchemas: ["public"] }],
    [
      "the default postgres database",
      {
        ...access,
        connection: { database: "postgres", sessionLogging: SessionLogging.SUPPRESSED },
      } as Access,
    ],
  ])("%s", (_name, props) => {
    const stack = testStack();
    expect(
      () =>
        new LineageDatabaseAccess(stack, "Access", {
          connection: { database: "orders", sessionLogging: SessionLogging.SUPPRESSED },
          ...props,
        }),
    ).not.toThrow();
  });

  test.each<[string, Partial<LineageHandoverProps>]>([
    ["a data source name with spaces", { dataSourceName: "Orders (prod)" }],
    ["an IPv6 host", { host: "2001:db8::1" }],
    ["an IPv4 host", { host: "10.0.0.5" }],
  ])("%s", (_name, props) => {
    expect(handover(props)).not.toThrow();
  });
});

describe("LineageDatabaseAccess and statement logging", () => {
  test("refuses a connection that does not say how the datafold password stays out of the log", () => {
    // GIVEN a lineage cluster logs DDL (log_statement = mod) and the provider sends the password in clear text
    const stack = testStack();
    // WHEN
    const err = validationError(
      () =>
        new LineageDatabaseAccess(stack, "Access", {
          connection: { database: "orders" },
          observedSchemas: ["sales"],
          tableOwners: ["app_owner"],
        }),
    );
    // THEN the role (a PostgresRole) refuses, naming its path and the fix
    expect(err.constructPath).toBe("test/Access/Role");
    expect(err.message).toContain('"datafold" logs in with a generated password');
    expect(err.message).toContain("SessionLogging.SUPPRESSED");
  });
});
