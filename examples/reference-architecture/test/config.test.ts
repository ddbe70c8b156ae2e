import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { optionsFromEnvironment } from "../src/config";

/** A testing app with the given cdktf context. */
const appWith = (context: Record<string, unknown> = {}) => Testing.app({ context });

describe("optionsFromEnvironment", () => {
  describe("defaults", () => {
    it("reads nothing when the environment is empty: dev, the cluster through the port forward", () => {
      // GIVEN / WHEN
      const o = optionsFromEnvironment(appWith(), {});
      // THEN
      expect(o.stage).toBe("dev");
      expect(o.region).toBeUndefined();
      expect(o.awsProviderVersion).toBeUndefined();
      expect(o.databaseTarget).toMatchObject({
        mode: "cluster",
        tunnel: { kind: "port-forward", localHost: "127.0.0.1", localPort: 15432 },
      });
      expect(o.sshAllowedCidrs).toBeUndefined();
    });
  });

  describe("props", () => {
    it("takes the stage from STAGE", () => {
      expect(optionsFromEnvironment(appWith(), { STAGE: "pre-prod" }).stage).toBe("pre-prod");
    });

    it("prefers the cdktf context's stage over STAGE", () => {
      expect(optionsFromEnvironment(appWith({ stage: "prod" }), { STAGE: "test" }).stage).toBe("prod");
    });

    it("reads the region, the provider pin, SSH CIDRs, extensions and the schema", () => {
      // GIVEN / WHEN
      const o = optionsFromEnvironment(appWith(), {
        AWS_REGION: "eu-central-1",
        EXAMPLE_AWS_PROVIDER_VERSION: "5.100.0",
        BASTION_SSH_CIDRS: "203.0.113.0/24, 198.51.100.7/32",
        DB_EXTENSIONS: "pg_stat_statements,pgaudit",
        APP_SCHEMA: "orders",
      });
      // THEN
      expect(o).toMatchObject({
        region: "eu-central-1",
        awsProviderVersion: "5.100.0",
        sshAllowedCidrs: ["203.0.113.0/24", "198.51.100.7/32"],
        extensions: ["pg_stat_statements", "pgaudit"],
        schemaName: "orders",
      });
    });

    it("reads the state bucket from TF_STATE_BUCKET, and none when it is empty", () => {
      expect(optionsFromEnvironment(appWith(), { TF_STATE_BUCKET: " orders-tfstate " }).stateBucket).toBe(
        "orders-tfstate",
      );
      expect(optionsFromEnvironment(appWith(), { TF_STATE_BUCKET: "" }).stateBucket).toBeUndefined();
    });

    it.each([
      [
        { DB_TARGET: "local", PGDATABASE: "appdb" },
        { mode: "local", database: "appdb" },
      ],
      [{ DB_TUNNEL: "socks" }, { mode: "cluster", tunnel: { kind: "socks" } }],
      [{ DB_TUNNEL: "direct" }, { mode: "cluster", tunnel: { kind: "direct" } }],
      [
        { DB_TUNNEL_HOST: "localhost", DB_TUNNEL_PORT: "6543" },
        { mode: "cluster", tunnel: { kind: "port-forward", localHost: "localhost", localPort: 6543 } },
      ],
    ])("reads the database target from %j", (env, expected) => {
      expect(optionsFromEnvironment(appWith(), env).databaseTarget).toMatchObject(expected);
    });
  });

  describe("validation", () => {
    it.each([
      [{ STAGE: "qa" }, /STAGE must be one of dev, test, pre-prod, prod, got "qa"/],
      [{ DB_TARGET: "remote" }, /DB_TARGET must be "cluster" or "local", got "remote"/],
      [{ DB_TARGET: "local" }, /DB_TARGET=local needs PGDATABASE/],
      [{ DB_TUNNEL: "vpn" }, /DB_TUNNEL must be "port-forward", "socks" or "direct", got "vpn"/],
      [{ DB_TUNNEL_PORT: "70000" }, /DB_TUNNEL_PORT must be a port number \(1-65535\), got "70000"/],
    ])("fails on %j", (env, message) => {
      expect(() => optionsFromEnvironment(appWith(), env)).toThrow(message);
    });

    it("fails on an unknown stage in the context, naming the context", () => {
      expect(() => optionsFromEnvironment(appWith({ stage: "staging" }), {})).toThrow(
        /the cdktf context "stage" must be one of dev, test, pre-prod, prod, got "staging"/,
      );
    });
  });
});
