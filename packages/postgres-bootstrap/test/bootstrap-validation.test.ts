import "cdktf/lib/testing/adapters/jest";
import { ValidationError } from "@aurora-cdktf/core";
import { TerraformStack, Testing, Token } from "cdktf";
import {
  ApplicationSchema,
  ApplicationSchemaProps,
  ClusterProviderSettings,
  ClusterProviderSettingsOptions,
  PostgresClusterEndpoint,
  PostgresExtensions,
  PostgresExtensionsProps,
  PostgresRole,
  PostgresRoleProps,
  PostgresTunnel,
  SessionLogging,
  SUPPRESSED_SESSION_PGOPTIONS,
} from "../src";
import { databaseStack } from "../../../test/helpers/unit";

function testStack() {
  return databaseStack();
}

/** Runs `fn` and returns the ValidationError it throws (fails the test if it throws nothing). */
function validationError(fn: () => void): ValidationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error("expected a ValidationError, nothing was thrown");
}

describe("ApplicationSchema", () => {
  describe("validation", () => {
    test.each<[string, Partial<ApplicationSchemaProps>, RegExp]>([
      [
        "the schema name has uppercase letters",
        { schemaName: "App" },
        /schemaName must be 1-63 characters.*got "App"/,
      ],
      ["the schema name starts with a digit", { schemaName: "1app" }, /schemaName must be 1-63 characters/],
      [
        "the schema name has a hyphen",
        { schemaName: "my-app" },
        /schemaName must be 1-63 characters.*got "my-app"/,
      ],
      ["the schema name is empty", { schemaName: "" }, /schemaName must be 1-63 characters.*got ""/],
      [
        "the schema name is longer than 63 characters",
        { schemaName: "a".repeat(64) },
        /schemaName must be 1-63/,
      ],
      [
        "the schema is public",
        { schemaName: "public" },
        /schemaName "public" is a schema every database already has/,
      ],
      [
        "the schema starts with pg_",
        { schemaName: "pg_app" },
        /"pg_", which PostgreSQL reserves for system schemas/,
      ],
      ["a role name is empty", { owner: { name: "" } }, /owner\.name must be 1-63 characters.*got ""/],
      [
        "a role name has a space",
        { readOnly: { name: "app ro" } },
        /readOnly\.name must be 1-63.*got "app ro"/,
      ],
      [
        "a role name starts with pg_",
        { readWrite: { name: "pg_writer" } },
        /readWrite\.name "pg_writer" starts with "pg_"/,
      ],
      [
        "a role name is an RDS role",
        { readOnly: { name: "rds_superuser" } },
        /"rds_superuser" is reserved by Amazon RDS/,
      ],
      ["a role name is rdsadmin", { owner: { name: "rdsadmin" } }, /"rdsadmin" is reserved by Amazon RDS/],
      [
        "a role name is public",
        { owner: { name: "public" } },
        /owner\.name "public" is a built-in role name/,
      ],
      [
        "two roles have the same name",
        { readWrite: { name: "app_user" }, readOnly: { name: "app_user" } },
        /role names must be distinct, got "app_user" more than once/,
      ],
      [
        "the derived role names are too long",
        { schemaName: "s".repeat(60) },
        /owner\.name \(defaulted from schemaName\) must be 1-63 characters/,
      ],
      [
        "the database name has a quote",
        { connection: { database: 'or"ders' } },
        /connection\.database must be a database name/,
      ],
      [
        "the database name is empty",
        { connection: { database: "" } },
        /connection\.database must be a database name/,
      ],
      [
        "the database name is blank",
        { connection: { database: "  " } },
        /connection\.database must be a database name of 1-63 bytes.*got " {2}"/,
      ],
      [
        "the database name is longer than 63 bytes",
        { connection: { database: "ü".repeat(32) } },
        /connection\.database must be a database name of 1-63 bytes/,
      ],
      [
        "the database is template1",
        { connection: { database: "template1" } },
        /connection\.database "template1" is PostgreSQL's template database: whatever is created there is copied into every database created later/,
      ],
      [
        "the database is template0",
        { connection: { database: "template0" } },
        /connection\.database "template0" is PostgreSQL's pristine template database/,
      ],
      [
        "the database is rdsadmin",
        { connection: { database: "rdsadmin" } },
        /connection\.database "rdsadmin" is Amazon RDS's own database/,
      ],
      ["the schema is pg_catalog", { schemaName: "pg_catalog" }, /schemaName "pg_catalog" starts with "pg_"/],
      [
        "the schema is information_schema",
        { schemaName: "information_schema" },
        /schemaName "information_schema" is a schema every database already has/,
      ],
      [
        "a role name is none",
        { owner: { name: "none" } },
        /owner\.name "none" is a built-in role name or SQL role keyword/,
      ],
      [
        "a role name is current_user",
        { readOnly: { name: "current_user" } },
        /readOnly\.name "current_user" is a built-in role name or SQL role keyword/,
      ],
      [
        "the schema would be dropped with CASCADE",
        { dropCascade: true },
        /dropCascade is true, which would drop every object in the schema on destroy \(DROP SCHEMA \.\.\. CASCADE\), and the postgresql provider adopts a schema of that name that already exists.*Fix: remove dropCascade \(or set it to false\) and drop or move the schema's objects yourself before destroying \(for a throwaway database: DROP SCHEMA "app" CASCADE\)/,
      ],
      [
        "the secret name prefix is empty",
        { passwordSecrets: { namePrefix: "" } },
        /passwordSecrets\.namePrefix must be 1-400 characters .*got ""/,
      ],
      [
        "the secret name prefix ends with a slash",
        { passwordSecrets: { namePrefix: "orders/" } },
        /passwordSecrets\.namePrefix must be .*not starting or ending with "\/".*got "orders\/"/,
      ],
      [
        "the secret name prefix starts with a slash",
        { passwordSecrets: { namePrefix: "/orders" } },
        /passwordSecrets\.namePrefix .*got "\/orders"/,
      ],
      [
        "the secret name prefix has a space",
        { passwordSecrets: { namePrefix: "my orders" } },
        /passwordSecrets\.namePrefix .*got "my orders"/,
      ],
      [
        "an object creator is not a lowercase identifier",
        { objectCreators: ["Migrator"] },
        /objectCreators\[0\] must be 1-63 characters.*got "Migrator"/,
      ],
      [
        "an object creator is a reserved role",
        { objectCreators: ["migrator", "pg_monitor"] },
        /objectCreators\[1\] "pg_monitor" starts with "pg_"/,
      ],
      [
        "an object creator is the schema's owner",
        { objectCreators: ["app_owner"] },
        /objectCreators\[0\] "app_owner" is one of the schema's own roles \(app_owner, app_rw, app_ro\)/,
      ],
      [
        "an object creator is listed twice",
        { objectCreators: ["migrator", "migrator"] },
        /objectCreators must be distinct, got "migrator" more than once/,
      ],
    ])("fails when %s", (_case, override, message) => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const err = validationError(
        () =>
          new ApplicationSchema(stack, "App", {
            schemaName: "app",
            ...override,
            connection: { ...connection, ...override.connection },
          }),
      );
      // THEN
      expect(err.message).toMatch(message);
      expect(err.constructPath).toBe("bootstrap/App");
      expect(err.message).toMatch(/Fix: /);
    });

    test.each<[string, Partial<ApplicationSchemaProps>, RegExp]>([
      [
        "a password version is 0",
        { readWrite: { passwordVersion: 0 } },
        /passwordVersion must be an integer between 1/,
      ],
      [
        "a password version is not an integer",
        { readOnly: { passwordVersion: 1.5 } },
        /passwordVersion must be an integer/,
      ],
      [
        "a password version is set without login",
        { owner: { login: false, passwordVersion: 2 } },
        /passwordVersion applies to login roles only/,
      ],
      [
        "a connection limit is below -1",
        { owner: { connectionLimit: -2 } },
        /connectionLimit must be an integer between -1/,
      ],
    ])("fails when %s, naming the role's path", (_case, override, message) => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const err = validationError(
        () => new ApplicationSchema(stack, "App", { connection, schemaName: "app", ...override }),
      );
      // THEN
      expect(err.message).toMatch(message);
      expect(err.constructPath).toMatch(/^bootstrap\/App\/(Owner|ReadWrite|ReadOnly)$/);
    });

    test("reports every problem at once", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const err = validationError(
        () =>
          new ApplicationSchema(stack, "App", {
            connection: { ...connection, database: "" },
            schemaName: "public",
            owner: { name: "Owner" },
          }),
      );
      // THEN
      expect(err.message).toMatch(/schemaName "public"/);
      expect(err.message).toMatch(/connection\.database/);
      expect(err.message).toMatch(/owner\.name must be/);
    });

    test("accepts unresolved tokens without checking them", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN / THEN
      expect(
        () =>
          new ApplicationSchema(stack, "App", {
            connection: { ...connection, database: Token.asString({ Ref: "db" }) },
            schemaName: "app",
            owner: { name: Token.asString({ Ref: "owner" }) },
            objectCreators: [Token.asString({ Ref: "migrator" })],
          }),
      ).not.toThrow();
    });
  });
});

