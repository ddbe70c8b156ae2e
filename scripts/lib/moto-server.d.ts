// Types of moto-server.js, for the TypeScript tests (test/helpers/aws.ts).

/** A running moto_server (what `start` resolves to and `stop` takes). */
export interface MotoState {
  readonly pid: number;
  readonly port: number;
  readonly endpoint: string;
}

/** Starts moto_server on a free loopback port. */
export declare function start(): Promise<MotoState>;

/** Stops it (its process group); safe to call twice. */
export declare function stop(state: MotoState | undefined): void;

/** Environment that points the AWS provider (and SDKs) at moto with fake credentials. */
export declare function awsEnv(state: Pick<MotoState, "endpoint">): Record<string, string>;

/** Creates a Secrets Manager secret in moto; resolves to its ARN. */
export declare function createSecret(
  state: Pick<MotoState, "endpoint">,
  name: string,
  secretString: string,
): Promise<string>;

/** The current SecretString of a secret in moto (by name or ARN). */
export declare function getSecretString(
  state: Pick<MotoState, "endpoint">,
  secretId: string,
): Promise<string>;

/** Deletes a secret in moto at once (no recovery window), so that its name can be created again. */
export declare function forceDeleteSecret(
  state: Pick<MotoState, "endpoint">,
  secretId: string,
): Promise<void>;
