// The reference architecture written with AWS CDK v2 L2 constructs, for the synth benchmark
// (bench/run.sh). Plain JavaScript so it runs in plain node without a compile step, the way
// `node dist/main.js` runs the compiled cdktf example.
//
// Stacks, as in examples/reference-architecture (AWS side only: AWS CDK has no counterpart of the
// postgresql-provider bootstrap stacks short of a custom-resource Lambda, so the CDK app does less):
//   Network  - Vpc, 3 AZs, public + private subnets, one NAT gateway per AZ, flow logs to CloudWatch,
//              S3 gateway endpoint
//   Bastion  - AutoScalingGroup (launch template, Amazon Linux 2023, IMDSv2, encrypted gp3, SSM role),
//              command-log group + metric filter + alarm, SNS notifications, KMS key
//   Database - KMS key, cluster + instance parameter groups, DatabaseCluster aurora-postgres with a
//              writer and one reader, enhanced monitoring, PI, log export, secret rotation, SNS topic,
//              per-instance CloudWatch alarms, RDS event subscriptions
//   Lineage  - IAM user + group with CloudWatchLogsReadOnlyAccess, access key stored in Secrets Manager
//
// Usage: node app.js [outdir]   (outdir defaults to ./cdk.out)
"use strict";
const cdk = require("aws-cdk-lib");
const autoscaling = require("aws-cdk-lib/aws-autoscaling");
const cloudwatch = require("aws-cdk-lib/aws-cloudwatch");
const cwActions = require("aws-cdk-lib/aws-cloudwatch-actions");
const ec2 = require("aws-cdk-lib/aws-ec2");
const iam = require("aws-cdk-lib/aws-iam");
const kms = require("aws-cdk-lib/aws-kms");
const logs = require("aws-cdk-lib/aws-logs");
const rds = require("aws-cdk-lib/aws-rds");
const secretsmanager = require("aws-cdk-lib/aws-secretsmanager");
const sns = require("aws-cdk-lib/aws-sns");
const subscriptions = require("aws-cdk-lib/aws-sns-subscriptions");

const ENV = { account: "123456789012", region: "eu-west-1" };
const AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
const TAGS = {
  application: "orders",
  "project-cost-center": "CC42",
  "service-owners-email-contact": "owners@example.com",
  confidentiality: "confidential",
  compliance: "none",
};

class NetworkStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    this.vpc = new ec2.Vpc(this, "Vpc", {
      ipAddresses: ec2.IpAddresses.cidr("10.0.0.0/16"),
      availabilityZones: AZS,
      natGateways: 3,
      subnetConfiguration: [
        { name: "public", subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: "private", subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      ],
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
      flowLogs: {
        all: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(
            new logs.LogGroup(this, "FlowLogs", { retention: logs.RetentionDays.ONE_YEAR }),
          ),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
      restrictDefaultSecurityGroup: true,
    });
  }
}

class BastionStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const key = new kms.Key(this, "Key", { enableKeyRotation: true, alias: "alias/bastion" });
    const topic = new sns.Topic(this, "Notifications", { masterKey: key });
    topic.addSubscription(new subscriptions.EmailSubscription("ops@example.com"));
    const securityGroup = new ec2.SecurityGroup(this, "SecurityGroup", {
      vpc: props.vpc,
      description: "Bastion",
      allowAllOutbound: true,
    });
    securityGroup.addIngressRule(ec2.Peer.ipv4("203.0.113.0/24"), ec2.Port.tcp(22), "SSH from the office");
    this.securityGroup = securityGroup;
    const role = new iam.Role(this, "Role", { assumedBy: new iam.ServicePrincipal("ec2.amazonaws.com") });
    role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore"));
    const commandLog = new logs.LogGroup(this, "CommandLog", {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: key,
    });
    commandLog.grantWrite(role);
    key.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${ENV.region}.amazonaws.com`));
    const launchTemplate = new ec2.LaunchTemplate(this, "LaunchTemplate", {
      instanceType: new ec2.InstanceType("t3.micro"),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      requireImdsv2: true,
      role,
      securityGroup,
      blockDevices: [
        {
          deviceName: "/dev/xvda",
          volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }),
        },
      ],
      userData: ec2.UserData.forLinux(),
    });
    launchTemplate.userData.addCommands(
      "dnf install -y amazon-cloudwatch-agent",
      `echo '{"logs":{"logs_collected":{"files":{"collect_list":[{"file_path":"/var/log/bastion/commands.log","log_group_name":"${commandLog.logGroupName}"}]}}}}' > /opt/aws/amazon-cloudwatch-agent/etc/config.json`,
    );
    new autoscaling.AutoScalingGroup(this, "Asg", {
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      launchTemplate,
      minCapacity: 1,
      maxCapacity: 1,
      notifications: [{ topic }],
    });
    const filter = new logs.MetricFilter(this, "SudoFilter", {
      logGroup: commandLog,
      filterPattern: logs.FilterPattern.literal("sudo"),
      metricNamespace: "Bastion",
      metricName: "SudoCommands",
    });
    filter
      .metric({ period: cdk.Duration.minutes(5), statistic: "Sum" })
      .createAlarm(this, "SudoAlarm", { threshold: 1, evaluationPeriods: 1 })
      .addAlarmAction(new cwActions.SnsAction(topic));
  }
}

class DatabaseStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const key = new kms.Key(this, "EncryptionKey", { enableKeyRotation: true, alias: "alias/orders-aurora" });
    const engine = rds.DatabaseClusterEngine.auroraPostgres({
      version: rds.AuroraPostgresEngineVersion.VER_16_4,
    });
    const clusterParameters = new rds.ParameterGroup(this, "ClusterParameterGroup", {
      engine,
      parameters: {
        "rds.force_ssl": "1",
        shared_preload_libraries: "pg_stat_statements,pgaudit",
        "pgaudit.log": "ddl,role",
      },
    });
    const instanceParameters = new rds.ParameterGroup(this, "InstanceParameterGroup", {
      engine,
      parameters: { log_statement: "mod", log_min_duration_statement: "1000" },
    });
    const securityGroup = new ec2.SecurityGroup(this, "SecurityGroup", {
      vpc: props.vpc,
      allowAllOutbound: false,
    });
    securityGroup.connections.allowFrom(props.bastionPeer, ec2.Port.tcp(5432), "bastion");
    const instanceProps = {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
      parameterGroup: instanceParameters,
      enablePerformanceInsights: true,
      performanceInsightRetention: rds.PerformanceInsightRetention.MONTHS_1,
      performanceInsightEncryptionKey: key,
      autoMinorVersionUpgrade: true,
    };
    this.cluster = new rds.DatabaseCluster(this, "Cluster", {
      engine,
      clusterIdentifier: "orders-prod",
      defaultDatabaseName: "orders",
      credentials: rds.Credentials.fromGeneratedSecret("postgres", { encryptionKey: key }),
      writer: rds.ClusterInstance.provisioned("Writer", instanceProps),
      readers: [rds.ClusterInstance.provisioned("Reader1", instanceProps)],
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [securityGroup],
      parameterGroup: clusterParameters,
      storageEncryptionKey: key,
      backup: { retention: cdk.Duration.days(35), preferredWindow: "03:00-04:00" },
      preferredMaintenanceWindow: "sun:05:00-sun:06:00",
      monitoringInterval: cdk.Duration.seconds(1),
      cloudwatchLogsExports: ["postgresql"],
      cloudwatchLogsRetention: logs.RetentionDays.ONE_MONTH,
      deletionProtection: true,
      removalPolicy: cdk.RemovalPolicy.SNAPSHOT,
      iamAuthentication: true,
    });
    this.cluster.addRotationSingleUser({ automaticallyAfter: cdk.Duration.days(30) });

    const topic = new sns.Topic(this, "NotificationTopic", { masterKey: key });
    topic.addSubscription(new subscriptions.EmailSubscription("dba@example.com"));
    key.grantEncryptDecrypt(new iam.ServicePrincipal("events.rds.amazonaws.com"));
    const alarms = [
      ["CPUUtilization", "Maximum", cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 80],
      [
        "MaximumUsedTransactionIDs",
        "Average",
        cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        6e8,
      ],
      [
        "FreeLocalStorage",
        "Average",
        cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
        5368709120,
      ],
    ];
    const instanceIds = this.cluster.instanceIdentifiers;
    ["Writer", "Reader1"].forEach((label, i) => {
      for (const [metricName, statistic, comparisonOperator, threshold] of alarms) {
        new cloudwatch.Metric({
          namespace: "AWS/RDS",
          metricName,
          statistic,
          period: cdk.Duration.minutes(1),
          dimensionsMap: { DBInstanceIdentifier: instanceIds[i] },
        })
          .createAlarm(this, `${label}${metricName}Alarm`, {
            threshold,
            evaluationPeriods: 5,
            comparisonOperator,
            treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          })
          .addAlarmAction(new cwActions.SnsAction(topic));
      }
    });
    const subscribe = (id, sourceType, sourceIds, eventCategories) =>
      new rds.CfnEventSubscription(this, id, {
        snsTopicArn: topic.topicArn,
        sourceType,
        sourceIds,
        eventCategories,
      });
    subscribe(
      "ClusterEvents",
      "db-cluster",
      [this.cluster.clusterIdentifier],
      ["failover", "failure", "notification"],
    );
    subscribe("InstanceEvents", "db-instance", instanceIds, [
      "availability",
      "configuration change",
      "deletion",
      "failover",
      "failure",
      "maintenance",
      "notification",
      "recovery",
    ]);
    subscribe(
      "ParameterGroupEvents",
      "db-parameter-group",
      [instanceParameters.bindToInstance({}).parameterGroupName],
      ["configuration change"],
    );
  }
}

class LineageStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const group = new iam.Group(this, "Group", {
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName("CloudWatchLogsReadOnlyAccess")],
    });
    const user = new iam.User(this, "User", { groups: [group] });
    const accessKey = new iam.AccessKey(this, "AccessKey", { user });
    new secretsmanager.Secret(this, "AccessKeySecret", {
      secretObjectValue: {
        accessKeyId: cdk.SecretValue.unsafePlainText(accessKey.accessKeyId),
        secretAccessKey: accessKey.secretAccessKey,
        logGroup: cdk.SecretValue.unsafePlainText(
          `/aws/rds/cluster/${props.cluster.clusterIdentifier}/postgresql`,
        ),
      },
    });
  }
}

const app = new cdk.App({ outdir: process.argv[2] || "cdk.out" });
for (const [k, v] of Object.entries(TAGS)) cdk.Tags.of(app).add(k, v);
const network = new NetworkStack(app, "Network", { env: ENV });
const bastion = new BastionStack(app, "Bastion", { env: ENV, vpc: network.vpc });
const database = new DatabaseStack(app, "Database", {
  env: ENV,
  vpc: network.vpc,
  bastionPeer: bastion.securityGroup,
});
new LineageStack(app, "Lineage", { env: ENV, cluster: database.cluster });
app.synth();
