// Diagnostic preload (`node -r bench/defer-cdktf-deps.js app.js`): cdktf requires `archiver` (for
// TerraformAsset archives) and `semver` (for its engine version check) when it is loaded, about
// 250 of the ~380 files `require("cdktf")` reads, though an app without assets never calls them.
// This preload hands cdktf a stand-in for each that loads the real module on first use, to measure
// what those start-up requires cost. The output is the same. A measurement only: it patches Node's
// module loader, which is not advice for production apps (see bench/README.md).
"use strict";
const Module = require("module");

const DEFERRED = new Set(["archiver", "semver"]);
const load = Module._load;
Module._load = function deferredLoad(request, parent, isMain) {
  if (!DEFERRED.has(request)) return load.call(this, request, parent, isMain);
  let real;
  const get = () => (real ??= load.call(Module, request, parent, isMain));
  return new Proxy(function deferred() {}, {
    apply: (_t, self, args) => Reflect.apply(get(), self, args),
    construct: (_t, args) => Reflect.construct(get(), args),
    get: (_t, p) => Reflect.get(get(), p),
    has: (_t, p) => Reflect.has(get(), p),
  });
};
