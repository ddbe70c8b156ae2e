/**
 * Small stand-ins for the clusters of `@aurora-cdktf/aurora-postgres-cluster`: one built "by this
 * library" (it implements IParameterGroupTarget and records calls), one imported by attributes.
 */
import {
  IAuroraPostgresCluster,
  IParameterGroupTarget,
  ParameterApplyMethod,
} from "@aurora-cdktf/aurora-postgres-cluster";
import { Connections, Port } from "@aurora-cdktf/core";
import { Construct } from "constructs";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";

/** One recorded addInstanceParameter / addClusterParameter call. */
export interface ParameterCall {
  readonly name: string;
  readonly value: string;
  readonly requestedBy: string;
  readonly applyMethod?: ParameterApplyMethod;
}

/** Attributes of a fake cluster; every field has a literal default. */
export interface FakeClusterAttributes {
  readonly clusterIdentifier?: string;
  readonly clusterArn?: string;
  readonly clusterEndpoint?: string;
  readonly port?: number;
  readonly databaseName?: string;
  readonly postgresqlLogGroupName?: string;
}

class FakeClusterBase extends Construct implements IAuroraPostgresCluster {
  public readonly clusterIdentifier: string;
  public readonly clusterArn: string;
  public readonly clusterResourceId = "cluster-ABCDEFGHIJKLMNOP";
  public readonly clusterEndpoint: string;
  public readonly readerEndpoint: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly masterUsername = "rds_master";
  public readonly postgresqlLogGroupName: string;
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, attrs: FakeClusterAttributes = {}) {
    super(scope, id);
    this.clusterIdentifier = attrs.clusterIdentifier ?? "orders-prod";
    this.clusterArn =
      attrs.clusterArn ?? `arn:aws:rds:eu-west-1:123456789012:cluster:${this.clusterIdentifier}`;
    this.clusterEndpoint =
      attrs.clusterEndpoint ?? `${this.clusterIdentifier}.cluster-abc.eu-west-1.rds.amazonaws.com`;
    this.readerEndpoint = `${this.clusterIdentifier}.cluster-ro-abc.eu-west-1.rds.amazonaws.com`;
    this.port = attrs.port ?? 5432;
    this.databaseName = attrs.databaseName ?? "orders";
    this.postgresqlLogGroupName =
      attrs.postgresqlLogGroupName ?? `/aws/rds/cluster/${this.clusterIdentifier}/postgresql`;
    this.connections = new Connections({
      scope: this,
      securityGroupId: "sg-0123456789",
      defaultPort: Port.tcp(5432),
    });
  }

  public grantConnect(): IamRolePolicy {
    throw new Error("the lineage constructs never call grantConnect");
  }
}

/** A cluster "built by this library": records parameter calls, rejects a second, different value. */
export class FakeManagedCluster extends FakeClusterBase implements IParameterGroupTarget {
  public readonly parameterGroups: IParameterGroupTarget = this;
  /** The cluster's customer-managed key, as the library's cluster exposes it. */
  public readonly encryptionKey = { arn: "arn:aws:kms:eu-west-1:123456789012:key/cluster-key" };
  public readonly instanceCalls: ParameterCall[] = [];
  public readonly clusterCalls: ParameterCall[] = [];

  public addInstanceParameter(
    name: string,
    value: string,
    requestedBy: string,
    applyMethod?: ParameterApplyMethod,
  ) {
    record(this.instanceCalls, { name, value, requestedBy, applyMethod }, "instance");
  }

  public addClusterParameter(
    name: string,
    value: string,
    requestedBy: string,
    applyMethod?: ParameterApplyMethod,
  ) {
    record(this.clusterCalls, { name, value, requestedBy, applyMethod }, "cluster");
  }
}

/** A cluster imported by attributes: no parameter API. */
export class FakeImportedCluster extends FakeClusterBase {}

function record(calls: ParameterCall[], call: ParameterCall, kind: string): void {
  const earlier = calls.find((c) => c.name === call.name);
  if (earlier && earlier.value !== call.value) {
    throw new Error(
      `${kind} parameter ${call.name} is set to "${earlier.value}" by ${earlier.requestedBy} and to "${call.value}" by ${call.requestedBy}.`,
    );
  }
  calls.push(call);
}
