import { IConnectable, IPeer, rdsPostgresqlLogGroupName } from "@aurora-cdktf/core";
import { DEFAULT_ENGINE_VERSION } from "../engine";
import { AuroraPostgresClusterProps, MandatoryTags } from "../aurora-postgres-cluster-props";
import { AuroraPostgresClusterAttributes } from "../aurora-postgres-cluster-ref";
import { ADVANCED_INSIGHTS_MIN_RETENTION_DAYS, parameterGroupFamily } from "./engine";

/** The PostgreSQL port, of a new cluster and of an imported one whose attributes leave it out. */
const DEFAULT_PORT = 5432;
import { EnvironmentStage, STAGE_PRESETS } from "../stage-presets";

/** Every setting after the stage preset and the defaults were applied (each default once, here). */
export interface ResolvedSettings {
  readonly stage: EnvironmentStage;
  readonly clusterIdentifier: string;
  readonly databaseName: string;
  readonly masterUsername: string;
  readonly port: number;
  readonly engineVersion: string;
  /** Undefined when the engine major is not supported (reported by validation). */
  readonly family: string | undefined;
  readonly allowMajorVersionUpgrade: boolean;
  readonly instanceClass: string;
  readonly readers: number;
  readonly backupRetentionDays: number;
  readonly monitoringIntervalSeconds: number;
  readonly autoMinorVersionUpgrade: boolean;
  readonly performanceInsightsRetentionDays: number;
  readonly deletionProtection: boolean;
  readonly finalSnapshot: boolean;
  readonly finalSnapshotIdentifier: string;
  readonly caCertificateIdentifier: string;
  readonly masterPasswordRotationDays: number;
  readonly iamDatabaseAuthentication: boolean;
  readonly allowConnectionsFrom: readonly (IPeer | IConnectable)[];
  readonly allowAllOutbound: boolean;
  readonly postgresqlLogRetentionDays: number;
  readonly encryptPostgresqlLogs: boolean;
  readonly notificationEmails: readonly string[];
  readonly alarms: boolean;
  readonly eventSubscriptions: boolean;
  readonly keyDeletionWindowDays: number;
  readonly mandatoryTags: Required<MandatoryTags>;
  readonly tags: Readonly<Record<string, string>>;
}

/** Applies the stage preset, then the props, then the library defaults. */
export function resolveSettings(props: AuroraPostgresClusterProps): ResolvedSettings {
  const stage = props.stage ?? "dev";
  // An invalid stage is reported by validation; resolve against dev meanwhile.
  const preset = STAGE_PRESETS[stage] ?? STAGE_PRESETS.dev;
  const engineVersion =
    props.engineVersion ?? props.globalDatabase?.globalDatabase.engineVersion ?? DEFAULT_ENGINE_VERSION;
  return {
    stage,
    clusterIdentifier: props.clusterIdentifier,
    databaseName: props.databaseName,
    masterUsername: props.masterUsername ?? "postgres",
    port: props.port ?? DEFAULT_PORT,
    engineVersion,
    family: parameterGroupFamily(engineVersion),
    allowMajorVersionUpgrade: props.allowMajorVersionUpgrade ?? true,
    instanceClass: props.instanceClass ?? "db.r6g.large",
    readers: props.readers ?? preset.readers,
    backupRetentionDays: props.backupRetentionDays ?? preset.backupRetentionDays,
    monitoringIntervalSeconds: props.monitoringIntervalSeconds ?? preset.monitoringIntervalSeconds,
    autoMinorVersionUpgrade: props.autoMinorVersionUpgrade ?? preset.autoMinorVersionUpgrade,
    performanceInsightsRetentionDays:
      props.performanceInsightsRetentionDays ??
      (props.databaseInsightsMode === "advanced"
        ? Math.max(preset.performanceInsightsRetentionDays, ADVANCED_INSIGHTS_MIN_RETENTION_DAYS)
        : preset.performanceInsightsRetentionDays),
    deletionProtection: props.deletionProtection ?? preset.deletionProtection,
    finalSnapshot: props.finalSnapshot ?? preset.finalSnapshot,
    finalSnapshotIdentifier: props.finalSnapshotIdentifier ?? `${props.clusterIdentifier}-final-snapshot`,
    caCertificateIdentifier: props.caCertificateIdentifier ?? "rds-ca-rsa2048-g1",
    masterPasswordRotationDays: props.masterPasswordRotationDays ?? 30,
    iamDatabaseAuthentication: props.iamDatabaseAuthentication ?? true,
    allowConnectionsFrom: props.allowConnectionsFrom ?? [],
    allowAllOutbound: props.allowAllOutbound ?? true,
    postgresqlLogRetentionDays: props.postgresqlLogRetentionDays ?? preset.postgresqlLogRetentionDays,
    encryptPostgresqlLogs: props.encryptPostgresqlLogs ?? true,
    notificationEmails: props.notificationEmails ?? [],
    alarms: props.alarms ?? true,
    eventSubscriptions: props.eventSubscriptions ?? true,
    keyDeletionWindowDays: props.keyDeletionWindowDays ?? 30,
    mandatoryTags: {
      ...props.mandatoryTags,
      applicationVersion: props.mandatoryTags.applicationVersion ?? "1.0.0",
    },
    tags: props.tags ?? {},
  };
}

/** The attributes of an imported cluster with the defaults of the ones left out applied. */
export interface ResolvedAttributes extends AuroraPostgresClusterAttributes {
  readonly readerEndpoint: string;
  readonly port: number;
  readonly postgresqlLogGroupName: string;
}

/** Applies the defaults documented on {@link AuroraPostgresClusterAttributes}. */
export function resolveAttributes(attrs: AuroraPostgresClusterAttributes): ResolvedAttributes {
  return {
    ...attrs,
    readerEndpoint: attrs.readerEndpoint ?? attrs.clusterEndpoint,
    port: attrs.port ?? DEFAULT_PORT,
    postgresqlLogGroupName:
      attrs.postgresqlLogGroupName ?? rdsPostgresqlLogGroupName(attrs.clusterIdentifier),
  };
}

/** The seven mandatory tags (APG-41) as tag keys and values. */
export function mandatoryTagMap(settings: ResolvedSettings): Record<string, string> {
  const t = settings.mandatoryTags;
  return {
    EnvironmentStage: settings.stage,
    Application: t.application,
    ApplicationVersion: t.applicationVersion,
    ProjectCostCenter: t.projectCostCenter,
    ServiceOwnersEmailContact: t.serviceOwnersEmailContact,
    Confidentiality: t.confidentiality,
    Compliance: t.compliance,
  };
}
