/**
 * Real runs: OpenTofu validates and plans the proxy and the PrivateLink endpoint service with
 * hashicorp/aws 5.100 against moto, and applies what moto can create.
 */
import "cdktf/lib/testing/adapters/jest";
import { TerraformElement, Testing } from "cdktf";
import { NetworkInterface } from "@cdktf/provider-aws/lib/network-interface";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { AuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { AuroraProxy, ProxyEndpointService, ProxyIamAuth } from "../src";
import { proxyInterfaceDescription } from "../src/proxy-endpoint-service";
import { APP_SECRET, importedCluster, MASTER_SECRET } from "./util";
import { fakeVpc } from "../../../test/helpers/unit";
import { PlanJson, synthAndPlan, synthToDir, TofuWorkdir } from "../../../test/helpers/tofu";
import { awsEnv, itWithAwsProvider, MotoAwsStack } from "../../../test/helpers/aws";

jest.setTimeout(600_000);

const fqn = (e: TerraformElement) => e.friendlyUniqueId;

type Planned = Record<string, Record<string, unknown>>;
/** The planned `after` values of one resource type, by address. */
function planned(plan: PlanJson, type: string): Planned {
  return Object.fromEntries(
    (plan.resource_changes ?? [])
      .filter((c) => c.type === type)
      .map((c) => [c.address, c.change.after as Record<string, unknown>]),
  );
}

describe("AuroraProxy and ProxyEndpointService against OpenTofu and moto", () => {
  itWithAwsProvider(
    "validates with hashicorp/aws 5.100 and plans the proxy: TLS, secrets, IAM auth, pool, target, reader endpoint",
    () => {
      // GIVEN a proxy on an imported cluster with the master secret and an application role's secret
      const stack = new MotoAwsStack(Testing.app(), "proxy-plan");
      const cluster = importedCluster(stack);
      new AuroraProxy(stack, "Proxy", {
        cluster,
        vpc: fakeVpc(),
        auth: [{ secretArn: APP_SECRET, iamAuth: ProxyIamAuth.DISABLED }],
        connectionPool: {
          maxConnectionsPercent: 80,
          maxIdleConnectionsPercent: 20,
          sessionPinningFilters: ["EXCLUDE_VARIABLE_SETS"],
        },
        readerEndpoint: true,
      });

      // WHEN validated and planned against moto
      const { plan } = synthAndPlan(stack, awsEnv());

      // THEN the proxy requires TLS and has one entry per secret, IAM auth per entry
      const [proxy] = Object.values(planned(plan, "aws_db_proxy"));
      expect(proxy).toMatchObject({
        engine_family: "POSTGRESQL",
        require_tls: true,
        name: "orders-prod-proxy",
      });
      const auth = (proxy.auth as Record<string, unknown>[]).map((a) => [
        a.secret_arn,
        a.iam_auth,
        a.auth_scheme,
      ]);
      expect(auth.sort()).toEqual([
        [APP_SECRET, "DISABLED", "SECRETS"],
        [MASTER_SECRET, "REQUIRED", "SECRETS"],
      ]);
      // AND the pool, the cluster target and the READ_ONLY endpoint are planned
      const [group] = Object.values(planned(plan, "aws_db_proxy_default_target_group"));
      expect(group.connection_pool_config).toEqual([
        expect.objectContaining({
          max_connections_percent: 80,
          max_idle_connections_percent: 20,
          session_pinning_filters: ["EXCLUDE_VARIABLE_SETS"],
        }),
      ]);
      expect(Object.values(planned(plan, "aws_db_proxy_target"))).toEqual([
        expect.objectContaining({ db_cluster_identifier: "orders-prod" }),
      ]);
      expect(Object.values(planned(plan, "aws_db_proxy_endpoint"))).toEqual([
        expect.objectContaining({ target_role: "READ_ONLY", db_proxy_endpoint_name: "orders-prod-proxy-ro" }),
      ]);
      // AND the cluster's security group admits the proxy's on the cluster's port
      expect(Object.values(planned(plan, "aws_vpc_security_group_ingress_rule"))).toEqual([
        expect.objectContaining({
          security_group_id: "sg-0123456789abcdef0",
          from_port: 6543,
          to_port: 6543,
        }),
      ]);
    },
  );

  itWithAwsProvider(
    "moto applies the proxy and the endpoint service; once the proxy exists, the plan targets its interfaces and moto registers them",
    async () => {
      // GIVEN, in moto, a VPC, two subnets, the cluster's security group and master secret, a cluster,
      // and a network interface described as RDS describes a proxy's (moto's proxy makes none)
      const app = Testing.app();
      const stack = new MotoAwsStack(app, "proxy-apply");
      const vpc = new Vpc(stack, "Vpc", { cidrBlock: "10.60.0.0/16" });
      const subnets = ["a", "b"].map(
        (az, i) =>
          new Subnet(stack, `Subnet${az}`, {
            vpcId: vpc.id,
            cidrBlock: `10.60.${i}.0/24`,
            availabilityZone: `us-east-1${az}`,
          }),
      );
      const clusterSg = new SecurityGroup(stack, "ClusterSg", { vpcId: vpc.id, name: "orders-db" });
      const secret = new SecretsmanagerSecret(stack, "Master", { name: "orders-master" });
      const rds = new RdsCluster(stack, "Rds", {
        clusterIdentifier: "orders-moto",
        engine: "aurora-postgresql",
        masterUsername: "postgres",
        masterPassword: "not-a-real-password-1",
        skipFinalSnapshot: true,
        vpcSecurityGroupIds: [clusterSg.id],
      });
      const cluster = AuroraPostgresCluster.fromClusterAttributes(stack, "Cluster", {
        clusterIdentifier: rds.clusterIdentifier,
        clusterArn: rds.arn,
        clusterResourceId: rds.clusterResourceId,
        clusterEndpoint: rds.endpoint,
        databaseName: "orders",
        masterUsername: "postgres",
        masterUserSecretArn: secret.arn,
        securityGroupId: clusterSg.id,
      });
      const vpcRef = {
        vpcId: vpc.id,
        vpcCidrBlock: "10.60.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        publicSubnetIds: subnets.map((s) => s.id),
        privateSubnetIds: subnets.map((s) => s.id),
      };
      const proxy = new AuroraProxy(stack, "Proxy", { cluster, vpc: vpcRef, proxyName: "orders-moto" });
      new NetworkInterface(stack, "ProxyEniStandIn", {
        subnetId: subnets[0].id,
        description: proxyInterfaceDescription("orders-moto"),
        securityGroups: [proxy.connections.securityGroupId],
      });
      // AND the endpoint service (its own stack in a deployment; here the same, applied in two steps)
      const link = new ProxyEndpointService(stack, "Link", {
        proxy,
        allowedPrincipals: ["arn:aws:iam::111122223333:root"],
        name: "orders-moto-link",
      });
      const work = new TofuWorkdir(synthToDir(stack), awsEnv());
      work.init();
      work.validate();
      const interfaces = `data.aws_network_interfaces.${fqn(link.proxyInterfaces)}`;
      try {
        // WHEN everything but the interface lookup is applied (as the proxy's stack would be)
        work.apply([`-exclude=${interfaces}`]);
        // AND then the rest is planned: the lookup finds the proxy's interface
        const plan = work.plan();
        // THEN the load balancer targets its address on 5432
        const targets = Object.values(planned(plan, "aws_lb_target_group_attachment"));
        expect(targets).toEqual([
          expect.objectContaining({ port: 5432, target_id: expect.stringMatching(/^10\.60\.0\.\d+$/) }),
        ]);
        // AND moto registers that target (moto reads back the other resources with drift, so the
        // rest of the second plan is not asserted; see the README)
        const attachments = `aws_lb_target_group_attachment.${fqn(link.node.findChild("ProxyTarget") as TerraformElement)}`;
        work.apply([`-target=${attachments}`]);
        expect(work.stateList()).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^aws_db_proxy\./),
            expect.stringMatching(/^aws_db_proxy_default_target_group\./),
            expect.stringMatching(/^aws_db_proxy_target\./),
            expect.stringMatching(/^aws_lb\./),
            expect.stringMatching(/^aws_vpc_endpoint_service\./),
            expect.stringMatching(/^aws_lb_target_group_attachment\..*\["eni-[0-9a-f]+"\]$/),
          ]),
        );
      } finally {
        work.destroy();
      }
      expect(work.stateList()).toEqual([]);
    },
  );
});
