import { TerraformStack, Testing, Token } from "cdktf";
import {
  checkDatabaseName,
  checkDisplayName,
  checkExtensionName,
  checkPasswordVersion,
  checkRoleName,
  checkSchemaName,
  isSystemSchema,
  PostgresNameUse,
  Validator,
} from "../src";

/** The messages one rule records for `value` (an empty list: accepted). */
function messages(record: (v: Validator) => void): readonly string[] {
  const v = new Validator(new TerraformStack(Testing.app(), "s"));
  record(v);
  return v.messages;
}

/** One row per input: `null` when accepted, else a fragment the single message must contain. */
type Row<T> = [T, string | null];

function expectRow(found: readonly string[], expected: string | null): void {
  if (expected === null) {
    expect(found).toEqual([]);
  } else {
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
    expect(found[0]).toMatch(/Fix: /);
  }
}

describe("checkRoleName", () => {
  test.each<[PostgresNameUse, ...Row<string>]>([
    ["create", "app_owner", null],
    ["create", "a".repeat(63), null],
    [
      "create",
      "",
      'must be 1-63 characters: a lowercase letter first, then lowercase letters, digits or underscores (a lowercase PostgreSQL identifier that needs no quoting), got ""',
    ],
    ["create", " ", 'got " "'],
    ["create", "a".repeat(64), "must be 1-63 characters"],
    ["create", "App", 'got "App"'],
    ["create", "app-owner", 'got "app-owner"'],
    ["create", 'app"owner', 'got "app\\"owner"'],
    [
      "create",
      "pg_monitor",
      '"pg_monitor" starts with "pg_", which PostgreSQL reserves for its predefined roles',
    ],
    ["create", "rds_superuser", '"rds_superuser" is reserved by Amazon RDS for its own roles'],
    ["create", "rdsadmin", '"rdsadmin" is reserved by Amazon RDS'],
    ["create", "rdsrepladmin", '"rdsrepladmin" is reserved by Amazon RDS'],
    ["create", "rdstopmgr", '"rdstopmgr" is reserved by Amazon RDS'],
    ["create", "public", '"public" is a built-in role name or SQL role keyword'],
    ["create", "none", '"none" is a built-in role name or SQL role keyword'],
    ["create", "current_user", '"current_user" is a built-in role name or SQL role keyword'],
    ["create", "session_user", '"session_user" is a built-in role name'],
    ["create", "current_role", '"current_role" is a built-in role name'],
    ["create", "postgres", '"postgres" is a built-in role name (the default master user'],
    ["reference", "postgres", null],
    ["reference", "app_owner", null],
    ["reference", "rdsadmin", '"rdsadmin" is one of Amazon RDS\'s internal roles'],
    ["reference", "rdstopmgr", '"rdstopmgr" is one of Amazon RDS\'s internal roles'],
    ["reference", "rds_superuser", null],
    ["reference", "rds_master", null],
    ["reference", "pg_read_all_data", 'starts with "pg_"'],
    ["reference", "public", '"public" is a built-in role name or SQL role keyword'],
    ["reference", "App Owner", 'got "App Owner"'],
  ])("%s %j: %s", (use, value, expected) => {
    const found = messages((v) => checkRoleName(v, "roleName", value, use));
    expectRow(found, expected);
    // The message names the field first.
    for (const m of found) expect(m).toMatch(/^roleName /);
  });

  test("accepts tokens and undefined unchecked", () => {
    expect(messages((v) => checkRoleName(v, "roleName", Token.asString({ Ref: "r" })))).toEqual([]);
    expect(messages((v) => checkRoleName(v, "roleName", undefined))).toEqual([]);
  });
});

describe("checkSchemaName", () => {
  test.each<[PostgresNameUse, ...Row<string>]>([
    ["create", "app", null],
    ["create", "datafold_tmp", null],
    ["create", "", 'got ""'],
    ["create", "a".repeat(64), "must be 1-63 characters"],
    ["create", "Sales", 'got "Sales"'],
    ["create", "sales-eu", 'got "sales-eu"'],
    [
      "create",
      "public",
      '"public" is a schema every database already has; the construct creates the schema as its own and the provider would adopt the existing one',
    ],
    ["create", "information_schema", '"information_schema" is a schema every database already has'],
    ["create", "pg_catalog", '"pg_catalog" starts with "pg_", which PostgreSQL reserves for system schemas'],
    ["create", "pg_toast", 'starts with "pg_"'],
    ["create", "pg_temp_1", 'starts with "pg_"'],
    ["reference", "public", null],
    ["reference", "sales", null],
    ["reference", "pg_catalog", 'must not name a system schema, got "pg_catalog"'],
    ["reference", "information_schema", 'must not name a system schema, got "information_schema"'],
    ["reference", "sales; drop table x", "must be 1-63 characters"],
  ])("%s %j: %s", (use, value, expected) => {
    expectRow(
      messages((v) => checkSchemaName(v, "schema", value, use)),
      expected,
    );
  });

  test.each([
    ["pg_catalog", true],
    ["pg_toast", true],
    ["information_schema", true],
    ["public", false],
    ["app", false],
  ])("isSystemSchema(%j) is %s", (name, system) => {
    expect(isSystemSchema(name)).toBe(system);
  });
});

