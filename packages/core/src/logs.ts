/**
 * The retention values CloudWatch Logs accepts (`PutRetentionPolicy`), in days, plus `0` for
 * "never expire" (the `retention_in_days` argument is then left out).
 */
export const CLOUDWATCH_LOG_RETENTION_DAYS: readonly number[] = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * The log group RDS exports an Aurora PostgreSQL cluster's `postgresql` log to:
 * `/aws/rds/cluster/<clusterIdentifier>/postgresql`.
 */
export function rdsPostgresqlLogGroupName(clusterIdentifier: string): string {
  return `/aws/rds/cluster/${clusterIdentifier}/postgresql`;
}
