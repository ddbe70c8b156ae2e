import { ArnRule, checkArn, checkKmsKeyArn, checkTags, duplicatesOf, Validator } from "@aurora-cdktf/core";
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { AuroraProxyProps, ProxyIamAuth } from "./aurora-proxy-props";
import { ProxyEndpointServiceProps } from "./proxy-endpoint-service-props";
import { ResolvedEndpointServiceSettings, ResolvedProxySettings } from "./private/defaults";

/**
 * A proxy name: a letter, then letters, digits and single hyphens, not ending with a hyphen; at most
 * 56 characters so that the role `<name>-secrets` fits IAM's 64.
 */
const PROXY_NAME_PATTERN = /^(?!.*--)[A-Za-z][A-Za-z0-9-]{0,55}(?<!-)$/;
const SECRET_ARN: ArnRule = {
  service: "secretsmanager",
  resource: /^secret:[\w/+=.@!-]+$/,
  shape: "arn:<partition>:secretsmanager:<region>:<account>:secret:<name>",
};
const PRINCIPAL_ARN: ArnRule = {
  service: "iam",
  resource: /^(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/,
  shape: "arn:<partition>:iam::<account>:root, :role/<name> or :user/<name>",
  regional: false,
};
/** A load balancer / target group name: 1-32 letters, digits and inner hyphens, not `internal-…`. */
const LB_NAME_PATTERN = /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
const DNS_NAME_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const PINNING_FILTERS = ["EXCLUDE_VARIABLE_SETS"];

/** Like `Validator.matches`, with the fix after the value given. */
function matching(
  v: Validator,
  name: string,
  value: string | undefined,
  pattern: RegExp,
  what: string,
  fix: string,
): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  v.check(!pattern.test(value), `${name} ${what}, got ${JSON.stringify(value)}. Fix: ${fix}.`);
}

/** Literal subnet lists need two distinct subnets (two AZs); tokens are accepted unchecked. */
function checkSubnets(v: Validator, field: string, subnetIds: string[]): void {
  if (Token.isUnresolved(subnetIds)) return;
  const dup = duplicatesOf(subnetIds.filter((id) => !Token.isUnresolved(id)));
  v.check(
    subnetIds.length < 2 || dup.length > 0,
    `${field} must list at least two distinct subnets (in different Availability Zones), got ${JSON.stringify(subnetIds)}. Fix: pass the VPC's private subnets (the default).`,
  );
}

