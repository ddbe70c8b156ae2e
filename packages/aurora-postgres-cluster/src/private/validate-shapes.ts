import { Token } from "cdktf";
import { duplicatesOf, Validator } from "@aurora-cdktf/core";
import { AuroraPostgresClusterProps } from "../aurora-postgres-cluster-props";
import { InstanceSettings } from "../cluster-shapes";
import { ResolvedSettings } from "./defaults";
import { ENGINE_VERSION_PATTERN } from "./engine";
import { groupCount, InstanceSpec, planInstances, READERS_MEMBER, WRITER_MEMBER } from "./instances";
import { customEndpointIdentifier } from "./scaling";

/** The rules an instance's settings share with the cluster-wide props. */
export interface InstanceRules {
  readonly instanceClass: RegExp;
  readonly instanceClassText: string;
  readonly monitoringIntervals: readonly number[];
  readonly performanceInsightsRetentions: readonly number[];
}

/** The instance class of Aurora Serverless v2. */
export const SERVERLESS_CLASS = "db.serverless";
/** Aurora allows 15 readers per cluster. */
const MAX_READERS = 15;
/** RDS instance and endpoint identifiers: at most 63 characters. */
const MAX_IDENTIFIER = 63;
/** Reader group names: lowercase letters and digits (no hyphen, so `<id>-<name>-<k>` stays unambiguous). */
const GROUP_NAME = /^[a-z][a-z0-9]{0,29}$/;
/** Custom endpoint names: lowercase letters, digits and single hyphens. */
const ENDPOINT_NAME = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,29}$/;
/**
 * The first minor of each major with Aurora Serverless v2 auto-pause (minimum 0 ACUs), per AWS's
 * "Scaling to Zero ACUs" page: 13.15, 14.12, 15.7, 16.3; every 17 release has it.
 */
const AUTO_PAUSE_FROM: Readonly<Record<string, number>> = { "13": 15, "14": 12, "15": 7, "16": 3 };
const FIRST_MAJOR_WITH_AUTO_PAUSE_IN_EVERY_MINOR = 17;
const MAX_COOLDOWN_SECONDS = 86400;

const halfSteps = (x: number) => Number.isInteger(x * 2);
const literal = (x: number | undefined): x is number => x !== undefined && !Token.isUnresolved(x);

/** Whether `engineVersion` ("major.minor") supports a minimum capacity of 0 ACUs. */
export function supportsAutoPause(engineVersion: string): boolean {
  const m = ENGINE_VERSION_PATTERN.exec(engineVersion);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major >= FIRST_MAJOR_WITH_AUTO_PAUSE_IN_EVERY_MINOR) return true;
  const from = AUTO_PAUSE_FROM[m[1]];
  return from !== undefined && minor >= from;
}

/**
 * Serverless v2, the writer's and reader groups' settings, read-replica auto scaling and custom
 * endpoints (the rules AWS and the provider would otherwise enforce at apply time, or settings
 * that would do nothing).
 */
export function validateShapes(
  v: Validator,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
  rules: InstanceRules,
): void {
  validateGroups(v, props, s, rules);
  const specs = planInstances(props, s);
  validateServerless(v, props, s, specs);
  validateInsightsConsistency(v, props, s, specs);
  validateAutoScaling(v, props, specs);
  validateEndpoints(v, props, s, specs);
}

function validateInstanceSettings(
  v: Validator,
  name: string,
  x: InstanceSettings,
  rules: InstanceRules,
): void {
  v.matches(`${name}.instanceClass`, x.instanceClass, rules.instanceClass, rules.instanceClassText)
    .integer(`${name}.promotionTier`, x.promotionTier, 0, 15, "(0 is promoted first.)")
    .oneOf(`${name}.monitoringIntervalSeconds`, x.monitoringIntervalSeconds, rules.monitoringIntervals)
    .oneOf(
      `${name}.performanceInsightsRetentionDays`,
      x.performanceInsightsRetentionDays,
      rules.performanceInsightsRetentions,
    )
    .check(
      x.performanceInsights === false && x.performanceInsightsRetentionDays !== undefined,
      `${name}.performanceInsightsRetentionDays is set, but ${name}.performanceInsights is false: nothing would be retained. Fix: remove one of them.`,
    );
}

