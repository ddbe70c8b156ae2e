import "cdktf/lib/testing/adapters/jest";
import { AwsS3Extension, AWS_S3_EXTENSIONS } from "../src";
import { databaseStack, resources, thrownBy } from "../../../test/helpers/unit";

describe("AwsS3Extension", () => {
  test("creates aws_commons, then aws_s3, without CASCADE, and nothing else without roles", () => {
    // GIVEN
    const { stack, connection } = databaseStack();
    // WHEN
    new AwsS3Extension(stack, "S3", { connection });
    // THEN
    const extensions = Object.entries(resources(stack, "postgresql_extension"));
    expect(extensions.map(([, e]) => e.name)).toEqual(["aws_commons", "aws_s3"]);
    expect(extensions.map(([, e]) => e.create_cascade)).toEqual([undefined, undefined]);
    expect(extensions[1][1].depends_on).toEqual([`postgresql_extension.${extensions[0][0]}`]);
    expect(resources(stack, "postgresql_grant")).toEqual({});
    expect(AWS_S3_EXTENSIONS).toEqual(["aws_commons", "aws_s3"]);
  });

  test("grants each role USAGE on both schemas and EXECUTE on all their functions, one grant after the other", () => {
    // GIVEN
    const { stack, connection } = databaseStack();
    // WHEN
    const s3 = new AwsS3Extension(stack, "S3", { connection, roles: ["app_rw", "etl"] });
    // THEN
    const grants = Object.entries(resources(stack, "postgresql_grant"));
    const rows = grants.map(([, g]) => [g.role, g.schema, g.object_type, g.privileges, g.objects].join(" "));
    expect(rows.sort()).toEqual([
      "app_rw aws_commons function EXECUTE ",
      "app_rw aws_commons schema USAGE ",
      "app_rw aws_s3 function EXECUTE ",
      "app_rw aws_s3 schema USAGE ",
      "etl aws_commons function EXECUTE ",
      "etl aws_commons schema USAGE ",
      "etl aws_s3 function EXECUTE ",
      "etl aws_s3 schema USAGE ",
    ]);
    expect(grants.every(([, g]) => g.database === "orders" && g.objects === undefined)).toBe(true);
    // a chain: one grant waits for aws_s3, every other one for a different grant
    const awsS3 = Object.entries(resources(stack, "postgresql_extension")).find(
      ([, e]) => e.name === "aws_s3",
    )?.[0];
    const deps = grants.map(([, g]) => (g.depends_on as string[]).join());
    expect(deps.filter((d) => d === `postgresql_extension.${awsS3}`)).toHaveLength(1);
    const onGrants = deps.filter((d) => d.startsWith("postgresql_grant."));
    expect(new Set(onGrants).size).toBe(grants.length - 1);
    expect(Object.keys(s3.grants.etl).sort()).toEqual([
      "aws_commons-execute",
      "aws_commons-usage",
      "aws_s3-execute",
      "aws_s3-usage",
    ]);
  });

  test.each([
    ["a role twice", { roles: ["etl", "etl"] }, "roles"],
    ["an upper-case role", { roles: ["ETL"] }, "roles[0]"],
  ])("refuses %s", (_, props, field) => {
    // GIVEN
    const { stack, connection } = databaseStack();
    // WHEN
    const error = thrownBy(() => new AwsS3Extension(stack, "S3", { connection, ...props }));
    // THEN
    expect(error.message).toContain(`[bootstrap/S3] invalid props: ${field}`);
  });
});