/** Checks the props of an `AuroraProxy` and throws one ValidationError listing every invalid prop. */
export function validateProxyProps(
  scope: IConstruct,
  props: AuroraProxyProps,
  s: ResolvedProxySettings,
): void {
  const v = new Validator(scope);
  matching(
    v,
    "proxyName",
    s.proxyName,
    PROXY_NAME_PATTERN,
    "must be 1-56 characters: a letter, then letters, digits and single hyphens, not ending with a hyphen (it also names the role <proxyName>-secrets, at most 64)",
    "pass such a proxyName (the default is <cluster identifier>-proxy)",
  );
  checkSubnets(v, "subnetIds", s.subnetIds);
  v.check(
    s.includeMasterSecret && props.cluster.masterUserSecretArn === undefined,
    `includeMasterSecret is true (the default) but cluster ${props.cluster.clusterIdentifier} has no known masterUserSecretArn. Fix: pass masterUserSecretArn to fromClusterAttributes, or set includeMasterSecret: false and list the users in auth.`,
  );
  v.check(
    s.auth.length === 0 && !(s.includeMasterSecret && props.cluster.masterUserSecretArn === undefined),
    "the proxy has no auth entry: includeMasterSecret is false and auth is empty. Fix: keep the master secret or list at least one secret in auth.",
  );
  s.auth.forEach((a, i) => {
    checkArn(v, `auth[${i}].secretArn`, a.secretArn, SECRET_ARN);
    checkKmsKeyArn(v, `auth[${i}].kmsKey`, a.kmsKey);
    v.oneOf(`auth[${i}].iamAuth`, a.iamAuth, Object.values(ProxyIamAuth));
  });
  const secretArns = s.auth.map((a) => a.secretArn).filter((arn) => !Token.isUnresolved(arn));
  const dup = duplicatesOf(secretArns);
  v.check(
    dup.length > 0,
    `auth lists the secret(s) ${dup.map((d) => JSON.stringify(d)).join(", ")} more than once (the master secret counts when includeMasterSecret is true). Fix: one entry per secret.`,
  );
  v.integer("idleClientTimeoutSeconds", s.idleClientTimeoutSeconds, 1, 28800);
  v.integer("connectionPool.maxConnectionsPercent", s.maxConnectionsPercent, 1, 100);
  v.integer("connectionPool.maxIdleConnectionsPercent", s.maxIdleConnectionsPercent, 0, 100);
  v.check(
    !Token.isUnresolved(s.maxIdleConnectionsPercent) &&
      !Token.isUnresolved(s.maxConnectionsPercent) &&
      s.maxIdleConnectionsPercent > s.maxConnectionsPercent,
    `connectionPool.maxIdleConnectionsPercent (${s.maxIdleConnectionsPercent}) must not exceed maxConnectionsPercent (${s.maxConnectionsPercent}). Fix: lower the idle share or raise the maximum.`,
  );
  v.integer("connectionPool.connectionBorrowTimeoutSeconds", s.connectionBorrowTimeoutSeconds, 0, 3600);
  for (const f of s.sessionPinningFilters)
    v.oneOf("connectionPool.sessionPinningFilters[]", f, PINNING_FILTERS);
  v.check(
    s.initQuery !== undefined && !Token.isUnresolved(s.initQuery) && s.initQuery.trim() === "",
    'connectionPool.initQuery must not be blank. Fix: omit it, or pass a statement such as "SET search_path TO app".',
  );
  checkTags(v, "tags", props.tags);
  v.throwIfAny();
}

/** Checks the props of a `ProxyEndpointService` and throws one ValidationError listing every invalid prop. */
export function validateEndpointServiceProps(
  scope: IConstruct,
  props: ProxyEndpointServiceProps,
  s: ResolvedEndpointServiceSettings,
): void {
  const v = new Validator(scope);
  const principals = s.allowedPrincipals;
  if (!Token.isUnresolved(principals)) {
    v.check(
      principals.length === 0,
      "allowedPrincipals is empty: no one could connect. Fix: pass the reader's account (arn:aws:iam::<account>:root) or role ARN, as the reader documents it.",
    );
    principals.forEach((p, i) => {
      if (p === "*") {
        v.check(
          true,
          "allowedPrincipals[" +
            i +
            '] is "*", which lets every AWS account request a connection. Fix: list the reader\'s account or role ARNs.',
        );
        return;
      }
      checkArn(v, `allowedPrincipals[${i}]`, p, PRINCIPAL_ARN);
    });
    const dup = duplicatesOf(principals.filter((p) => !Token.isUnresolved(p)));
    v.check(dup.length > 0, `allowedPrincipals lists ${dup.join(", ")} more than once. Fix: list each once.`);
  }
  matching(
    v,
    "name",
    s.name,
    LB_NAME_PATTERN,
    'must be 1-32 letters, digits and hyphens, neither starting nor ending with a hyphen nor starting with "internal-" (it names the load balancer and its target group)',
    "pass a shorter name (the default is <proxy name>-link)",
  );
  checkSubnets(v, "subnetIds", s.subnetIds);
  matching(
    v,
    "privateDnsName",
    s.privateDnsName,
    DNS_NAME_PATTERN,
    "must be a lower-case DNS name (no scheme, port or wildcard)",
    'pass a name in a domain you own, such as "orders-db.example.com", or omit it',
  );
  checkTags(v, "tags", props.tags);
  v.throwIfAny();
}