function validateGroups(
  v: Validator,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
  rules: InstanceRules,
): void {
  const azs = props.vpc.availabilityZones;
  const knownAz = (az: string) => Token.isUnresolved(azs) || Token.isUnresolved(az) || azs.includes(az);
  const azList = Token.isUnresolved(azs) ? "" : ` (${azs.map((a) => JSON.stringify(a)).join(", ")})`;
  const writer = props.writer ?? {};
  validateInstanceSettings(v, "writer", writer, rules);
  v.check(
    writer.availabilityZone !== undefined && !knownAz(writer.availabilityZone),
    `writer.availabilityZone ${JSON.stringify(writer.availabilityZone)} is not an AZ of the VPC${azList}: the DB subnet group has no subnet there. Fix: use one of the VPC's AZs.`,
  );
  const groups = Object.entries(props.readerGroups ?? {});
  let total = Token.isUnresolved(s.readers) ? 0 : s.readers;
  for (const [name, group] of groups) {
    const path = `readerGroups.${name}`;
    v.matches(
      "readerGroups key",
      name,
      GROUP_NAME,
      "must be 1-30 lowercase letters and digits, starting with a letter (it goes into construct ids and instance identifiers)",
    ).check(
      name === WRITER_MEMBER || name === READERS_MEMBER,
      `readerGroups key ${JSON.stringify(name)} is reserved: custom endpoints name the writer "${WRITER_MEMBER}" and the numbered readers "${READERS_MEMBER}". Fix: choose another name, e.g. "analytics".`,
    );
    validateInstanceSettings(v, path, group, rules);
    const count = groupCount(group);
    v.integer(`${path}.count`, count, 1, MAX_READERS, "Remove the group instead of setting 0.");
    if (literal(count)) total += count;
    const identifier = `${s.clusterIdentifier}-${name}-${count}`;
    v.check(
      !Token.isUnresolved(s.clusterIdentifier) && identifier.length > MAX_IDENTIFIER,
      `${path}: the identifier of its last reader, ${JSON.stringify(identifier)}, is longer than RDS's ${MAX_IDENTIFIER} characters. Fix: use a shorter group name or clusterIdentifier.`,
    );
    const own = group.availabilityZones;
    v.check(
      own !== undefined && !Token.isUnresolved(own) && own.length === 0,
      `${path}.availabilityZones is empty. Fix: list at least one AZ, or leave it out to spread the readers over the AZs after the writer's.`,
    );
    const unknown = own === undefined || Token.isUnresolved(own) ? [] : own.filter((az) => !knownAz(az));
    v.check(
      unknown.length > 0,
      `${path}.availabilityZones ${JSON.stringify(unknown)} are not AZs of the VPC${azList}: the DB subnet group has no subnet there. Fix: use the VPC's AZs.`,
    );
  }
  v.check(
    groups.length > 0 && total > MAX_READERS,
    `readers (${s.readers}) and readerGroups (${total - (Token.isUnresolved(s.readers) ? 0 : s.readers)}) add up to ${total} readers; Aurora allows at most ${MAX_READERS} per cluster. Fix: remove readers or groups.`,
  ).check(
    groups.length > 0 && total > 0 && !Token.isUnresolved(azs) && azs.length < 2,
    `readerGroups need a VPC with at least two availability zones (readers go to another AZ than the writer), got ${Token.isUnresolved(azs) ? "?" : azs.length}. Use a multi-AZ VPC.`,
  );
}

