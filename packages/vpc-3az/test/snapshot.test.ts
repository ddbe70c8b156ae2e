import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Peer } from "@aurora-cdktf/core";
import { FlowLogTrafficType, NatGatewayMode, NetworkAclMode, Vpc3Az } from "../src";
import { testStack } from "../../../test/helpers/unit";

describe("Vpc3Az", () => {
  describe("snapshots", () => {
    test("minimal: no props", () => {
      // GIVEN / WHEN
      const stack = testStack();
      new Vpc3Az(stack, "Vpc");
      // THEN
      expect(Testing.synth(stack)).toMatchSnapshot();
    });

    test("maximal: every option set", () => {
      // GIVEN / WHEN
      const stack = testStack();
      const key = new KmsKey(stack, "FlowLogKey", { description: "flow logs" });
      new Vpc3Az(stack, "Vpc", {
        cidrBlock: "172.20.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1c", "us-east-1f"],
        subnetPrefixLength: 22,
        subnetSlots: { f: 1 },
        mapPublicIpOnLaunch: false,
        natGateways: NatGatewayMode.SINGLE,
        networkAcls: NetworkAclMode.LEAST_PRIVILEGE,
        publicNetworkAclIngress: [{ cidrBlock: "203.0.113.0/24", port: 22 }],
        privateNetworkAclIngress: [{ cidrBlock: "192.168.0.0/16", port: 53, protocol: "udp" }],
        s3GatewayEndpoint: true,
        secretsManagerEndpoint: true,
        interfaceEndpoints: ["ssm", "ssmmessages", "ec2messages", "logs"],
        endpointAllowedPeers: [Peer.securityGroupId("sg-0123456789abcdef0", "Bastion")],
        flowLogs: true,
        flowLogRetentionDays: 90,
        flowLogKmsKey: key,
        flowLogTrafficType: FlowLogTrafficType.REJECT,
        flowLogGroupName: "/network/prod/flow-logs",
        name: "prod",
        tags: { Environment: "prod" },
      });
      // THEN
      expect(Testing.synth(stack)).toMatchSnapshot();
    });
  });
});
