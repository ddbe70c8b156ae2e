import { AuroraPostgresCluster } from "@aurora-cdktf/aurora-postgres-cluster";
import { Peer } from "@aurora-cdktf/core";
import { AuroraProxy, ProxyIamAuth } from "../src";
import {
  APP_SECRET,
  KEY_ARN,
  MASTER_SECRET,
  dataSources,
  fakeVpc,
  onlyResource,
  proxyStack,
  resolved,
  resources,
  testStack,
} from "./util";

describe("AuroraProxy", () => {
  test("is a PostgreSQL proxy that requires TLS, in the private subnets, with its own security group", () => {
    const { stack } = proxyStack();
    const proxy = onlyResource(stack, "aws_db_proxy");
    expect(proxy).toMatchObject({
      name: "orders-prod-proxy",
      engine_family: "POSTGRESQL",
      require_tls: true,
      idle_client_timeout: 1800,
      debug_logging: false,
      vpc_subnet_ids: fakeVpc().privateSubnetIds,
      vpc_security_group_ids: [expect.stringMatching(/aws_security_group\.Proxy_SecurityGroup_\w+\.id/)],
    });
    expect(onlyResource(stack, "aws_security_group")).toMatchObject({
      egress: [],
      ingress: [],
      vpc_id: fakeVpc().vpcId,
    });
  });

  test("has the master secret as its one auth entry by default, IAM authentication required", () => {
    const { stack } = proxyStack();
    expect(onlyResource(stack, "aws_db_proxy").auth).toEqual([
      {
        auth_scheme: "SECRETS",
        secret_arn: MASTER_SECRET,
        iam_auth: "REQUIRED",
        client_password_auth_type: "POSTGRES_SCRAM_SHA_256",
        description: "master user postgres (RDS-managed secret)",
      },
    ]);
  });

  test("adds one entry per auth secret with its own IAM setting, after the master's", () => {
    const { stack } = proxyStack({
      masterIamAuth: ProxyIamAuth.DISABLED,
      auth: [
        { secretArn: APP_SECRET, iamAuth: ProxyIamAuth.DISABLED, description: "Datafold" },
        { secretArn: `${APP_SECRET}x` },
      ],
    });
    const auth = onlyResource(stack, "aws_db_proxy").auth as Record<string, unknown>[];
    expect(auth.map((a) => [a.secret_arn, a.iam_auth])).toEqual([
      [MASTER_SECRET, "DISABLED"],
      [APP_SECRET, "DISABLED"],
      [`${APP_SECRET}x`, "REQUIRED"],
    ]);
  });

  test("without the master secret, has only the given entries", () => {
    const { stack } = proxyStack({ includeMasterSecret: false, auth: [{ secretArn: APP_SECRET }] }, null);
    const auth = onlyResource(stack, "aws_db_proxy").auth as Record<string, unknown>[];
    expect(auth.map((a) => a.secret_arn)).toEqual([APP_SECRET]);
  });

  test("assumed by RDS for this account only, its role reads exactly the auth secrets and decrypts through Secrets Manager", () => {
    const { stack } = proxyStack({ auth: [{ secretArn: APP_SECRET, kmsKey: { arn: KEY_ARN } }] });
    const docs = dataSources(stack, "aws_iam_policy_document");
    const assume = Object.entries(docs).find(([id]) => id.startsWith("Proxy_AssumeRolePolicy"))![1];
    expect(assume.statement).toEqual([
      expect.objectContaining({
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["rds.amazonaws.com"] }],
        condition: [expect.objectContaining({ variable: "aws:SourceAccount" })],
      }),
    ]);
    const secrets = Object.entries(docs).find(([id]) => id.startsWith("Proxy_SecretsPolicyDocument"))![1];
    expect(secrets.statement).toEqual([
      {
        sid: "ReadAuthSecrets",
        actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        resources: [MASTER_SECRET, APP_SECRET],
      },
      {
        sid: "DecryptThroughSecretsManager",
        actions: ["kms:Decrypt"],
        resources: [KEY_ARN],
        condition: [
          {
            test: "StringEquals",
            variable: "kms:ViaService",
            values: [
              expect.stringMatching(
                /^secretsmanager\.\$\{data\.aws_region\.\w+\.name\}\.\$\{data\.aws_partition\.\w+\.dns_suffix\}$/,
              ),
            ],
          },
        ],
      },
    ]);
    expect(onlyResource(stack, "aws_iam_role")).toMatchObject({ name: "orders-prod-proxy-secrets" });
  });

  test("decrypts with a built cluster's key, which encrypts its managed master secret", () => {
    const stack = testStack();
    const cluster = new AuroraPostgresCluster(stack, "Cluster", {
      vpc: fakeVpc(),
      clusterIdentifier: "orders-dev",
      databaseName: "orders",
      mandatoryTags: {
        application: "Orders Service",
        projectCostCenter: "CC1234",
        serviceOwnersEmailContact: "orders-team@example.com",
        confidentiality: "confidential",
        compliance: "none",
      },
    });
    new AuroraProxy(stack, "Proxy", { cluster, vpc: fakeVpc() });
    const docs = dataSources(stack, "aws_iam_policy_document");
    const secrets = Object.entries(docs).find(([id]) => id.startsWith("Proxy_SecretsPolicyDocument"))![1];
    expect(JSON.stringify(secrets.statement)).toMatch(/aws_kms_key\.Cluster_EncryptionKey_\w+\.arn/);
    expect(JSON.stringify(secrets.statement)).toMatch(
      /aws_rds_cluster\.Cluster_\w+\.master_user_secret\[0\]\.secret_arn/,
    );
  });

  test("sets the default target group's pool and targets the cluster", () => {
    const { stack } = proxyStack({
      connectionPool: {
        maxConnectionsPercent: 90,
        maxIdleConnectionsPercent: 10,
        connectionBorrowTimeoutSeconds: 30,
        sessionPinningFilters: ["EXCLUDE_VARIABLE_SETS"],
        initQuery: "SET search_path TO app",
      },
    });
    expect(onlyResource(stack, "aws_db_proxy_default_target_group").connection_pool_config).toEqual({
      max_connections_percent: 90,
      max_idle_connections_percent: 10,
      connection_borrow_timeout: 30,
      session_pinning_filters: ["EXCLUDE_VARIABLE_SETS"],
      init_query: "SET search_path TO app",
    });
    expect(onlyResource(stack, "aws_db_proxy_target")).toMatchObject({
      db_cluster_identifier: "orders-prod",
    });
  });

  test("has the pool defaults 100 / 50 / 120 s", () => {
    const { stack } = proxyStack();
    expect(onlyResource(stack, "aws_db_proxy_default_target_group").connection_pool_config).toEqual({
      max_connections_percent: 100,
      max_idle_connections_percent: 50,
      connection_borrow_timeout: 120,
    });
  });

  test("has a READ_ONLY endpoint only when asked", () => {
    expect(resources(proxyStack().stack, "aws_db_proxy_endpoint")).toEqual({});
    const { stack, proxy } = proxyStack({ readerEndpoint: true });
    expect(onlyResource(stack, "aws_db_proxy_endpoint")).toMatchObject({
      db_proxy_endpoint_name: "orders-prod-proxy-ro",
      target_role: "READ_ONLY",
      vpc_subnet_ids: fakeVpc().privateSubnetIds,
    });
    expect(resolved(stack, proxy.readerEndpoint)).toMatch(
      /aws_db_proxy_endpoint\.Proxy_ReaderEndpoint_\w+\.endpoint/,
    );
  });

  test("reaches the cluster on the cluster's port: egress from its group, ingress on the cluster's, both in its own scope", () => {
    const { stack } = proxyStack();
    expect(Object.values(resources(stack, "aws_vpc_security_group_egress_rule"))).toEqual([
      expect.objectContaining({
        referenced_security_group_id: "sg-0123456789abcdef0",
        from_port: 6543,
        to_port: 6543,
      }),
    ]);
    expect(Object.values(resources(stack, "aws_vpc_security_group_ingress_rule"))).toEqual([
      expect.objectContaining({
        security_group_id: "sg-0123456789abcdef0",
        referenced_security_group_id: expect.stringMatching(/Proxy_SecurityGroup_\w+\.id/),
        from_port: 6543,
      }),
    ]);
  });

  test("admits clients through connections on 5432", () => {
    const { stack, proxy } = proxyStack();
    proxy.connections.allowDefaultPortFrom(Peer.ipv4("10.0.0.0/16"), "apps");
    const rules = Object.values(resources(stack, "aws_vpc_security_group_ingress_rule"));
    expect(rules).toContainEqual(
      expect.objectContaining({ cidr_ipv4: "10.0.0.0/16", from_port: 5432, to_port: 5432 }),
    );
    expect(proxy.port).toBe(5432);
  });

  test("grantConnect allows rds-db:connect on the proxy's resource id for one user", () => {
    const { stack, proxy } = proxyStack();
    proxy.grantConnect("app-role", "app_rw");
    const grants = Object.values(resources(stack, "aws_iam_role_policy")).filter(
      (p) => p.role === "app-role",
    );
    expect(grants).toHaveLength(1);
    expect(String(grants[0].policy)).toMatch(
      /"Resource":"arn:\$\{data\.aws_partition\.\w+\.partition\}:rds-db:\$\{data\.aws_region\.\w+\.name\}:\$\{data\.aws_caller_identity\.\w+\.account_id\}:dbuser:\$\{element\(split\(\\?":\\?", aws_db_proxy\.Proxy_\w+\.arn\), 6\)\}\/app_rw"/,
    );
  });

  test("passes tags to the proxy, its role and its security group (with a Name)", () => {
    const { stack } = proxyStack({ tags: { team: "data" } });
    expect(onlyResource(stack, "aws_db_proxy").tags).toEqual({ team: "data" });
    expect(onlyResource(stack, "aws_iam_role").tags).toEqual({ team: "data" });
    expect(onlyResource(stack, "aws_security_group").tags).toEqual({
      team: "data",
      Name: "orders-prod-proxy",
    });
  });
});