function validateServerless(
  v: Validator,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
  specs: InstanceSpec[],
): void {
  const scaling = props.serverlessV2Scaling;
  const serverless = specs.filter((i) => i.instanceClass === SERVERLESS_CLASS);
  const names = serverless.map((i) => i.label).join(", ");
  if (scaling === undefined) {
    v.check(
      serverless.length > 0,
      `${serverless.length === 1 ? "instance" : "instances"} ${names} ${serverless.length === 1 ? "is" : "are"} ${SERVERLESS_CLASS}, but serverlessV2Scaling is not set: RDS needs the cluster's capacity range before it adds an Aurora Serverless v2 instance. Fix: set serverlessV2Scaling, e.g. { minCapacity: 0.5, maxCapacity: 8 }.`,
    );
    return;
  }
  const { minCapacity: min, maxCapacity: max, secondsUntilAutoPause: pause } = scaling;
  v.check(
    serverless.length === 0,
    `serverlessV2Scaling is set, but no instance is ${SERVERLESS_CLASS}: the capacity range would do nothing. Fix: set instanceClass (or writer/readerGroups instanceClass) to "${SERVERLESS_CLASS}", or remove serverlessV2Scaling.`,
  )
    .check(
      literal(min) && (min < 0 || min > 256 || !halfSteps(min)),
      `serverlessV2Scaling.minCapacity must be 0-256 ACUs in steps of 0.5, got ${min}.`,
    )
    .check(
      literal(max) && (max < 1 || max > 256 || !halfSteps(max)),
      `serverlessV2Scaling.maxCapacity must be 1-256 ACUs in steps of 0.5, got ${max}.`,
    )
    .check(
      literal(min) && literal(max) && max < min,
      `serverlessV2Scaling.maxCapacity (${max}) is below minCapacity (${min}). Fix: raise maxCapacity or lower minCapacity.`,
    )
    .check(
      min === 0 && !Token.isUnresolved(s.engineVersion) && !supportsAutoPause(s.engineVersion),
      `serverlessV2Scaling.minCapacity 0 (auto-pause) needs Aurora PostgreSQL 15.7, 16.3 or 17 or later, got engineVersion ${JSON.stringify(s.engineVersion)}. Fix: raise engineVersion, or set minCapacity to 0.5 or more.`,
    )
    .integer("serverlessV2Scaling.secondsUntilAutoPause", pause, 300, 86400)
    .check(
      pause !== undefined && literal(min) && min !== 0,
      `serverlessV2Scaling.secondsUntilAutoPause is set, but minCapacity is ${min}: instances only pause with minCapacity 0. Fix: set minCapacity: 0, or remove secondsUntilAutoPause.`,
    );
  // AWS: with any provisioned instance the writer never pauses, nor do readers in tiers 0-1.
  const provisioned = specs.some((i) => i.instanceClass !== SERVERLESS_CLASS);
  const canPause = serverless.some((i) => i.member !== WRITER_MEMBER && (i.promotionTier ?? 0) >= 2);
  v.check(
    min === 0 && serverless.length > 0 && provisioned && !canPause,
    `serverlessV2Scaling.minCapacity is 0 (auto-pause), but the cluster also has provisioned instances, so its ${SERVERLESS_CLASS} writer never pauses, nor do ${SERVERLESS_CLASS} readers in promotion tiers 0 and 1: no instance could ever pause. Fix: give ${SERVERLESS_CLASS} reader groups a promotionTier of 2-15, make every instance ${SERVERLESS_CLASS}, or set minCapacity to 0.5 or more.`,
  );
}

/**
 * With Database Insights the cluster carries Performance Insights, and RDS wants the same
 * Performance Insights and monitoring settings on every instance.
 */
function validateInsightsConsistency(
  v: Validator,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
  specs: InstanceSpec[],
): void {
  if (props.databaseInsightsMode === undefined) return;
  const differing = specs.filter(
    (i) =>
      !i.performanceInsights ||
      i.performanceInsightsRetentionDays !== s.performanceInsightsRetentionDays ||
      i.monitoringIntervalSeconds !== s.monitoringIntervalSeconds,
  );
  v.check(
    differing.length > 0,
    `databaseInsightsMode is set, so every instance needs the cluster's Performance Insights (on, ${s.performanceInsightsRetentionDays} days) and monitoring interval (${s.monitoringIntervalSeconds} s), but ${differing.map((i) => i.label).join(", ")} set their own. Fix: remove performanceInsights, performanceInsightsRetentionDays and monitoringIntervalSeconds from writer and readerGroups, or set the cluster-wide props.`,
  );
}

