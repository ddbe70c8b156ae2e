import { TerraformStack } from "cdktf";
import { AuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { AuroraProxy, AuroraProxyProps } from "../src";
import { fakeVpc, testStack } from "../../../test/helpers/unit";

export * from "../../../test/helpers/unit";

export const MASTER_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-abc-AbCdEf";
export const APP_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/app_rw-XyZ123";
export const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** A cluster imported by attributes, with a known master secret (none with `null`). */
export function importedCluster(stack: TerraformStack, masterSecret: string | null = MASTER_SECRET) {
  const masterUserSecretArn = masterSecret ?? undefined;
  return AuroraPostgresCluster.fromClusterAttributes(stack, "Cluster", {
    clusterIdentifier: "orders-prod",
    clusterArn: "arn:aws:rds:us-east-1:123456789012:cluster:orders-prod",
    clusterResourceId: "cluster-ABCDEFGHIJKLMNOP",
    clusterEndpoint: "orders-prod.cluster-abc.us-east-1.rds.amazonaws.com",
    databaseName: "orders",
    masterUsername: "postgres",
    masterUserSecretArn,
    securityGroupId: "sg-0123456789abcdef0",
    port: 6543,
  });
}

/** A stack with an imported cluster and a proxy built with `props` on top of the required ones. */
export function proxyStack(props: Partial<AuroraProxyProps> = {}, masterUserSecretArn?: string | null) {
  const stack = testStack();
  const cluster = importedCluster(
    stack,
    masterUserSecretArn === undefined ? MASTER_SECRET : masterUserSecretArn,
  );
  const proxy = new AuroraProxy(stack, "Proxy", { cluster, vpc: fakeVpc(), ...props });
  return { stack, cluster, proxy };
}
