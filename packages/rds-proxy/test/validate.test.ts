import { ProxyEndpointService, ProxyEndpointServiceProps, AuroraProxyProps, ProxyIamAuth } from "../src";
import { APP_SECRET, MASTER_SECRET, proxyStack, thrownBy } from "./util";

const DATAFOLD = "arn:aws:iam::111122223333:root";

describe("AuroraProxy synth errors", () => {
  const cases: [string, Partial<AuroraProxyProps>, RegExp][] = [
    [
      "a proxy name with a double hyphen",
      { proxyName: "orders--proxy" },
      /proxyName must be 1-56 characters.*got "orders--proxy"/,
    ],
    ["a proxy name ending with a hyphen", { proxyName: "orders-" }, /proxyName must be 1-56/],
    ["a proxy name too long for its role", { proxyName: `p${"x".repeat(56)}` }, /proxyName must be 1-56/],
    ["one subnet", { subnetIds: ["subnet-a"] }, /subnetIds must list at least two distinct subnets/],
    ["a repeated subnet", { subnetIds: ["subnet-a", "subnet-a"] }, /at least two distinct subnets/],
    ["no auth entry at all", { includeMasterSecret: false }, /the proxy has no auth entry/],
    [
      "a secret name instead of an ARN",
      { auth: [{ secretArn: "orders/app" }] },
      /auth\[1\]\.secretArn must be an ARN arn:<partition>:secretsmanager/,
    ],
    [
      "the master secret twice",
      { auth: [{ secretArn: MASTER_SECRET }] },
      /lists the secret\(s\) ".*" more than once/,
    ],
    [
      "a KMS alias",
      { auth: [{ secretArn: APP_SECRET, kmsKey: { arn: "arn:aws:kms:us-east-1:123456789012:alias/x" } }] },
      /auth\[1\]\.kmsKey/,
    ],
    [
      "an unknown IAM auth",
      { auth: [{ secretArn: APP_SECRET, iamAuth: "OPTIONAL" as ProxyIamAuth }] },
      /auth\[1\]\.iamAuth must be one of "REQUIRED", "DISABLED"/,
    ],
    [
      "an idle timeout of 0",
      { idleClientTimeoutSeconds: 0 },
      /idleClientTimeoutSeconds must be an integer between 1 and 28800, got 0/,
    ],
    [
      "max connections 0 %",
      { connectionPool: { maxConnectionsPercent: 0 } },
      /maxConnectionsPercent must be an integer between 1 and 100/,
    ],
    [
      "more idle than max",
      { connectionPool: { maxConnectionsPercent: 40, maxIdleConnectionsPercent: 50 } },
      /maxIdleConnectionsPercent \(50\) must not exceed maxConnectionsPercent \(40\)/,
    ],
    [
      "a borrow timeout over an hour",
      { connectionPool: { connectionBorrowTimeoutSeconds: 3601 } },
      /connectionBorrowTimeoutSeconds must be an integer between 0 and 3600/,
    ],
    [
      "an unknown pinning filter",
      { connectionPool: { sessionPinningFilters: ["EXCLUDE_ALL" as "EXCLUDE_VARIABLE_SETS"] } },
      /sessionPinningFilters\[\] must be one of "EXCLUDE_VARIABLE_SETS"/,
    ],
    ["a blank init query", { connectionPool: { initQuery: "  " } }, /initQuery must not be blank/],
    ["an aws: tag", { tags: { "aws:team": "x" } }, /tags/],
  ];
  test.each(cases)("refuses %s", (_what, props, message) => {
    const err = thrownBy(() => proxyStack(props));
    expect(err.name).toBe("ValidationError");
    expect(err.message).toMatch(/^\[test\/Proxy\] invalid props: /);
    expect(err.message).toMatch(message);
  });

  test("refuses a cluster without a known master secret unless includeMasterSecret is false", () => {
    const err = thrownBy(() => proxyStack({}, null));
    expect(err.message).toMatch(
      /cluster orders-prod has no known masterUserSecretArn\. Fix: .*includeMasterSecret: false/,
    );
    expect(() =>
      proxyStack({ includeMasterSecret: false, auth: [{ secretArn: APP_SECRET }] }, null),
    ).not.toThrow();
  });

  test("lists every failure at once", () => {
    const err = thrownBy(() => proxyStack({ proxyName: "-x", idleClientTimeoutSeconds: 0 }));
    expect(err.message).toMatch(/\n {2}- proxyName[\s\S]*\n {2}- idleClientTimeoutSeconds/);
  });
});

describe("ProxyEndpointService synth errors", () => {
  const cases: [string, Partial<ProxyEndpointServiceProps>, RegExp][] = [
    ["no principal", { allowedPrincipals: [] }, /allowedPrincipals is empty/],
    [
      "every account",
      { allowedPrincipals: ["*"] },
      /allowedPrincipals\[0\] is "\*", which lets every AWS account/,
    ],
    [
      "an account id",
      { allowedPrincipals: ["111122223333"] },
      /allowedPrincipals\[0\] must be an ARN arn:<partition>:iam::<account>:root/,
    ],
    [
      "a repeated principal",
      { allowedPrincipals: [DATAFOLD, DATAFOLD] },
      /lists arn:aws:iam::111122223333:root more than once/,
    ],
    ["a name over 32 characters", { name: "x".repeat(33) }, /name must be 1-32 letters/],
    ["an internal- name", { name: "internal-db" }, /name must be 1-32 letters.*"internal-"/],
    ["one subnet", { subnetIds: ["subnet-a"] }, /subnetIds must list at least two distinct subnets/],
    [
      "a DNS name with a scheme",
      { privateDnsName: "https://db.example.com" },
      /privateDnsName must be a lower-case DNS name/,
    ],
  ];
  test.each(cases)("refuses %s", (_what, props, message) => {
    const { stack, proxy } = proxyStack({ proxyName: "orders" });
    const err = thrownBy(
      () => new ProxyEndpointService(stack, "Link", { proxy, allowedPrincipals: [DATAFOLD], ...props }),
    );
    expect(err.message).toMatch(/^\[test\/Link\] invalid props: /);
    expect(err.message).toMatch(message);
  });

  test("refuses the default name when the proxy's name makes it too long, naming the fix", () => {
    const { stack, proxy } = proxyStack({ proxyName: "orders-production-proxy-main" });
    const err = thrownBy(
      () => new ProxyEndpointService(stack, "Link", { proxy, allowedPrincipals: [DATAFOLD] }),
    );
    expect(err.message).toMatch(
      /name must be 1-32 letters.*got "orders-production-proxy-main-link"\. Fix: pass a shorter name/,
    );
  });
});
