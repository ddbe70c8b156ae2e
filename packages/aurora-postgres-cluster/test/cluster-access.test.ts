import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { Connections, Peer, Port } from "@aurora-cdktf/core";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { AuroraPostgresCluster } from "../src";
import { minimalProps, resourcesOf, testStack } from "./cluster-helpers";
import { resolve } from "../../../test/helpers/unit";

/** A stand-in for the bastion: anything with `connections` on its own security group. */
function fakeBastion(scope: Construct): { connections: Connections } {
  return {
    connections: new Connections({
      scope: new Construct(scope, "Bastion"),
      securityGroupId: "sg-bastion",
      defaultPort: Port.tcp(22),
    }),
  };
}

const ATTRS = {
  clusterIdentifier: "orders",
  clusterArn: "arn:aws-cn:rds:cn-north-1:111122223333:cluster:orders",
  clusterResourceId: "cluster-ABCDEFGHIJ",
  clusterEndpoint: "orders.cluster-abc.cn-north-1.rds.amazonaws.com.cn",
  databaseName: "orders",
  masterUsername: "dbadmin",
  securityGroupId: "sg-0c1a2b3c4d5e6f708",
};

describe("AuroraPostgresCluster", () => {
  describe("connections", () => {
    test("APG-27/XS-03: allowDefaultPortFrom(bastion) admits the bastion's group on the database port", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps({ port: 5433 }));
      // WHEN
      cluster.connections.allowDefaultPortFrom(fakeBastion(stack));
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
        security_group_id: "${aws_security_group.Cluster_SecurityGroup_466DBA58.id}",
        referenced_security_group_id: "sg-bastion",
        ip_protocol: "tcp",
        from_port: 5433,
        to_port: 5433,
      });
    });

    test("allowConnectionsFrom admits each named peer, and nothing else on the port", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({
          allowConnectionsFrom: [fakeBastion(stack), Peer.securityGroupId("sg-app", "AppServers")],
        }),
      );
      // THEN
      const tcp = Object.values(resourcesOf(stack, "aws_vpc_security_group_ingress_rule")).filter(
        (r) => r.ip_protocol === "tcp",
      );
      expect(tcp.map((r) => [r.referenced_security_group_id, r.from_port, r.to_port]).sort()).toEqual([
        ["sg-app", 5432, 5432],
        ["sg-bastion", 5432, 5432],
      ]);
      expect(tcp.some((r) => r.cidr_ipv4 !== undefined)).toBe(false);
    });

    test("connections admits a CIDR on the database port of the cluster's group", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      // WHEN
      cluster.connections.allowFrom(
        Peer.ipv4("10.1.0.0/16"),
        cluster.connections.defaultPort!,
        "VPN clients",
      );
      // THEN
      expect(cluster.connections.defaultPort?.label).toBe("tcp/5432");
      expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
        security_group_id: "${aws_security_group.Cluster_SecurityGroup_466DBA58.id}",
        cidr_ipv4: "10.1.0.0/16",
        from_port: 5432,
        description: "VPN clients",
      });
    });
  });

  describe("grants", () => {
    test("grantConnect gives the role rds-db:connect on the user of this cluster only", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      const role = new IamRole(stack, "AppRole", { name: "orders-app", assumeRolePolicy: "{}" });
      // WHEN
      cluster.grantConnect(role.name, "app_user");
      // THEN
      const policies = Object.values(resourcesOf(stack, "aws_iam_role_policy"));
      expect(policies).toHaveLength(1);
      expect(policies[0].role).toBe("${aws_iam_role.AppRole.name}");
      expect(policies[0].name).toBe("rds-db-connect-orders-app_user");
      const policy = policies[0].policy as string;
      expect(policy).toContain('"Action" = "rds-db:connect"');
      expect(policy).toContain('"Effect" = "Allow"');
      expect(policy).toContain("dbuser:${aws_rds_cluster.Cluster_EB0386A7.cluster_resource_id}/app_user");
      // partition, region and account come from the cluster ARN
      expect(policy).toContain('arn:${element(split(":", aws_rds_cluster.Cluster_EB0386A7.arn), 1)}:rds-db:');
    });

    test("two users for the same role get two policies", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      const role = new IamRole(stack, "AppRole", { name: "orders-app", assumeRolePolicy: "{}" });
      // WHEN
      cluster.grantConnect(role.name, "app_user");
      cluster.grantConnect(role.name, "report_user");
      cluster.grantConnect("literal-role", "app_user");
      // THEN
      expect(Object.keys(resourcesOf(stack, "aws_iam_role_policy"))).toHaveLength(3);
    });

    test.each([
      ["app-user", "grantConnect dbUser must be a PostgreSQL role name"],
      ["*", "grantConnect dbUser must be a PostgreSQL role name"],
      ["x".repeat(64), "grantConnect dbUser must be a PostgreSQL role name"],
    ])("fails when dbUser is %j", (dbUser, message) => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      // WHEN / THEN
      expect(() => cluster.grantConnect("orders-app", dbUser)).toThrow(
        `[test/Cluster] invalid props: ${message}`,
      );
    });

    test("fails when the role name is not an IAM role name", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      // WHEN / THEN
      expect(() => cluster.grantConnect("arn:aws:iam::1:role/x", "app")).toThrow(
        /grantConnect roleName must be an IAM role name/,
      );
    });
  });

  describe("outputs", () => {
    test("APG-51: outputs hold the endpoints, port, user, database, psql command, secret, group and key", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(
        stack,
        "Cluster",
        minimalProps({ masterUsername: "dbadmin" }),
      );
      // WHEN
      const outputs = cluster.outputs;
      // THEN
      expect(outputs.port).toBe(5432);
      expect(outputs.masterUsername).toBe("dbadmin");
      expect(outputs.databaseName).toBe("orders");
      expect(outputs.postgresqlLogGroupName).toBe("/aws/rds/cluster/orders/postgresql");
      expect(cluster.postgresqlLogGroupName).toBe("/aws/rds/cluster/orders/postgresql");
      expect(cluster.instanceIdentifiers).toEqual(["orders-1"]);
      expect(outputs.psqlCommand).toMatch(
        /^psql --host=\$\{TfToken\[TOKEN\.\d+\]\} --port=5432 --username=dbadmin --dbname=orders$/,
      );
      for (const key of [
        "clusterEndpoint",
        "readerEndpoint",
        "masterUserSecretArn",
        "securityGroupId",
        "kmsKeyArn",
        "notificationTopicArn",
      ] as const) {
        expect(outputs[key]).toMatch(/TfToken/);
      }
    });

    test("APG-51: the psql command renders the writer endpoint reference", () => {
      // GIVEN
      const stack = testStack();
      const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps());
      // WHEN
      const synth = JSON.parse(
        Testing.synthScope((scope) => {
          new IamRole(scope, "Probe", {
            name: "probe",
            assumeRolePolicy: "{}",
            description: cluster.psqlCommand,
          });
        }),
      ) as { resource: { aws_iam_role: Record<string, { description: string }> } };
      // THEN
      expect(Object.values(synth.resource.aws_iam_role)[0].description).toBe(
        "psql --host=${aws_rds_cluster.Cluster_EB0386A7.endpoint} --port=5432 --username=postgres --dbname=orders",
      );
    });
  });

  describe("import", () => {
    test("fromClusterAttributes creates nothing and exposes the attributes", () => {
      // GIVEN
      const stack = testStack();
      // WHEN
      const cluster = AuroraPostgresCluster.fromClusterAttributes(stack, "Imported", ATTRS);
      // THEN
      expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
      expect(cluster).toMatchObject({
        clusterIdentifier: "orders",
        readerEndpoint: ATTRS.clusterEndpoint,
        port: 5432,
        postgresqlLogGroupName: "/aws/rds/cluster/orders/postgresql",
        masterUserSecretArn: undefined,
      });
    });

    test("an imported cluster admits peers on its port in the importing stack", () => {
      // GIVEN
      const stack = testStack();
      const cluster = AuroraPostgresCluster.fromClusterAttributes(stack, "Imported", {
        ...ATTRS,
        port: 6000,
      });
      // WHEN
      cluster.connections.allowDefaultPortFrom(fakeBastion(stack));
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
        security_group_id: "sg-0c1a2b3c4d5e6f708",
        referenced_security_group_id: "sg-bastion",
        from_port: 6000,
      });
    });

    test("an imported cluster's grantConnect builds the ARN from the cluster ARN's partition, region and account", () => {
      // GIVEN
      const stack = testStack();
      const cluster = AuroraPostgresCluster.fromClusterAttributes(stack, "Imported", ATTRS);
      // WHEN: grantConnect is part of IAuroraPostgresCluster
      cluster.grantConnect("orders-app", "app_user");
      // THEN
      const policy = Object.values(resourcesOf(stack, "aws_iam_role_policy"))[0].policy as string;
      expect(policy).toContain(
        '"Resource" = "arn:aws-cn:rds-db:cn-north-1:111122223333:dbuser:cluster-ABCDEFGHIJ/app_user"',
      );
    });

    test("a cluster's outputs round-trip into fromClusterAttributes in another stack", () => {
      // GIVEN: the cluster in one stack, its outputs as another stack would read them
      const producer = testStack("producer");
      const built = new AuroraPostgresCluster(producer, "Cluster", minimalProps());
      const consumer = testStack("consumer");
      // WHEN
      const imported = AuroraPostgresCluster.fromClusterAttributes(consumer, "Imported", built.outputs);
      // THEN: every attribute of the interface is the built cluster's
      for (const key of [
        "clusterIdentifier",
        "clusterArn",
        "clusterResourceId",
        "clusterEndpoint",
        "readerEndpoint",
        "port",
        "databaseName",
        "masterUsername",
        "masterUserSecretArn",
        "postgresqlLogGroupName",
      ] as const) {
        expect(imported[key]).toBe(built[key]);
      }
      expect(resolve(built, imported.connections.securityGroupId)).toBe(
        resolve(built, built.securityGroup.id),
      );
      expect(built.parameterGroups).toBe(built);
      expect(imported.parameterGroups).toBeUndefined();
    });
  });
});
