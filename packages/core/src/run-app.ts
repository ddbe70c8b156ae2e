import { ValidationError } from "./validation";

/** Where {@link runApp} writes and how it ends the process; for tests. */
export interface RunAppIo {
  /** @default writes to process.stderr */
  readonly writeError?: (text: string) => void;
  /** @default sets process.exitCode */
  readonly setExitCode?: (code: number) => void;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** Set to `1` to get the stack trace of a {@link ValidationError} from {@link runApp}. */
export const STACK_TRACE_VARIABLE = "AURORA_CDKTF_STACK_TRACE";

/**
 * Runs a CDKTF app's main function (build the stacks, `app.synth()`) so that an input error reads
 * as one message. A {@link ValidationError} thrown by any construct of this library is written to
 * stderr as its message alone (construct path, value, what is allowed, fix) and the process exits
 * with code 1; without `runApp`, Node prints the throwing source line and a stack trace first, and
 * `cdktf synth` repeats them. Every other error is rethrown unchanged, since a trace is what
 * explains it. Set `AURORA_CDKTF_STACK_TRACE=1` to rethrow validation errors too.
 *
 * ```ts
 * runApp(() => {
 *   const app = new App();
 *   new NetworkStack(app, "network");
 *   app.synth();
 * });
 * ```
 */
export function runApp(main: () => void, io: RunAppIo = {}): void {
  const env = io.env ?? process.env;
  try {
    main();
  } catch (err) {
    if (!isValidationError(err) || env[STACK_TRACE_VARIABLE] === "1") throw err;
    (io.writeError ?? ((t: string) => process.stderr.write(t)))(
      `${err.name}: ${err.message}\n(${STACK_TRACE_VARIABLE}=1 shows the stack trace)\n`,
    );
    (io.setExitCode ?? ((c: number) => (process.exitCode = c)))(1);
  }
}

/** A ValidationError, also one from another installed copy of core (same name and construct path). */
function isValidationError(err: unknown): err is ValidationError {
  return (
    err instanceof ValidationError ||
    (err instanceof Error &&
      err.name === "ValidationError" &&
      typeof (err as { constructPath?: unknown }).constructPath === "string")
  );
}