function validateAutoScaling(v: Validator, props: AuroraPostgresClusterProps, specs: InstanceSpec[]): void {
  const a = props.readerAutoScaling;
  if (a === undefined) return;
  const readers = specs.length - 1;
  const metric = a.metric ?? "cpu";
  v.integer("readerAutoScaling.minReaders", a.minReaders, 0, MAX_READERS)
    .integer("readerAutoScaling.maxReaders", a.maxReaders, 1, MAX_READERS)
    .check(
      literal(a.minReaders) && literal(a.maxReaders) && a.maxReaders < a.minReaders,
      `readerAutoScaling.maxReaders (${a.maxReaders}) is below minReaders (${a.minReaders}).`,
    )
    .oneOf("readerAutoScaling.metric", metric, ["cpu", "connections"])
    .check(
      literal(a.targetValue) && (a.targetValue <= 0 || (metric === "cpu" && a.targetValue > 100)),
      `readerAutoScaling.targetValue must be ${metric === "cpu" ? "a CPU percentage above 0 and at most 100" : "a connection count above 0"}, got ${a.targetValue}.`,
    )
    .integer("readerAutoScaling.scaleInCooldownSeconds", a.scaleInCooldownSeconds, 0, MAX_COOLDOWN_SECONDS)
    .integer("readerAutoScaling.scaleOutCooldownSeconds", a.scaleOutCooldownSeconds, 0, MAX_COOLDOWN_SECONDS)
    .check(
      readers === 0 && a.minReaders === 0,
      `readerAutoScaling tracks the readers' average ${metric === "cpu" ? "CPU" : "connections"}, but the cluster has no reader and minReaders is 0: without a reader there is no metric, so no reader would ever be added. Fix: set readers (or a reader group) to at least 1, or minReaders to at least 1.`,
    )
    .check(
      literal(a.maxReaders) && readers > a.maxReaders,
      `readerAutoScaling.maxReaders (${a.maxReaders}) is below the ${readers} readers Terraform manages, which auto scaling never removes. Fix: raise maxReaders to at least ${readers}.`,
    );
}

function validateEndpoints(
  v: Validator,
  props: AuroraPostgresClusterProps,
  s: ResolvedSettings,
  specs: InstanceSpec[],
): void {
  const known = [...new Set(specs.map((i) => i.member))];
  const knownText = known.map((m) => JSON.stringify(m)).join(", ");
  for (const [name, e] of Object.entries(props.customEndpoints ?? {})) {
    const path = `customEndpoints.${name}`;
    const identifier = customEndpointIdentifier(s.clusterIdentifier, name);
    v.matches(
      "customEndpoints key",
      name,
      ENDPOINT_NAME,
      "must be 1-30 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen",
    )
      .check(
        !Token.isUnresolved(s.clusterIdentifier) && identifier.length > MAX_IDENTIFIER,
        `${path}: its identifier ${JSON.stringify(identifier)} is longer than RDS's ${MAX_IDENTIFIER} characters. Fix: use a shorter name.`,
      )
      .oneOf(`${path}.type`, e.type, ["READER", "ANY"])
      .check(
        e.members !== undefined && e.excludedMembers !== undefined,
        `${path} sets both members and excludedMembers; an endpoint has either a static list or an exclusion list. Fix: keep one of them.`,
      );
    for (const list of ["members", "excludedMembers"] as const) {
      const given = e[list];
      if (given === undefined) continue;
      const unknown = given.filter((m) => !known.includes(m));
      v.check(
        given.length === 0,
        `${path}.${list} is empty. Fix: name at least one member, or leave ${list} out.`,
      )
        .check(
          unknown.length > 0,
          `${path}.${list} names ${JSON.stringify(unknown)}, which are not instances of this cluster; members are ${knownText}. Fix: use those names.`,
        )
        .check(
          duplicatesOf(given).length > 0,
          `${path}.${list} lists ${JSON.stringify(duplicatesOf(given))} more than once.`,
        );
    }
    const type = e.type ?? "READER";
    const excluded = e.excludedMembers ?? [];
    const targets = (e.members ?? known).filter(
      (m) => !excluded.includes(m) && !(m === WRITER_MEMBER && type === "READER"),
    );
    v.check(
      targets.length === 0 &&
        e.members?.length !== 0 &&
        (e.members !== undefined || !props.readerAutoScaling),
      `${path} would route to no instance: ${type === "READER" ? "a READER endpoint routes to readers only, and " : ""}its ${e.members ? "members name" : "instances left after excludedMembers hold"} no ${type === "READER" ? "reader" : "instance"}${e.members ? "" : " and no auto scaling adds readers"}. Fix: name a reader group or "readers"${type === "READER" ? ', or use type "ANY"' : ""}.`,
    );
  }
}
