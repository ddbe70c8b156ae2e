// Diagnostic preload (`node -r bench/no-stack-traces.js app.js`): replaces cdktf's
// captureStackTrace, which every token (Intrinsic, Lazy, references) calls with an unlimited
// Error.stackTraceLimit, by one that returns no frames. Only error messages use those frames, so
// the synthesized output is the same; the time saved is what the stack traces cost.
"use strict";
const path = require("path");

const cdktfDir = path.dirname(require.resolve("cdktf/package.json", { paths: [process.cwd(), __dirname] }));
const stackTrace = require(path.join(cdktfDir, "lib/tokens/private/stack-trace"));
stackTrace.captureStackTrace = () => [];
