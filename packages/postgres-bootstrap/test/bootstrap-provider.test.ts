import "cdktf/lib/testing/adapters/jest";
import { TerraformStack, Testing } from "cdktf";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { IAuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import {
  ClusterProviderSettings,
  clusterProviderConfig,
  PostgresClusterEndpoint,
  PostgresTunnel,
} from "../src";
import { testStack as sharedTestStack } from "../../../test/helpers/unit";

const cluster: PostgresClusterEndpoint = {
  clusterEndpoint: "orders.cluster-abc.us-east-1.rds.amazonaws.com",
  port: 5432,
  databaseName: "orders",
  masterUsername: "dbadmin",
  masterUserSecretArn: "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-abc",
};
const PASSWORD =
  "${jsondecode(ephemeral.aws_secretsmanager_secret_version.Db_MasterUserSecret.secret_string).password}";

/** The secret ARN the ephemeral master-secret read gets (through its local), or undefined. */
function ephemeralSecretId(out: string): string | undefined {
  const json = JSON.parse(out) as {
    ephemeral?: Record<string, Record<string, { secret_id: string }>>;
    locals?: Record<string, string>;
    data?: Record<string, unknown>;
  };
  expect(json.data?.aws_secretsmanager_secret_version).toBeUndefined();
  const ref = json.ephemeral?.aws_secretsmanager_secret_version?.Db_MasterUserSecret?.secret_id;
  const local = ref && /^\$\{local\.(\w+)\}$/.exec(ref)?.[1];
  return local ? json.locals?.[local] : undefined;
}

function testStack(): TerraformStack {
  return sharedTestStack("bootstrap");
}

describe("ClusterProviderSettings", () => {
  describe("defaults", () => {
    test("connects to the cluster endpoint as the master user, not as superuser, with TLS required (BOOT-01, BOOT-03)", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new PostgresqlProvider(stack, "Postgresql", clusterProviderConfig(stack, "Db", cluster));
      // THEN
      expect(Testing.synth(stack)).toHaveProviderWithProperties(PostgresqlProvider, {
        host: "orders.cluster-abc.us-east-1.rds.amazonaws.com",
        port: 5432,
        database: "orders",
        username: "dbadmin",
        superuser: false,
        sslmode: "require",
        connect_timeout: 15,
      });
    });

    test("reads the password from the managed secret with an ephemeral resource, never as a literal nor into state (BOOT-02)", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const settings = new ClusterProviderSettings(stack, "Db", cluster);
      new PostgresqlProvider(stack, "Postgresql", settings.config);
      // THEN
      const out = Testing.synth(stack);
      expect(ephemeralSecretId(out)).toBe(
        "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-abc",
      );
      expect(out).toHaveProviderWithProperties(PostgresqlProvider, { password: PASSWORD });
      expect(settings.database).toBe("orders");
      expect(settings.masterSecretRead).toBe("ephemeral");
      expect(settings.masterSecret).toBeUndefined();
      expect(settings.masterSecretAddress).toBe(
        "ephemeral.aws_secretsmanager_secret_version.Db_MasterUserSecret",
      );
    });

    test("reads it with a data source (into state) when masterSecretRead is data-source, for older engines", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const settings = new ClusterProviderSettings(stack, "Db", cluster, { masterSecretRead: "data-source" });
      new PostgresqlProvider(stack, "Postgresql", settings.config);
      // THEN
      const out = Testing.synth(stack);
      expect(out).toHaveDataSourceWithProperties(DataAwsSecretsmanagerSecretVersion, {
        secret_id: "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-abc",
      });
      expect(out).toHaveProviderWithProperties(PostgresqlProvider, {
        password:
          "${jsondecode(data.aws_secretsmanager_secret_version.Db_MasterUserSecret_46B8F8E8.secret_string).password}",
      });
      expect(JSON.parse(out).ephemeral).toBeUndefined();
    });

    test("creates no provider itself", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      clusterProviderConfig(stack, "Db", cluster);
      // THEN
      const json = JSON.parse(Testing.synth(stack)) as { provider: Record<string, unknown> };
      expect(Object.keys(json.provider)).toEqual(["aws"]);
    });
  });

  describe("tunnels", () => {
    test("dials the local end of an SSM port forward", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new PostgresqlProvider(
        stack,
        "Postgresql",
        clusterProviderConfig(stack, "Db", cluster, { tunnel: PostgresTunnel.localPortForward(15432) }),
      );
      // THEN
      expect(Testing.synth(stack)).toHaveProviderWithProperties(PostgresqlProvider, {
        host: "127.0.0.1",
        port: 15432,
        sslmode: "require",
      });
    });

    test("dials the real endpoint through a SOCKS proxy (ALL_PROXY)", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new PostgresqlProvider(
        stack,
        "Postgresql",
        clusterProviderConfig(stack, "Db", cluster, { tunnel: PostgresTunnel.socksProxy() }),
      );
      // THEN
      expect(Testing.synth(stack)).toHaveProviderWithProperties(PostgresqlProvider, {
        host: "orders.cluster-abc.us-east-1.rds.amazonaws.com",
        port: 5432,
      });
    });
  });

  describe("props", () => {
    test("takes database, secret, TLS verification, timeout and alias overrides", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      new PostgresqlProvider(
        stack,
        "Postgresql",
        clusterProviderConfig(stack, "Db", cluster, {
          database: "reporting",
          masterUserSecretArn: "arn:aws:secretsmanager:us-east-1:111122223333:secret:other",
          sslMode: "verify-ca",
          sslRootCertFile: "/etc/ssl/rds-global-bundle.pem",
          connectTimeoutSeconds: 30,
          alias: "orders",
          tunnel: PostgresTunnel.localPortForward(6543, "localhost"),
        }),
      );
      // THEN
      const out = Testing.synth(stack);
      expect(out).toHaveProviderWithProperties(PostgresqlProvider, {
        alias: "orders",
        host: "localhost",
        port: 6543,
        database: "reporting",
        sslmode: "verify-ca",
        sslrootcert: "/etc/ssl/rds-global-bundle.pem",
        connect_timeout: 30,
      });
      expect(ephemeralSecretId(out)).toBe("arn:aws:secretsmanager:us-east-1:111122223333:secret:other");
    });

    test("accepts an IAuroraPostgresCluster as the cluster", () => {
      // GIVEN: any object of the cluster contract (here a hand-written imported cluster)
      const stack = testStack();
      const imported = {
        ...cluster,
        clusterIdentifier: "orders",
        clusterArn: "arn:aws:rds:us-east-1:111122223333:cluster:orders",
        clusterResourceId: "cluster-ABC",
        readerEndpoint: "orders.cluster-ro-abc.us-east-1.rds.amazonaws.com",
        postgresqlLogGroupName: "/aws/rds/cluster/orders/postgresql",
      } as Omit<IAuroraPostgresCluster, "connections"> as IAuroraPostgresCluster;
      // WHEN
      const config = clusterProviderConfig(stack, "Db", imported);
      // THEN
      expect(config.host).toBe("orders.cluster-abc.us-east-1.rds.amazonaws.com");
      expect(config.superuser).toBe(false);
    });
  });
});