describe("PostgresExtensions", () => {
  describe("validation", () => {
    test.each<[string, Partial<PostgresExtensionsProps>, RegExp]>([
      [
        "the list is empty",
        { extensions: [] },
        /extensions must name at least one extension, got an empty list/,
      ],
      [
        "a name has uppercase letters",
        { extensions: ["PostGIS"] },
        /extensions\[0\] must be an extension name.*got "PostGIS"/,
      ],
      [
        "a name has a space",
        { extensions: ["pg_stat_statements", "pg audit"] },
        /extensions\[1\] must be.*got "pg audit"/,
      ],
      ["a name is SQL", { extensions: ["x; DROP TABLE t"] }, /extensions\[0\] must be an extension name/],
      ["a name is quoted", { extensions: ['"pgaudit"'] }, /extensions\[0\] must be an extension name/],
      ["a name is empty", { extensions: [""] }, /extensions\[0\] must be an extension name.*got ""/],
      ["a name starts with a digit", { extensions: ["2pc"] }, /extensions\[0\] must be an extension name/],
      [
        "a name is listed twice",
        { extensions: ["pgaudit", "pgaudit"] },
        /extensions must be distinct, got "pgaudit"/,
      ],
      ["the schema is not an identifier", { schema: "My Schema" }, /schema must be 1-63 characters/],
      [
        "the schema is pg_catalog",
        { schema: "pg_catalog" },
        /schema must not name a system schema, got "pg_catalog"/,
      ],
      [
        "the schema is information_schema",
        { schema: "information_schema" },
        /schema must not name a system schema, got "information_schema"/,
      ],
      [
        "plpgsql is listed (every database has it: adopted, then dropped on destroy)",
        { extensions: ["pgcrypto", "plpgsql"] },
        /extensions\[1\] "plpgsql" is installed in every database already: the provider would adopt it \(CREATE EXTENSION IF NOT EXISTS\) and destroy would drop it/,
      ],
      [
        "the extensions would be dropped with CASCADE",
        { dropCascade: true },
        /dropCascade is true, which would drop every object that depends on an extension .* \(DROP EXTENSION \.\.\. CASCADE\), and the provider adopts an extension that is already installed.*Fix: remove dropCascade/,
      ],
    ])("fails when %s", (_case, override, message) => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const err = validationError(
        () => new PostgresExtensions(stack, "Extensions", { connection, ...override }),
      );
      // THEN
      expect(err.message).toMatch(message);
      expect(err.constructPath).toBe("bootstrap/Extensions");
    });

    test.each<[string, Partial<PostgresExtensionsProps>]>([
      ["the public schema", { schema: "public" }],
      ["an application schema", { schema: "app" }],
      ["the default postgres database", { connection: { database: "postgres" } }],
      ["dropCascade false", { dropCascade: false }],
    ])("accepts %s", (_case, override) => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN / THEN
      expect(
        () =>
          new PostgresExtensions(stack, "Extensions", {
            ...override,
            connection: { ...connection, ...override.connection },
          }),
      ).not.toThrow();
    });

    test("accepts extension names with hyphens and digits", () => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN / THEN
      expect(
        () =>
          new PostgresExtensions(stack, "Extensions", {
            connection,
            extensions: ["uuid-ossp", "postgis_topology", "h3"],
          }),
      ).not.toThrow();
    });
  });
});

