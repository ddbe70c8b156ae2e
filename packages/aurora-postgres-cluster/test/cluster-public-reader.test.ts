/** `publicReader`: one publicly accessible reader, restricted to published CIDRs, TLS required. */
import "cdktf/lib/testing/adapters/jest";
import { Peer } from "@aurora-cdktf/core";
import { AuroraPostgresCluster, AuroraPostgresClusterProps } from "../src";
import { minimalProps, onlyResource, parameterMap, resourcesOf, testStack, VPC } from "./cluster-helpers";
import { logicalIdOf, resolve, thrownBy } from "../../../test/helpers/unit";

const DATAFOLD = ["35.91.80.145/32", "44.238.88.77/32"];

function build(overrides: Partial<AuroraPostgresClusterProps>) {
  const stack = testStack();
  const cluster = new AuroraPostgresCluster(stack, "Cluster", minimalProps(overrides));
  return { stack, cluster };
}

/** `identifier -> publicly_accessible` of every instance. */
function publicFlags(overrides: Partial<AuroraPostgresClusterProps>): Record<string, boolean> {
  const { stack } = build(overrides);
  return Object.fromEntries(
    Object.values(resourcesOf(stack, "aws_rds_cluster_instance")).map((i) => [
      i.identifier as string,
      i.publicly_accessible as boolean,
    ]),
  );
}

describe("publicReader: the chosen reader only", () => {
  it.each<[string, Partial<AuroraPostgresClusterProps>, Record<string, boolean>]>([
    [
      "the first numbered reader by default",
      { readers: 2, publicReader: { allowedCidrs: DATAFOLD } },
      { "orders-1": false, "orders-2": true, "orders-3": false },
    ],
    [
      "the named reader group's one reader",
      {
        readers: 1,
        readerGroups: { lineage: { promotionTier: 15 }, analytics: { count: 2 } },
        publicReader: { allowedCidrs: DATAFOLD, readerGroup: "lineage" },
      },
      {
        "orders-1": false,
        "orders-2": false,
        "orders-lineage-1": true,
        "orders-analytics-1": false,
        "orders-analytics-2": false,
      },
    ],
    [
      "no instance without publicReader",
      { readers: 2 },
      { "orders-1": false, "orders-2": false, "orders-3": false },
    ],
  ])("%s", (_, props, expected) => {
    expect(publicFlags(props)).toEqual(expected);
  });
});

