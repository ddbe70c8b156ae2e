// Preloaded with `node -r bench/rss-probe.js app.js`: prints, at exit, where the process's memory
// went (V8 heap, off-heap buffers, and the rest: code, compiled bytecode, native), to stderr.
"use strict";
process.on("exit", () => {
  const MB = (b) => `${(b / 1048576).toFixed(0)} MB`;
  const before = process.memoryUsage();
  if (global.gc) global.gc();
  const after = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stderr.write(
    [
      `peak RSS ${MB(peak)}; at exit: RSS ${MB(before.rss)}, V8 heap used ${MB(before.heapUsed)} of ${MB(before.heapTotal)}`,
      `(${MB(after.heapUsed)} live after a full GC), external ${MB(before.external)}, array buffers ${MB(before.arrayBuffers)},`,
      `other (code, bytecode, native, unreturned pages) ${MB(before.rss - before.heapTotal - before.external)}`,
    ].join(" ") + "\n",
  );
});