describe("checkDatabaseName", () => {
  test.each<[PostgresNameUse, ...Row<string>]>([
    ["reference", "orders", null],
    ["reference", "Orders", null],
    ["reference", "order-db", null],
    ["reference", "postgres", null],
    ["reference", "d".repeat(63), null],
    [
      "reference",
      "",
      'must be a database name of 1-63 bytes without whitespace, quotes, backslashes or control characters, got ""',
    ],
    ["reference", "   ", 'got "   "'],
    ["reference", "d".repeat(64), "1-63 bytes"],
    ["reference", "é".repeat(32), "1-63 bytes"],
    ["reference", "my db", 'got "my db"'],
    ["reference", 'or"ders', "1-63 bytes"],
    ["reference", "or'ders", "1-63 bytes"],
    ["reference", "or\\ders", "1-63 bytes"],
    ["reference", "or\u0000ders", "1-63 bytes"],
    ["reference", "template0", '"template0" is PostgreSQL\'s pristine template database'],
    [
      "reference",
      "template1",
      '"template1" is PostgreSQL\'s template database: whatever is created there is copied into every database created later',
    ],
    ["reference", "rdsadmin", '"rdsadmin" is Amazon RDS\'s own database'],
    ["create", "orders", null],
    ["create", "Orders", null],
    [
      "create",
      "postgres",
      'collides with the "postgres" database every Aurora PostgreSQL cluster already has',
    ],
    ["create", "Postgres", 'collides with the "postgres" database'],
    ["create", "pg_orders", '"pg_orders" starts with "pg_"'],
    ["create", "template1", "is PostgreSQL's template database"],
    ["create", "rdsadmin", "is Amazon RDS's own database"],
    [
      "create",
      "1orders",
      'must be 1-63 characters: a letter, then letters, digits or underscores (APG-02), got "1orders"',
    ],
    ["create", "order-db", "(APG-02)"],
    ["create", "d".repeat(64), "(APG-02)"],
  ])("%s %j: %s", (use, value, expected) => {
    expectRow(
      messages((v) => checkDatabaseName(v, "database", value, use)),
      expected,
    );
  });
});

describe("checkExtensionName", () => {
  test.each<Row<string>>([
    ["pgcrypto", null],
    ["uuid-ossp", null],
    ["plpgsql", '"plpgsql" is installed in every database already: the provider would adopt it'],
    ["PostGIS", 'got "PostGIS"'],
    ["", 'got ""'],
  ])("%j: %s", (value, expected) => {
    expectRow(
      messages((v) => checkExtensionName(v, "extensions[0]", value)),
      expected,
    );
  });
});

describe("checkPasswordVersion", () => {
  test.each<Row<number>>([
    [1, null],
    [1_000_000, null],
    [0, "passwordVersion must be an integer between 1 and 1000000, got 0"],
    [-1, "got -1"],
    [1.5, "got 1.5"],
    [1_000_001, "got 1000001"],
  ])("%j: %s", (value, expected) => {
    expectRow(
      messages((v) => checkPasswordVersion(v, "passwordVersion", value)),
      expected,
    );
  });
});

describe("checkDisplayName", () => {
  test.each<Row<string>>([
    ["orders-prod", null],
    ["Orders (prod)", null],
    ["x".repeat(255), null],
    [
      "",
      'dataSourceName must be 1-255 characters of text, not blank, without leading or trailing whitespace or control characters, got ""',
    ],
    ["   ", 'got "   "'],
    [" orders", 'got " orders"'],
    ["orders\n", 'got "orders\\n"'],
    ["or\u0007ders", "control characters"],
    ["x".repeat(256), "1-255 characters"],
  ])("%j: %s", (value, expected) => {
    expectRow(
      messages((v) => checkDisplayName(v, "dataSourceName", value, 255, "orders-prod")),
      expected,
    );
  });
});
