import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { validateGrantConnect } from "../validate";

/** What a grant needs to know about a cluster. */
export interface ConnectTarget {
  readonly clusterIdentifier: string;
  readonly clusterArn: string;
  readonly clusterResourceId: string;
}

/**
 * `arn:<partition>:rds-db:<region>:<account>:dbuser:<clusterResourceId>/<dbUser>`, with the
 * partition, region and account taken from the cluster ARN (literal or reference).
 */
export function dbUserArn(target: ConnectTarget, dbUser: string): string {
  const part = (i: number): string =>
    Token.isUnresolved(target.clusterArn)
      ? Fn.element(Fn.split(":", target.clusterArn), i)
      : target.clusterArn.split(":")[i];
  return `arn:${part(1)}:rds-db:${part(3)}:${part(4)}:dbuser:${target.clusterResourceId}/${dbUser}`;
}

/**
 * Creates, in `scope`, an inline policy on the IAM role `roleName` that allows `rds-db:connect`
 * as `dbUser` (IAM database authentication). Construct ids are derived from the role and user, or
 * numbered per user when the role name is a reference.
 */
export class ConnectGrants {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly scope: Construct,
    private readonly target: ConnectTarget,
  ) {}

  public grant(roleName: string, dbUser: string): IamRolePolicy {
    const policyName = `rds-db-connect-${this.target.clusterIdentifier}-${dbUser}`;
    validateGrantConnect(this.scope, roleName, dbUser, policyName);
    const user = dbUser.replace(/[^A-Za-z0-9]+/g, "_");
    let id: string;
    if (Token.isUnresolved(roleName)) {
      const n = (this.counts.get(user) ?? 0) + 1;
      this.counts.set(user, n);
      id = n === 1 ? `ConnectGrant-${user}` : `ConnectGrant-${user}-${n}`;
    } else {
      id = `ConnectGrant-${roleName.replace(/[^A-Za-z0-9]+/g, "_")}-${user}`;
    }
    return new IamRolePolicy(this.scope, id, {
      name: policyName,
      role: roleName,
      policy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "rds-db:connect", Resource: dbUserArn(this.target, dbUser) }],
      }),
    });
  }
}