describe("PostgresRole", () => {
  describe("validation", () => {
    test.each<[string, Partial<PostgresRoleProps>, RegExp]>([
      ["the name is empty", { roleName: "" }, /roleName must be 1-63 characters.*got ""/],
      [
        "the name has uppercase letters",
        { roleName: "Reporter" },
        /roleName must be 1-63 characters.*got "Reporter"/,
      ],
      ["the name is 64 characters", { roleName: "r".repeat(64) }, /roleName must be 1-63 characters/],
      ["the name starts with pg_", { roleName: "pg_monitor" }, /"pg_monitor" starts with "pg_"/],
      ["the name is postgres", { roleName: "postgres" }, /"postgres" is a built-in role name/],
      [
        "the name is none",
        { roleName: "none" },
        /roleName "none" is a built-in role name or SQL role keyword/,
      ],
      [
        "the name is session_user",
        { roleName: "session_user" },
        /roleName "session_user" is a built-in role name/,
      ],
      [
        "the password version is above 1,000,000",
        { passwordVersion: 1_000_001 },
        /passwordVersion must be an integer between 1 and 1000000, got 1000001\. Fix: start at 1/,
      ],
      [
        "the password version is negative",
        { passwordVersion: -1 },
        /passwordVersion must be an integer between 1 and/,
      ],
    ])("fails when %s", (_case, override, message) => {
      // GIVEN
      const { stack, connection } = testStack();
      // WHEN
      const err = validationError(
        () => new PostgresRole(stack, "Role", { connection, roleName: "reporter", ...override }),
      );
      // THEN
      expect(err.message).toMatch(message);
      expect(err.constructPath).toBe("bootstrap/Role");
    });
  });
});

