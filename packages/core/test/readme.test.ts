import * as path from "path";
import * as publicApi from "../src";
import { packageApi } from "../../../test/helpers/unit";

const api = packageApi(path.join(__dirname, ".."));

describe("README API section", () => {
  test("lists exactly the names src/index.ts exports, and index.ts has no export *", () => {
    expect(api.documented).toEqual(api.exported);
    expect(api.exportsAll).toBe(false);
  });

  test("the run-time exports are the value exports of src/index.ts", () => {
    expect(Object.keys(publicApi).sort()).toEqual(api.runtime);
  });

  test("exports the shared primitives and nothing else at run time", () => {
    expect(Object.keys(publicApi).sort()).toEqual([
      "AwsContext",
      "CLOUDWATCH_LOG_RETENTION_DAYS",
      "Connections",
      "EMAIL_PATTERN",
      "EXTENSION_NAME_PATTERN",
      "IDENTIFIER_PATTERN",
      "LOG_GROUP_NAME_PATTERN",
      "MAX_IDENTIFIER_BYTES",
      "Peer",
      "Port",
      "RDS_PARAMETER_NAME_PATTERN",
      "SECRET_NAME_PATTERN",
      "STACK_TRACE_VARIABLE",
      "TAG_CHARACTERS_PATTERN",
      "TESTED_PROVIDER_VERSIONS",
      "ValidationError",
      "Validator",
      "arnParts",
      "awsManagedPolicyArn",
      "canonicalIpv4Cidr",
      "checkArn",
      "checkDatabaseName",
      "checkDisplayName",
      "checkDistinct",
      "checkExtensionName",
      "checkKmsKeyArn",
      "checkPasswordVersion",
      "checkRoleName",
      "checkSchemaName",
      "checkTags",
      "duplicatesOf",
      "ipv4CidrsOverlap",
      "isSystemSchema",
      "logGroupArn",
      "parseIpv4Cidr",
      "partitionOfRegion",
      "providerVersions",
      "rdsPostgresqlLogGroupName",
      "reservedRoleReason",
      "runApp",
    ]);
  });
});