describe("publicReader: network", () => {
  const { stack, cluster } = build({ readers: 1, publicReader: { allowedCidrs: DATAFOLD } });

  it("puts the cluster and every instance in a subnet group over the public subnets", () => {
    const groups = resourcesOf(stack, "aws_db_subnet_group");
    expect(Object.values(groups)).toEqual([
      expect.objectContaining({ name: "orders-public", subnet_ids: VPC.publicSubnetIds }),
    ]);
    const name = `\${aws_db_subnet_group.${logicalIdOf(cluster, "PublicSubnetGroup")}.name}`;
    expect(onlyResource(stack, "aws_rds_cluster").db_subnet_group_name).toBe(name);
    for (const i of Object.values(resourcesOf(stack, "aws_rds_cluster_instance"))) {
      expect(i.db_subnet_group_name).toBe(name);
    }
  });

  it("uses its own public group even when the VPC has a database subnet group", () => {
    const s = testStack();
    new AuroraPostgresCluster(
      s,
      "Cluster",
      minimalProps({
        vpc: { ...VPC, databaseSubnetGroupName: "db-tier" },
        readers: 1,
        publicReader: { allowedCidrs: DATAFOLD },
      }),
    );
    expect(onlyResource(s, "aws_db_subnet_group").subnet_ids).toEqual(VPC.publicSubnetIds);
    expect(onlyResource(s, "aws_rds_cluster").db_subnet_group_name).not.toBe("db-tier");
  });

  it("admits each CIDR on the database port only, with one rule each", () => {
    const rules = Object.values(resourcesOf(stack, "aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.cidr_ipv4 !== undefined,
    );
    expect(rules).toEqual(
      DATAFOLD.map((cidr) =>
        expect.objectContaining({ cidr_ipv4: cidr, ip_protocol: "tcp", from_port: 5432, to_port: 5432 }),
      ),
    );
  });

  it("exposes the public reader's endpoint (and it is in the outputs)", () => {
    const logical = logicalIdOf(cluster, "Reader1");
    expect(resolve(cluster, cluster.publicReaderEndpoint)).toBe(
      `\${aws_rds_cluster_instance.${logical}.endpoint}`,
    );
    expect(resolve(cluster, cluster.outputs.publicReaderEndpoint)).toBe(
      `\${aws_rds_cluster_instance.${logical}.endpoint}`,
    );
    expect(cluster.port).toBe(5432);
  });

  it("keeps rds.force_ssl = 1 and refuses a later caller that turns it off", () => {
    expect(parameterMap(onlyResource(stack, "aws_rds_cluster_parameter_group"))["rds.force_ssl"]).toBe("1");
    expect(() => cluster.addClusterParameter("rds.force_ssl", "0", "someone")).toThrow(
      /rds.force_ssl" is set to "1" by .*props.publicReader .* and someone asks for "0"/,
    );
  });
});

describe("without publicReader (the default)", () => {
  const { stack, cluster } = build({ readers: 1 });

  it("keeps the private subnet group, no CIDR rule and no endpoint", () => {
    expect(onlyResource(stack, "aws_db_subnet_group")).toMatchObject({
      name: "orders",
      subnet_ids: VPC.privateSubnetIds,
    });
    const cidrRules = Object.values(resourcesOf(stack, "aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.cidr_ipv4 !== undefined,
    );
    expect(cidrRules).toEqual([]);
    expect(cluster.publicReaderEndpoint).toBeUndefined();
    expect("publicReaderEndpoint" in JSON.parse(JSON.stringify(cluster.outputs))).toBe(false);
  });
});

const many = Array.from({ length: 51 }, (_, i) => `203.0.113.${i}/32`);

describe("publicReader: refused at synth", () => {
  it.each<[string, Partial<AuroraPostgresClusterProps>, string]>([
    [
      "0.0.0.0/0",
      { readers: 1, publicReader: { allowedCidrs: ["0.0.0.0/0"] } },
      'publicReader.allowedCidrs must not hold "0.0.0.0/0": the public path admits the clients\' published addresses only',
    ],
    ["::/0", { readers: 1, publicReader: { allowedCidrs: ["::/0"] } }, 'must not hold "::/0"'],
    [
      "an IPv6 block",
      { readers: 1, publicReader: { allowedCidrs: ["2001:db8::/32"] } },
      'publicReader.allowedCidrs must hold IPv4 CIDR blocks such as "203.0.113.7/32", got "2001:db8::/32".',
    ],
    ["no prefix", { readers: 1, publicReader: { allowedCidrs: ["203.0.113.7"] } }, 'got "203.0.113.7".'],
    [
      "an octet above 255",
      { readers: 1, publicReader: { allowedCidrs: ["203.0.113.256/32"] } },
      "must hold IPv4",
    ],
    ["a leading zero", { readers: 1, publicReader: { allowedCidrs: ["203.0.113.07/32"] } }, "must hold IPv4"],
    [
      "host bits",
      { readers: 1, publicReader: { allowedCidrs: ["203.0.113.7/24"] } },
      'entry "203.0.113.7/24" has host bits set (AWS would store "203.0.113.0/24"). Fix: use "203.0.113.0/24", or "203.0.113.7/32"',
    ],
    [
      "a block wider than /16",
      { readers: 1, publicReader: { allowedCidrs: ["52.0.0.0/8"] } },
      'entry "52.0.0.0/8" is wider than /16',
    ],
    ...[
      "10.1.0.0/16",
      "172.20.0.0/16",
      "192.168.1.0/24",
      "100.64.0.1/32",
      "127.0.0.1/32",
      "169.254.169.254/32",
    ].map((cidr): [string, Partial<AuroraPostgresClusterProps>, string] => [
      `the non-internet ${cidr}`,
      { readers: 1, publicReader: { allowedCidrs: [cidr] } },
      `entry "${cidr}" is in `,
    ]),
    [
      "the last block of 172.16/12",
      { readers: 1, publicReader: { allowedCidrs: ["172.31.255.0/24"] } },
      'entry "172.31.255.0/24" is in 172.16.0.0/12, which never comes from the internet.',
    ],
    ["no CIDR", { readers: 1, publicReader: { allowedCidrs: [] } }, "must hold 1-50 CIDR blocks, got 0."],
    ["51 CIDRs", { readers: 1, publicReader: { allowedCidrs: many } }, "must hold 1-50 CIDR blocks, got 51."],
    [
      "duplicates",
      { readers: 1, publicReader: { allowedCidrs: [DATAFOLD[0], DATAFOLD[0]] } },
      `publicReader.allowedCidrs has duplicates: ["${DATAFOLD[0]}"].`,
    ],
    [
      "a CIDR also in allowConnectionsFrom",
      {
        readers: 1,
        allowConnectionsFrom: [Peer.ipv4(DATAFOLD[0])],
        publicReader: { allowedCidrs: DATAFOLD },
      },
      `publicReader.allowedCidrs ["${DATAFOLD[0]}"] are in allowConnectionsFrom too`,
    ],
    [
      "no reader (a public writer)",
      { readers: 0, publicReader: { allowedCidrs: DATAFOLD } },
      "publicReader needs a reader to make public, but readers is 0 and no readerGroup is named: a public writer is not offered.",
    ],
    [
      "an unknown reader group",
      {
        readers: 1,
        readerGroups: { analytics: {} },
        publicReader: { allowedCidrs: DATAFOLD, readerGroup: "lineage" },
      },
      'publicReader.readerGroup "lineage" is not a reader group (readerGroups: ["analytics"]).',
    ],
    [
      "a reader group of two",
      {
        readerGroups: { lineage: { count: 2 } },
        publicReader: { allowedCidrs: DATAFOLD, readerGroup: "lineage" },
      },
      'publicReader.readerGroup "lineage" has count 2: exactly one reader is made public.',
    ],
    [
      "a VPC without public subnets",
      { vpc: { ...VPC, publicSubnetIds: [] }, readers: 1, publicReader: { allowedCidrs: DATAFOLD } },
      "publicReader needs the VPC's public subnets in at least two AZs",
    ],
    [
      "rds.force_ssl = 0",
      { readers: 1, clusterParameters: { "rds.force_ssl": "0" }, publicReader: { allowedCidrs: DATAFOLD } },
      'clusterParameters sets rds.force_ssl to "0", but publicReader requires TLS on the public path.',
    ],
    [
      "RDS.FORCE_SSL = 0 (RDS names are case-insensitive)",
      { readers: 1, clusterParameters: { "RDS.FORCE_SSL": "0" }, publicReader: { allowedCidrs: DATAFOLD } },
      "publicReader requires TLS",
    ],
  ])("%s", (_, props, message) => {
    const e = thrownBy(() => build(props));
    expect(e.message).toContain(message);
  });

  it("accepts the blocks just outside the non-internet ranges", () => {
    const edges = ["11.0.0.0/16", "100.128.0.0/16", "172.32.0.0/16", "192.169.0.0/16", "9.255.255.255/32"];
    expect(() => build({ readers: 1, publicReader: { allowedCidrs: edges } })).not.toThrow();
  });

  it("accepts rds.force_ssl = 1 set explicitly", () => {
    expect(() =>
      build({
        readers: 1,
        clusterParameters: { "rds.force_ssl": "1" },
        publicReader: { allowedCidrs: DATAFOLD },
      }),
    ).not.toThrow();
  });

  it("accepts 50 CIDRs and makes 50 rules", () => {
    const { stack } = build({ readers: 1, publicReader: { allowedCidrs: many.slice(0, 50) } });
    const rules = Object.values(resourcesOf(stack, "aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.cidr_ipv4 !== undefined,
    );
    expect(rules).toHaveLength(50);
  });
});
