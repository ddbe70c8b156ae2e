// Types of aws.js, for the TypeScript tests (test/helpers/aws.ts).

/** The hashicorp/aws version in the toolchain's mirror, if any. */
export declare function mirroredAwsVersion(): string | undefined;

/** Whether the toolchain's filesystem mirror holds a hashicorp/aws provider. */
export declare function awsProviderAvailable(): boolean;