describe("ClusterProviderSettings", () => {
  const cluster: PostgresClusterEndpoint = {
    clusterEndpoint: "orders.cluster-abc.us-east-1.rds.amazonaws.com",
    port: 5432,
    databaseName: "orders",
    masterUsername: "dbadmin",
    masterUserSecretArn: "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-abc",
  };

  describe("validation", () => {
    test.each<[string, Partial<PostgresClusterEndpoint>, ClusterProviderSettingsOptions, RegExp]>([
      [
        "the cluster has no secret",
        { masterUserSecretArn: undefined },
        {},
        /no masterUserSecretArn and none was given/,
      ],
      [
        "verify-full needs a CA bundle",
        {},
        { sslMode: "verify-full" },
        /sslMode "verify-full" .* needs sslRootCertFile/,
      ],
      [
        "verify-ca needs a CA bundle",
        {},
        { sslMode: "verify-ca" },
        /sslMode "verify-ca" .* needs sslRootCertFile/,
      ],
      [
        "verify-full goes through a local port forward",
        {},
        {
          sslMode: "verify-full",
          sslRootCertFile: "global-bundle.pem",
          tunnel: PostgresTunnel.localPortForward(15432),
        },
        /a local port forward \(127\.0\.0\.1\) never matches/,
      ],
      [
        "the sslMode is unknown",
        {},
        { sslMode: "prefer" as never },
        /sslMode must be one of "disable", "require"/,
      ],
      [
        "the local port is 0",
        {},
        { tunnel: PostgresTunnel.localPortForward(0) },
        /tunnel local port must be an integer between 1 and 65535, got 0/,
      ],
      [
        "the local port is too high",
        {},
        { tunnel: PostgresTunnel.localPortForward(70000) },
        /tunnel local port must be .* got 70000/,
      ],
      [
        "the local host is empty",
        {},
        { tunnel: PostgresTunnel.localPortForward(15432, "") },
        /tunnel local host must not be empty/,
      ],
      [
        "the connect timeout is 0",
        {},
        { connectTimeoutSeconds: 0 },
        /connectTimeoutSeconds must be an integer between 1 and 3600/,
      ],
      [
        "the master secret read is unknown",
        {},
        { masterSecretRead: "cached" as "ephemeral" },
        /masterSecretRead must be one of "ephemeral", "data-source", got "cached"/,
      ],
      [
        "the database option is template1",
        {},
        { database: "template1" },
        /database "template1" is PostgreSQL's template database.*Fix: use the application's database/,
      ],
      [
        "the database option is empty",
        {},
        { database: "" },
        /database must be a database name of 1-63 bytes .*got ""/,
      ],
      [
        "the cluster's database is rdsadmin",
        { databaseName: "rdsadmin" },
        {},
        /database \(the cluster's databaseName\) "rdsadmin" is Amazon RDS's own database/,
      ],
      [
        "the provider alias is not an identifier",
        {},
        { alias: "orders db" },
        /alias must be a provider alias: a letter, then letters, digits, "_" or "-" \(e\.g\. "orders"\), got "orders db"/,
      ],
    ])("fails when %s", (_case, clusterOverride, options, message) => {
      // GIVEN
      const stack = new TerraformStack(Testing.app(), "bootstrap");
      // WHEN
      const err = validationError(
        () => new ClusterProviderSettings(stack, "Db", { ...cluster, ...clusterOverride }, options),
      );
      // THEN
      expect(err.message).toMatch(message);
      expect(err.constructPath).toBe("bootstrap/Db");
    });
  });
});

describe("generated passwords and statement logging", () => {
  const PGOPTIONS_FIX = `PGOPTIONS="${SUPPRESSED_SESSION_PGOPTIONS}"`;

  test("a login PostgresRole on a connection that does not say how its statements stay out of the log is refused", () => {
    // GIVEN a connection without sessionLogging (the default: unknown)
    const { stack, connection } = testStack();
    // WHEN
    const err = validationError(
      () =>
        new PostgresRole(stack, "Role", {
          connection: { provider: connection.provider, database: "orders" },
          roleName: "app_rw",
        }),
    );
    // THEN the message says why, and how to fix it
    expect(err.constructPath).toBe("bootstrap/Role");
    expect(err.message).toContain(
      '"app_rw" logs in with a generated password, which the postgresql provider sends in clear text',
    );
    expect(err.message).toContain('connection.sessionLogging is "unknown"');
    expect(err.message).toContain(PGOPTIONS_FIX);
    expect(err.message).toContain("SessionLogging.SUPPRESSED");
  });

  test("an ApplicationSchema names all its login roles in one error, before creating any", () => {
    // GIVEN
    const { stack, connection } = testStack();
    // WHEN
    const err = validationError(
      () =>
        new ApplicationSchema(stack, "App", {
          connection: { ...connection, sessionLogging: SessionLogging.UNKNOWN },
          schemaName: "app",
          readOnly: { login: false },
        }),
    );
    // THEN
    expect(err.constructPath).toBe("bootstrap/App");
    expect(err.message).toContain('"app_owner", "app_rw" log in with a generated password');
    expect(stack.node.findAll().filter((c) => c.node.id === "Resource")).toEqual([]);
  });

  test.each([
    ["suppressed", SessionLogging.SUPPRESSED],
    ["accepted for a throwaway database", SessionLogging.ACCEPT_PASSWORDS_IN_LOG],
  ])("is allowed when the connection says the session is %s", (_case, sessionLogging) => {
    const { stack, connection } = testStack();
    expect(
      () =>
        new PostgresRole(stack, "Role", {
          connection: { ...connection, sessionLogging },
          roleName: "app_rw",
        }),
    ).not.toThrow();
  });

  test("a role without login sends no password, so any connection will do", () => {
    const { stack, connection } = testStack();
    expect(
      () =>
        new PostgresRole(stack, "Role", {
          connection: { provider: connection.provider, database: "orders" },
          roleName: "app_group",
          login: false,
        }),
    ).not.toThrow();
  });

  test("an unknown sessionLogging value is reported with the allowed ones", () => {
    const { stack, connection } = testStack();
    const err = validationError(
      () =>
        new PostgresRole(stack, "Role", {
          connection: { ...connection, sessionLogging: "off" as SessionLogging },
          roleName: "app_rw",
        }),
    );
    expect(err.message).toContain(
      'connection.sessionLogging must be one of "unknown", "suppressed", "accept-passwords-in-log", got "off"',
    );
  });

  test("SUPPRESSED_SESSION_PGOPTIONS turns off every way a statement reaches the log or pg_stat_statements", () => {
    expect(
      SUPPRESSED_SESSION_PGOPTIONS.split(/\s*-c\s+/)
        .filter(Boolean)
        .sort(),
    ).toEqual([
      "log_min_duration_statement=-1",
      "log_min_error_statement=panic",
      "log_statement=none",
      "pg_stat_statements.track=none",
    ]);
  });
});
