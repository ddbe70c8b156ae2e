import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { Validator } from "@aurora-cdktf/core";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";

/** A PostgreSQL role name usable in an `rds-db:connect` ARN. */
const DB_USER = /^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/;
/** IAM role names. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

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
    new Validator(this.scope)
      .matches(
        "grantConnect dbUser",
        dbUser,
        DB_USER,
        "must be a PostgreSQL role name (a letter or '_', then letters, digits or '_', at most 63)",
      )
      .matches(
        "grantConnect roleName",
        roleName,
        ROLE_NAME,
        "must be an IAM role name (1-64 of [A-Za-z0-9+=,.@_-])",
      )
      .check(
        !Token.isUnresolved(policyName) && policyName.length > 128,
        `grantConnect: the policy name ${JSON.stringify(policyName)} is longer than IAM's 128 characters. Use a shorter dbUser.`,
      )
      .throwIfAny();
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
